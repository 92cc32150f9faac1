// Campaign and brief data for the web app: response types (from the server's schemas and
// services, type-only imports), query keys and query options.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { acknowledgementStatus } from '../../server/modules/briefs/acknowledge-version.ts';
import type { diffVersions } from '../../server/modules/briefs/diff-versions.ts';
import type { findVersion, listVersions } from '../../server/modules/briefs/publish-version.ts';
import type {
  acknowledgeBody,
  briefSchema,
  confirmTextBody,
  editDataBody,
  editTextBody,
  publishBody,
  requestAcknowledgementBody,
  SectionData,
  sectionSchema,
  textStateSchema,
} from '../../server/modules/briefs/schema.ts';
import type { SectionKey } from '../../server/modules/briefs/tables.ts';
import type {
  campaignSchema,
  createCampaignBody,
  marketInput,
  marketSchema,
  updateCampaignBody,
} from '../../server/modules/campaigns/schema.ts';
import type { Objective } from '../../server/modules/campaigns/tables.ts';
import { api } from './client.ts';

export type Campaign = z.infer<typeof campaignSchema>;
export type Market = z.infer<typeof marketSchema>;
export type MarketInput = z.input<typeof marketInput>;
export type CreateCampaignBody = z.input<typeof createCampaignBody>;
export type UpdateCampaignBody = z.input<typeof updateCampaignBody>;
export type { Objective, SectionData, SectionKey };

export type Brief = z.infer<typeof briefSchema>;
export type BriefSection = z.infer<typeof sectionSchema>;
export type BriefText = z.infer<typeof textStateSchema>;
export type BriefVersion = Awaited<ReturnType<typeof findVersion>>;
export type BriefVersionSummary = Awaited<ReturnType<typeof listVersions>>[number];
export type BriefDiff = Awaited<ReturnType<typeof diffVersions>>;
export type AcknowledgementStatus = Awaited<ReturnType<typeof acknowledgementStatus>>;
export type SectionTextEdit = z.input<typeof editTextBody>;
export type SectionTextConfirmation = z.input<typeof confirmTextBody>;
export type SectionDataEdit = z.input<typeof editDataBody>;
export type PublishInput = z.input<typeof publishBody>;
export type AcknowledgeInput = z.input<typeof acknowledgeBody>;
export type AcknowledgementRequest = z.input<typeof requestAcknowledgementBody>;

// Mirrors the server's lists (src/server/modules/…); the server validates again.
export const OBJECTIVE_OPTIONS = [
  'awareness',
  'conversion',
  'engagement',
] as const satisfies readonly Objective[];
export const SECTION_ORDER = [
  'objective',
  'guardrails',
  'selection_criteria',
  'timeline',
  'measurement',
  'escalation',
] as const satisfies readonly SectionKey[];
export const AWARENESS_KPIS = ['reach', 'impressions', 'views', 'engagement_rate', 'cpm'] as const;
export const CONVERSION_KPIS = ['clicks', 'orders', 'revenue', 'conversion_rate', 'cpa', 'roas'] as const;
export const OTHER_KPIS = ['cpe', 'engagements'] as const;
export type KpiMetric = SectionData['measurement']['markets'][number]['kpis'][number]['metric'];

/** Realtime change in a campaign, as `GET /api/campaigns/:id/events` sends it (`event: change`). */
export interface CampaignEvent {
  type: string;
  entityType: string;
  entityId: string;
  scope?: string;
  at?: string;
  data?: Record<string, unknown>;
}

/**
 * Query keys. Everything inside one campaign starts with `['campaign', id]`, so a reconnect
 * of the live stream can refetch the lot; the tracker's queries can live under it too.
 */
export const campaignKeys = {
  list: ['campaigns'] as const,
  all: (id: string) => ['campaign', id] as const,
  detail: (id: string) => ['campaign', id, 'detail'] as const,
  brief: (id: string) => ['campaign', id, 'brief'] as const,
  versions: (id: string) => ['campaign', id, 'versions'] as const,
  version: (id: string, v: number) => ['campaign', id, 'versions', v] as const,
  diff: (id: string, a: number, b: number) => ['campaign', id, 'diff', a, b] as const,
  acknowledgements: (id: string, v: number) => ['campaign', id, 'acknowledgements', v] as const,
};

