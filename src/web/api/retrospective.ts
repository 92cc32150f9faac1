// The retrospective for the web app: the response of `GET /api/campaigns/:id/retrospective`
// (types from the server's Zod schema, type-only import), its query and the export addresses.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LateKind, retrospectiveSchema } from '../../server/modules/retrospective/schema.ts';
import { api } from './client.ts';

export type Retrospective = z.infer<typeof retrospectiveSchema>;
export type LateItem = Retrospective['late'][number];
export type { LateKind };

export const retrospectiveKeys = {
  detail: (campaignId: string, language: string) =>
    ['campaign', campaignId, 'retrospective', language] as const,
  all: (campaignId: string) => ['campaign', campaignId, 'retrospective'] as const,
};

/** Keyed by language too: labels such as “Brief v2” and “round 2” come from the server in it. */
export const retrospectiveQuery = (campaignId: string, language: string) =>
  queryOptions({
    queryKey: retrospectiveKeys.detail(campaignId, language),
    queryFn: ({ signal }) =>
      api<Retrospective>('GET', `/api/campaigns/${encodeURIComponent(campaignId)}/retrospective`, { signal }),
  });

export const retrospectiveCsvUrl = (campaignId: string, language: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/retrospective.csv?language=${encodeURIComponent(language)}`;

export const retrospectivePrintUrl = (campaignId: string, language: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/retrospective/print?language=${encodeURIComponent(language)}`;
