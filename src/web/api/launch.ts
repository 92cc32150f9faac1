// Launch control for the web app: the response of `GET /api/campaigns/:id/launch` (see
// docs/api.md, "Launch control"), its query key (under the campaign, so a reconnect refetches
// it) and query options.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export type MarketLaunchState = 'no_plan' | 'upcoming' | 'due' | 'late' | 'live';
export type CreatorLaunchState = 'scheduled' | 'late' | 'live' | 'out';

export interface ActualWindow {
  spreadHours: number | null;
  ok: boolean;
  markets: Record<
    string,
    {
      plannedAt: string | null;
      actualAt: string | null;
      lateMinutes: number | null;
      source: 'post' | 'milestone' | null;
    }
  >;
}

export interface LaunchWindowWithActual {
  limitHours: number;
  spreadHours: number | null;
  ok: boolean;
  actual: ActualWindow;
}

export interface MarketLaunch {
  code: string;
  name: string;
  timeZone: string;
  plannedAt: string | null;
  actualAt: string | null;
  alertAt: string | null;
  state: MarketLaunchState;
  lateMinutes: number | null;
  creatorsLive: number;
  creatorsTotal: number;
}

export interface CreatorLaunch {
  engagementId: string;
  creatorId: string;
  name: string;
  marketCode: string;
  timeZone: string;
  status: string;
  commitment: string;
  flags: string[];
  plannedAt: string | null;
  postedAt: string | null;
  postUrl: string | null;
  state: CreatorLaunchState;
  lateMinutes: number | null;
}

export interface Launch {
  now: string;
  graceMinutes: number;
  limitHours: number;
  launchWindow: LaunchWindowWithActual;
  markets: MarketLaunch[];
  creators: CreatorLaunch[];
}

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
