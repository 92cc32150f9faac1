// Creators, engagements, agreements, approvals, market rules and the creator portal: response
// and request types (type-only imports from the server's services and Zod schemas, so nothing of
// the server reaches the bundle and the two cannot drift), query keys, query options and the
// writes.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { presentAgreement } from '../../server/modules/creators/agreements.ts';
import type { presentSubmission, UPLOAD_TYPES } from '../../server/modules/creators/approvals.ts';
import type { PresentedEngagement } from '../../server/modules/creators/engagements.ts';
import type { MarketPolicy } from '../../server/modules/creators/market-policies.ts';
import type { portalEngagement } from '../../server/modules/creators/portal.ts';
import type { presentCreator } from '../../server/modules/creators/roster.ts';
import type {
  acceptAgreementBody,
  creatorBody,
  deliverableInput,
  engagementBody,
  feedbackBody,
  linkSubmissionBody,
  policyBody,
  portalPostBody,
  updateCreatorBody,
  updateEngagementBody,
} from '../../server/modules/creators/schema.ts';
import type {
  Channel,
  ENGAGEMENT_STATUSES,
  EngagementStatus,
  PLATFORMS,
  policyDefaults,
} from '../../server/modules/creators/tables.ts';
import type { Locale } from '../../shared/i18n/runtime.ts';
import { ApiError, api, NetworkError } from './client.ts';

export type Creator = ReturnType<typeof presentCreator>;
export type CreatorInput = z.input<typeof creatorBody>;
export type CreatorUpdate = z.input<typeof updateCreatorBody>;
export type EngagementInput = z.input<typeof engagementBody>;
export type EngagementUpdate = z.input<typeof updateEngagementBody>;
export type FeedbackInput = z.input<typeof feedbackBody>;
export type LinkSubmissionInput = z.input<typeof linkSubmissionBody>;
export type PortalPostInput = z.input<typeof portalPostBody>;
export type AgreementAcceptance = z.input<typeof acceptAgreementBody>;
export type Engagement = PresentedEngagement;
export type Agreement = ReturnType<typeof presentAgreement>;
export type Submission = ReturnType<typeof presentSubmission>;
export type EngagementDetail = Engagement & { agreements: Agreement[]; submissions: Submission[] };
export type Policy = MarketPolicy;
export type PolicyInput = z.input<typeof policyBody>;
export type PolicyDefault = typeof policyDefaults.$inferSelect;
export type PortalEngagement = Awaited<ReturnType<typeof portalEngagement>>;
export type DeliverableInput = z.input<typeof deliverableInput>;
export type Platform = (typeof PLATFORMS)[number];
export type { Channel, EngagementStatus };
export type ScoreLine = Engagement['score']['breakdown'][number];

// Mirror the server's lists (src/server/modules/creators/tables.ts, approvals.ts); the server validates again.
export const PLATFORM_OPTIONS = [
  'instagram',
  'tiktok',
  'youtube',
  'telegram',
  'vk',
  'other',
] as const satisfies readonly Platform[];
export const STATUS_ORDER = [
  'shortlisted',
  'contacted',
  'tentative',
  'confirmed',
  'agreement_sent',
  'signed',
  'in_production',
  'draft_submitted',
  'revising',
  'approved',
  'live',
  'reported',
  'declined',
  'dropped',
] as const satisfies typeof ENGAGEMENT_STATUSES;
/** Set by the agreement (portal acceptance or uploaded PDF), never by hand. */
export const SET_BY_AGREEMENT: readonly EngagementStatus[] = ['signed'];
export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
export const UPLOAD_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'application/pdf',
] as const satisfies typeof UPLOAD_TYPES;
/** Extensions for files whose type the browser does not report. */
const TYPE_BY_EXTENSION: Record<string, (typeof UPLOAD_MIME_TYPES)[number]> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
};

/** The upload type of a file, or null when the server would refuse it. */
export function uploadTypeOf(file: File): string | null {
  if ((UPLOAD_MIME_TYPES as readonly string[]).includes(file.type)) return file.type;
  if (file.type) return null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[extension] ?? null;
}

export const creatorKeys = {
  roster: ['creators'] as const,
  policyDefaults: ['policy-defaults'] as const,
  engagements: (campaignId: string) => ['campaign', campaignId, 'engagements'] as const,
  engagement: (campaignId: string, id: string) => ['campaign', campaignId, 'engagements', id] as const,
  policies: (campaignId: string) => ['campaign', campaignId, 'policies'] as const,
  history: (campaignId: string, id: string) =>
    ['campaign', campaignId, 'engagements', id, 'history'] as const,
  portal: ['portal'] as const,
  portalEngagement: (id: string) => ['portal', id] as const,
};

export const rosterQuery = queryOptions({
  queryKey: creatorKeys.roster,
  queryFn: ({ signal }) => api<{ creators: Creator[] }>('GET', '/api/creators', { signal }),
  select: (data) => data.creators,
});

export const policyDefaultsQuery = queryOptions({
  queryKey: creatorKeys.policyDefaults,
  queryFn: ({ signal }) => api<{ defaults: PolicyDefault[] }>('GET', '/api/policy-defaults', { signal }),
  select: (data) => data.defaults,
});

export const engagementsQuery = (campaignId: string) =>
  queryOptions({
    queryKey: creatorKeys.engagements(campaignId),
    queryFn: ({ signal }) =>
      api<{ engagements: Engagement[] }>('GET', `/api/campaigns/${campaignId}/engagements`, { signal }),
    select: (data) => data.engagements,
  });

