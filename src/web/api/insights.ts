// Meetings (working hours, slot finder, meetings, decisions) and measurement (report, imports,
// exchange rates, figures typed in by hand): response types (type-only imports from the
// server's services and Zod schemas, so nothing of the server reaches the bundle), query keys,
// query options and the writes.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PresentedMeeting } from '../../server/modules/meetings/schedule-meeting.ts';
import type {
  createMeetingBody,
  decisionBody,
  decisionToTaskBody,
  externalParticipantBody,
  setWorkingHoursBody,
  slotsBody,
  updateMeetingBody,
} from '../../server/modules/meetings/schema.ts';
import type { presentExternal } from '../../server/modules/meetings/working-hours.ts';
import type { CampaignReport } from '../../server/modules/metrics/report.ts';
import type { presentImport } from '../../server/modules/metrics/run-import.ts';
import type {
  fxBody,
  fxRatesSchema,
  manualMetricsBody,
  manualMetricsSchema,
} from '../../server/modules/metrics/schema.ts';
import type { IMPORT_FORMATS } from '../../server/modules/metrics/tables.ts';
import type { Locale } from '../../shared/i18n/runtime.ts';
import type { Slot, WeeklyHours } from '../../shared/meetings/slot-finder.ts';
import { ApiError, api, NetworkError } from './client.ts';
import type { Task } from './tracker.ts';

export type Meeting = PresentedMeeting;
export type MeetingPerson = Meeting['participants'][number];
export type Decision = Meeting['decisions'][number];
export type CreateMeetingInput = z.input<typeof createMeetingBody>;
export type MeetingUpdate = z.input<typeof updateMeetingBody>;
export type DecisionInput = z.input<typeof decisionBody>;
export type DecisionTaskInput = z.input<typeof decisionToTaskBody>;
export type WorkingHoursInput = z.input<typeof setWorkingHoursBody>;
export type SlotsInput = z.input<typeof slotsBody>;
export type ExternalParticipant = ReturnType<typeof presentExternal>;
export type ExternalParticipantInput = z.input<typeof externalParticipantBody>;
export type { Slot, WeeklyHours };

export type Report = CampaignReport;
export type MarketReport = Report['markets'][number];
export type KpiReport = MarketReport['kpis'][number];
export type CreatorReport = Report['creators'][number];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportState = ReturnType<typeof presentImport> & { failureMessage?: string | null };
export type ManualMetricsInput = z.input<typeof manualMetricsBody>;
export type FxInput = z.input<typeof fxBody>;

export interface WorkingHoursResponse {
  timeZone: string;
  hours: WeeklyHours;
}

export interface SlotsResponse {
  perfect: boolean;
  /** `user:<id>`, `external:<id>` (the slot's `outside[].participantId` uses the same ids). */
  participants: Array<{ id: string; name: string; timeZone: string }>;
  slots: Slot[];
}

export type FxRates = z.output<typeof fxRatesSchema>;

export const IMPORT_FORMAT_OPTIONS = [
  'shopify-orders',
  'post-metrics',
] as const satisfies readonly ImportFormat[];

export {
  COUNT_FIELDS,
  IDENTITY_FIELDS,
  METRIC_FIELDS,
  type MetricField,
  SHOPIFY_REQUIRED_COLUMNS as SHOPIFY_COLUMNS,
} from '../../shared/measurement.ts';

/** Everything below lives under `['campaign', id]`, so a reconnect of the live stream refetches it. */
export const insightKeys = {
  workingHours: ['me', 'working-hours'] as const,
  userHours: (userId: string) => ['users', userId, 'working-hours'] as const,
  externals: ['external-participants'] as const,
  meetings: (campaignId: string) => ['campaign', campaignId, 'meetings'] as const,
  meeting: (campaignId: string, id: string) => ['campaign', campaignId, 'meetings', id] as const,
  report: (campaignId: string) => ['campaign', campaignId, 'report'] as const,
  imports: (campaignId: string) => ['campaign', campaignId, 'imports'] as const,
  importState: (campaignId: string, id: string) => ['campaign', campaignId, 'imports', id] as const,
  fx: (campaignId: string) => ['campaign', campaignId, 'fx'] as const,
};

export const workingHoursQuery = queryOptions({
  queryKey: insightKeys.workingHours,
  queryFn: ({ signal }) => api<WorkingHoursResponse>('GET', '/api/me/working-hours', { signal }),
});

export const userHoursQuery = (userId: string) =>
  queryOptions({
    queryKey: insightKeys.userHours(userId),
    queryFn: ({ signal }) =>
      api<{ hours: WeeklyHours }>('GET', `/api/users/${userId}/working-hours`, { signal }),
    select: (data) => data.hours,
    staleTime: 60_000,
  });

export const externalsQuery = queryOptions({
  queryKey: insightKeys.externals,
  queryFn: ({ signal }) =>
    api<{ participants: ExternalParticipant[] }>('GET', '/api/external-participants', { signal }),
  select: (data) => data.participants,
});

export const meetingsQuery = (campaignId: string) =>
  queryOptions({
    queryKey: insightKeys.meetings(campaignId),
    queryFn: ({ signal }) =>
      api<{ meetings: Meeting[] }>('GET', `/api/campaigns/${campaignId}/meetings`, { signal }),
    select: (data) => data.meetings,
  });

