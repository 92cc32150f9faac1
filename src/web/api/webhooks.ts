import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

// Response shapes of /api/webhooks (src/server/modules/webhooks/schema.ts).
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string;
  status: 'active' | 'paused';
  pausedReason: 'delivery_failures' | 'paused_by_admin' | null;
  pausedAt: string | null;
  consecutiveFailures: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type CreatedWebhook = Webhook & { secret: string };

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  campaignId: string | null;
  auditEventId: number | null;
  body: string;
}

export interface DeliveryPage {
  deliveries: WebhookDelivery[];
  nextCursor: string | null;
}

export const webhookKeys = {
  all: ['webhooks'] as const,
  events: ['webhooks', 'events'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const webhooksQuery = queryOptions({
  queryKey: webhookKeys.all,
  queryFn: ({ signal }) => api<{ webhooks: Webhook[] }>('GET', '/api/webhooks', { signal }),
  select: (data) => data.webhooks,
});

export const webhookEventsQuery = queryOptions({
  queryKey: webhookKeys.events,
  queryFn: ({ signal }) =>
    api<{ groups: Array<{ entityType: string; events: string[] }> }>('GET', '/api/webhooks/events', {
      signal,
    }),
  select: (data) => data.groups,
  staleTime: Number.POSITIVE_INFINITY,
});

export function fetchDeliveries(id: string, cursor: string | null, signal?: AbortSignal) {
  return api<DeliveryPage>('GET', `/api/webhooks/${id}/deliveries`, {
    query: { limit: 20, cursor: cursor ?? undefined },
    signal,
  });
}
