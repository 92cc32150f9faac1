// Escalations for the web app: response types (from the server's Zod schemas, type-only imports),
// query keys and query options.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { escalationSchema } from '../../server/modules/escalations/schema.ts';
import type {
  ESCALATION_ENTITY_TYPES,
  ESCALATION_STATUSES,
} from '../../server/modules/escalations/tables.ts';
import { api } from './client.ts';

export type Escalation = z.infer<typeof escalationSchema>;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export type EscalationEntityType = (typeof ESCALATION_ENTITY_TYPES)[number];

export interface EscalationFilter {
  status?: EscalationStatus | undefined;
  entityType?: EscalationEntityType | undefined;
  entityId?: string | undefined;
}

export const escalationKeys = {
  all: (campaignId: string) => ['campaigns', campaignId, 'escalations'] as const,
  list: (campaignId: string, filter: EscalationFilter) =>
    ['campaigns', campaignId, 'escalations', 'list', filter] as const,
  detail: (campaignId: string, id: string) => ['campaigns', campaignId, 'escalations', 'detail', id] as const,
};

export const escalationsQuery = (campaignId: string, filter: EscalationFilter = {}) =>
  queryOptions({
    queryKey: escalationKeys.list(campaignId, filter),
    queryFn: ({ signal }) =>
      api<{ escalations: Escalation[] }>(
        'GET',
        `/api/campaigns/${encodeURIComponent(campaignId)}/escalations`,
        {
          signal,
          query: { status: filter.status, entityType: filter.entityType, entityId: filter.entityId },
        },
      ),
    select: (data) => data.escalations,
  });

export const escalationQuery = (campaignId: string, id: string) =>
  queryOptions({
    queryKey: escalationKeys.detail(campaignId, id),
    queryFn: ({ signal }) => api<Escalation>('GET', `/api/escalations/${encodeURIComponent(id)}`, { signal }),
  });

export const raiseEscalation = (
  campaignId: string,
  body: { ruleId: string; summary: string; entityType?: EscalationEntityType; entityId?: string },
) => api<Escalation>('POST', `/api/campaigns/${encodeURIComponent(campaignId)}/escalations`, { body });

export const decideEscalation = (id: string, body: { decision: string; note?: string }) =>
  api<Escalation>('POST', `/api/escalations/${encodeURIComponent(id)}/decision`, { body });