export const campaignsQuery = queryOptions({
  queryKey: campaignKeys.list,
  queryFn: ({ signal }) => api<{ campaigns: Campaign[] }>('GET', '/api/campaigns', { signal }),
  select: (data) => data.campaigns,
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => api<Campaign>('GET', `/api/campaigns/${id}`, { signal }),
  });

export const briefQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.brief(id),
    queryFn: ({ signal }) => api<Brief>('GET', `/api/campaigns/${id}/brief`, { signal }),
  });

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ versions: BriefVersionSummary[] }>('GET', `/api/campaigns/${id}/brief/versions`, { signal }),
    select: (data) => data.versions,
  });

/** A published version never changes. */
export const versionQuery = (id: string, v: number) =>
  queryOptions({
    queryKey: campaignKeys.version(id, v),
    queryFn: ({ signal }) => api<BriefVersion>('GET', `/api/campaigns/${id}/brief/versions/${v}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const diffQuery = (id: string, a: number, b: number) =>
  queryOptions({
    queryKey: campaignKeys.diff(id, a, b),
    queryFn: ({ signal }) =>
      api<BriefDiff>('GET', `/api/campaigns/${id}/brief/versions/${a}/diff/${b}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const acknowledgementsQuery = (id: string, v: number) =>
  queryOptions({
    queryKey: campaignKeys.acknowledgements(id, v),
    queryFn: ({ signal }) =>
      api<AcknowledgementStatus>('GET', `/api/campaigns/${id}/brief/versions/${v}/acknowledgements`, {
        signal,
      }),
  });

/** Export of a published version: a print-ready page (html) or a Markdown download. */
export function exportUrl(id: string, v: number, format: 'html' | 'markdown', language: string) {
  const query = new URLSearchParams({ format, language });
  return `/api/campaigns/${id}/brief/versions/${v}/export?${query}`;
}

// Writes: one function per route, its body typed by the server's Zod schema.

export const createCampaign = (body: CreateCampaignBody) => api<Campaign>('POST', '/api/campaigns', { body });

/** Name, brand, launch window, grace or markets; 409 `version_conflict` when `version` is stale. */
export const updateCampaign = (id: string, body: UpdateCampaignBody) =>
  api<Campaign>('PATCH', `/api/campaigns/${id}`, { body });

/** The demo workspace's campaign and its team with their generated passwords (shown once). */
export interface LoadedDemo {
  campaignId: string;
  people: Array<{
    id: string;
    name: string;
    email: string;
    role: string;
    marketCodes: string[];
    password: string;
  }>;
}

/** Loads the demo workspace (admins, once). */
export const loadDemo = () => api<LoadedDemo>('POST', '/api/demo');

const sectionPath = (campaignId: string, key: SectionKey) =>
  `/api/campaigns/${campaignId}/brief/sections/${key}`;

/** One language's text of a section; 409 `version_conflict` (with `current`) when `baseRevision` is stale. */
export const saveSectionText = (campaignId: string, key: SectionKey, body: SectionTextEdit) =>
  api<Brief>('PUT', sectionPath(campaignId, key), { body });

/** Marks a text as still right after the other language changed. */
export const confirmSectionText = (campaignId: string, key: SectionKey, body: SectionTextConfirmation) =>
  api<Brief>('POST', `${sectionPath(campaignId, key)}/confirm`, { body });

/** The structured part of a section, replaced as a whole; 409 when `baseRevision` is stale. */
export const saveSectionData = (campaignId: string, key: SectionKey, body: SectionDataEdit) =>
  api<Brief>('PUT', `${sectionPath(campaignId, key)}/data`, { body });

/** Freezes the brief as the next numbered version. */
export const publishBrief = (campaignId: string, body: PublishInput) =>
  api<{ version: number; publishedAt: string; staleTexts: number }>(
    'POST',
    `/api/campaigns/${campaignId}/brief/versions`,
    { body },
  );

export const acknowledgeVersion = (campaignId: string, version: number, body: AcknowledgeInput) =>
  api<AcknowledgementStatus>(
    'POST',
    `/api/campaigns/${campaignId}/brief/versions/${version}/acknowledgements`,
    {
      body,
    },
  );

export const requestAcknowledgement = (campaignId: string, body: AcknowledgementRequest) =>
  api<void>('POST', `/api/campaigns/${campaignId}/brief/acknowledgement-requests`, { body });
