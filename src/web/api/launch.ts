// Launch control for the web app: the response of `GET /api/campaigns/:id/launch` (types from the
// server's Zod schema, type-only import), its query key (under the campaign, so a reconnect
// refetches it) and query options.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { launchControlSchema } from '../../server/modules/timeline/schema.ts';
import { api } from './client.ts';

export type Launch = z.infer<typeof launchControlSchema>;
export type MarketLaunch = Launch['markets'][number];
export type CreatorLaunch = Launch['creators'][number];
export type MarketLaunchState = MarketLaunch['state'];
export type CreatorLaunchState = CreatorLaunch['state'];
export type LaunchWindowWithActual = Launch['launchWindow'];

export const launchKeys = {
  detail: (campaignId: string) => ['campaign', campaignId, 'launch'] as const,
};

export const launchQuery = (campaignId: string) =>
  queryOptions({
    queryKey: launchKeys.detail(campaignId),
    queryFn: ({ signal }) =>
      api<Launch>('GET', `/api/campaigns/${encodeURIComponent(campaignId)}/launch`, { signal }),
    // Live updates refetch it on every change; this catches anything the stream missed.
    refetchInterval: 60_000,
  });