export const engagementQuery = (campaignId: string, id: string) =>
  queryOptions({
    queryKey: creatorKeys.engagement(campaignId, id),
    queryFn: ({ signal }) => api<EngagementDetail>('GET', `/api/engagements/${id}`, { signal }),
  });

export const policiesQuery = (campaignId: string) =>
  queryOptions({
    queryKey: creatorKeys.policies(campaignId),
    queryFn: ({ signal }) =>
      api<{ policies: Policy[] }>('GET', `/api/campaigns/${campaignId}/policies`, { signal }),
    select: (data) => data.policies,
  });

export interface StatusEvent {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  before: { status?: string } | null;
  /** `note`: why the server moved it, as a code and parameters (payload v2); `reason`: typed by a person,
   * or, in events stored before v2, an English sentence shown as it is. */
  after: {
    status?: string;
    reason?: string | null;
    note?: ({ code: string } & Record<string, string | number>) | null;
  } | null;
}

/** Status changes of one engagement, newest first, with who and why (from the audit log). */
export const statusHistoryQuery = (campaignId: string, id: string) =>
  queryOptions({
    queryKey: creatorKeys.history(campaignId, id),
    queryFn: ({ signal }) =>
      api<{ events: StatusEvent[] }>('GET', '/api/audit', {
        signal,
        query: { entityType: 'engagement', entityId: id, action: 'engagement.status_changed' },
      }),
    select: (data) => data.events,
  });

export const portalQuery = queryOptions({
  queryKey: creatorKeys.portal,
  queryFn: ({ signal }) =>
    api<{ engagements: PortalEngagement[] }>('GET', '/api/portal/engagements', { signal }),
  select: (data) => data.engagements,
  refetchInterval: 60_000,
});

export const portalEngagementQuery = (id: string) =>
  queryOptions({
    queryKey: creatorKeys.portalEngagement(id),
    queryFn: ({ signal }) => api<PortalEngagement>('GET', `/api/portal/engagements/${id}`, { signal }),
    refetchInterval: 60_000,
  });

// Writes: one function per route, its body typed by the server's Zod schema.

export const createCreator = (body: CreatorInput) => api<Creator>('POST', '/api/creators', { body });

export const updateCreator = (id: string, body: CreatorUpdate) =>
  api<Creator>('PATCH', `/api/creators/${id}`, { body });

export const setCampaignPolicy = (campaignId: string, marketCode: string, body: PolicyInput) =>
  api<Policy>('PUT', `/api/campaigns/${campaignId}/policies/${marketCode}`, { body });

export const setPolicyDefault = (marketCode: string, body: PolicyInput) =>
  api<PolicyDefault>('PUT', `/api/policy-defaults/${marketCode}`, { body });

export const createEngagement = (campaignId: string, body: EngagementInput) =>
  api<Engagement>('POST', `/api/campaigns/${campaignId}/engagements`, { body });

/** Status (with a reason), terms, ratings, respond-by or the post; 409 when `version` is stale. */
export const updateEngagement = (id: string, body: EngagementUpdate) =>
  api<Engagement>('PATCH', `/api/engagements/${id}`, { body });

/** The next agreement version, from the template of `language` (default the creator's). */
export const generateAgreement = (engagementId: string, language?: string) =>
  api<Agreement>('POST', `/api/engagements/${engagementId}/agreements`, { body: { language } });

export const sendAgreement = (id: string) =>
  api<Agreement>('POST', `/api/agreements/${id}/send`, { body: {} });

export const giveFeedback = (submissionId: string, body: FeedbackInput) =>
  api<Submission>('POST', `/api/submissions/${submissionId}/feedback`, { body });

/** A draft recorded on the creator's behalf (a link). */
export const recordSubmission = (engagementId: string, body: LinkSubmissionInput) =>
  api<Submission>('POST', `/api/engagements/${engagementId}/submissions`, { body });

/** The creator records their own live post from the portal. */
export const postFromPortal = (engagementId: string, body: PortalPostInput) =>
  api<PortalEngagement>('POST', `/api/portal/engagements/${encodeURIComponent(engagementId)}/live`, {
    body,
  });

/** The creator accepts an agreement in the portal by typing their full name. */
export const acceptAgreement = (id: string, body: AgreementAcceptance) =>
  api<Agreement>('POST', `/api/portal/agreements/${id}/accept`, { body });

/** A draft link submitted by the creator in the portal. */
export const submitPortalLink = (engagementId: string, body: LinkSubmissionInput) =>
  api<Submission>('POST', `/api/portal/engagements/${engagementId}/submissions`, { body });

/**
 * Sends a file or a CSV as the request body itself (not JSON), with its own Content-Type;
 * errors come back as `ApiError` like every other request.
 */
export async function sendRaw<T>(
  path: string,
  body: Blob | string,
  contentType: string,
  locale: Locale,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        'content-type': contentType,
        ...headers,
      },
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new NetworkError();
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    throw new NetworkError(response.status);
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (error?.code)
      throw new ApiError(response.status, error.code, error.message ?? error.code, error.details);
    throw new NetworkError(response.status);
  }
  return payload as T;
}

/** Per-line problems of a refused roster import (`error.details: [{line, message}]`). */
export function importLineErrors(error: unknown): Array<{ line: number; message: string }> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Array<{ line?: unknown; message?: unknown }>)
    .filter((d) => typeof d?.line === 'number' && typeof d.message === 'string')
    .map((d) => ({ line: d.line as number, message: d.message as string }));
}
