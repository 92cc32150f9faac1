// The audit log explorer: response types (the audit route keeps its schemas private; these
// mirror src/server/modules/audit/routes.ts) and query options, under `keys.audit`.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './queries.ts';
import type { AuditEvent } from './types.ts';

/** An event as GET /api/audit returns it: with the entity's name and market when it was written. */
export type ExplorerEvent = AuditEvent & { entityLabel: string | null; marketCode: string | null };

export interface ExplorerPage {
  events: ExplorerEvent[];
  nextCursor: string | null;
}

export interface AuditFacets {
  actions: string[];
  entityTypes: string[];
  marketCodes: string[];
  actors: Array<{ id: string; name: string }>;
}

/** The filters of GET /api/audit (and its CSV export); `from` and `to` are instants. */
export interface AuditFilters {
  campaignId?: string;
  marketCode?: string;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** The actions, entity types, markets and people present in the log (of one campaign, if given). */
export const auditFacetsQuery = (campaignId: string) =>
  queryOptions({
    queryKey: [...keys.audit, 'facets', campaignId],
    queryFn: ({ signal }) =>
      api<AuditFacets>('GET', '/api/audit/facets', {
        query: { campaignId: campaignId || undefined },
        signal,
      }),
  });

/** The log, newest first, a page at a time; `zone` is in the key only (the page shows times in it). */
export const auditEventsQuery = (filters: AuditFilters, zone: string) =>
  infiniteQueryOptions({
    queryKey: [...keys.audit, { ...filters, zone }],
    queryFn: ({ pageParam, signal }) =>
      api<ExplorerPage>('GET', '/api/audit', {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