export const meetingQuery = (campaignId: string, id: string) =>
  queryOptions({
    queryKey: insightKeys.meeting(campaignId, id),
    queryFn: ({ signal }) => api<Meeting>('GET', `/api/meetings/${id}`, { signal }),
  });

export const reportQuery = (campaignId: string) =>
  queryOptions({
    queryKey: insightKeys.report(campaignId),
    queryFn: ({ signal }) => api<Report>('GET', `/api/campaigns/${campaignId}/report`, { signal }),
  });

export const importsQuery = (campaignId: string) =>
  queryOptions({
    queryKey: insightKeys.imports(campaignId),
    queryFn: ({ signal }) =>
      api<{ imports: ImportState[] }>('GET', `/api/campaigns/${campaignId}/imports`, { signal }),
    select: (data) => data.imports,
  });

const running = (state: ImportState | undefined) =>
  !state || state.status === 'uploading' || state.status === 'processing';

/** One import, polled every 500 ms while it runs. */
export const importStateQuery = (campaignId: string, id: string) =>
  queryOptions({
    queryKey: insightKeys.importState(campaignId, id),
    queryFn: ({ signal }) => api<ImportState>('GET', `/api/imports/${id}`, { signal }),
    refetchInterval: (query) => (running(query.state.data) ? 500 : false),
  });

export const isImportRunning = running;

export const fxQuery = (campaignId: string) =>
  queryOptions({
    queryKey: insightKeys.fx(campaignId),
    queryFn: ({ signal }) => api<FxRates>('GET', `/api/campaigns/${campaignId}/fx`, { signal }),
  });

// Writes: one function per route, its body typed by the server's Zod schema.

export const setWorkingHours = (body: WorkingHoursInput) =>
  api<WorkingHoursResponse>('PUT', '/api/me/working-hours', { body });

/** Someone outside Tandem (a creator, an interpreter…) who can be invited to meetings. */
export const createExternalParticipant = (body: ExternalParticipantInput) =>
  api<ExternalParticipant>('POST', '/api/external-participants', { body });

/** Times that suit everyone, best first (POST: the participants make a long query). */
export const findSlots = (body: SlotsInput) => api<SlotsResponse>('POST', '/api/meetings/slots', { body });

export const createMeeting = (campaignId: string, body: CreateMeetingInput) =>
  api<Meeting>('POST', `/api/campaigns/${campaignId}/meetings`, { body });

/** 409 `version_conflict` when `version` is stale. */
export const updateMeeting = (id: string, body: MeetingUpdate) =>
  api<Meeting>('PATCH', `/api/meetings/${id}`, { body });

export const cancelMeeting = (id: string) => api<Meeting>('POST', `/api/meetings/${id}/cancel`);

export const recordDecision = (meetingId: string, body: DecisionInput) =>
  api<Decision>('POST', `/api/meetings/${meetingId}/decisions`, { body });

/** 409 `decision_has_task` when someone made the task first. */
export const decisionToTask = (meetingId: string, decisionId: string, body: DecisionTaskInput) =>
  api<Task>('POST', `/api/meetings/${meetingId}/decisions/${decisionId}/task`, { body });

/** Figures typed in by hand for a post (Telegram, VK), with where they come from. */
export const recordManualMetrics = (engagementId: string, body: ManualMetricsInput) =>
  api<z.output<typeof manualMetricsSchema>>('POST', `/api/engagements/${engagementId}/metrics`, { body });

export const setExchangeRates = (campaignId: string, body: FxInput) =>
  api<FxRates>('PUT', `/api/campaigns/${campaignId}/fx`, { body });

/** Removes everything an import brought in. */
export const undoImport = (id: string) => api<ImportState>('POST', `/api/imports/${id}/undo`);

/** `/api/meetings/:id/ics?language=…`: the invitation as iCalendar. */
export const icsUrl = (meetingId: string, language: string) =>
  `/api/meetings/${meetingId}/ics?language=${encodeURIComponent(language)}`;

export type Paper = 'a4' | 'letter';

export const reportPrintUrl = (campaignId: string, language: string, paper: Paper) =>
  `/api/campaigns/${campaignId}/report/print?language=${encodeURIComponent(language)}&paper=${paper}`;

export const reportCsvUrl = (campaignId: string, language: string) =>
  `/api/campaigns/${campaignId}/report.csv?language=${encodeURIComponent(language)}`;

/**
 * Uploads a CSV as the request body itself (`text/csv`), answered `202 {id}`; `onProgress` gets
 * the share of bytes sent (XMLHttpRequest: fetch reports no upload progress). Errors come back as
 * `ApiError` like every other request.
 */
export function uploadImport(
  campaignId: string,
  file: Blob,
  options: { format: ImportFormat; fileName?: string; mapping?: Record<string, string> },
  locale: Locale,
  onProgress?: (share: number) => void,
): Promise<{ id: string }> {
  const query = new URLSearchParams({ format: options.format });
  if (options.fileName) query.set('fileName', options.fileName.slice(0, 200));
  if (options.mapping && Object.keys(options.mapping).length)
    query.set('mapping', JSON.stringify(options.mapping));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/campaigns/${campaignId}/imports?${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', locale);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        reject(new NetworkError(xhr.status));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as { id: string });
        return;
      }
      const error = (
        payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined
      )?.error;
      reject(
        error?.code
          ? new ApiError(xhr.status, error.code, error.message ?? error.code, error.details)
          : new NetworkError(xhr.status),
      );
    };
    xhr.send(file);
  });
}
