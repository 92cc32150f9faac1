import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createWebhookBody, updateWebhookBody } from '../../server/modules/webhooks/schema.ts';
import { api } from './client.ts';

export type WebhookInput = z.input<typeof createWebhookBody>;
export type WebhookUpdate = z.input<typeof updateWebhookBody>;

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

// Writes: one function per route, its body typed by the server's Zod schema.

/** The signing secret is in this answer only. */
export const createWebhook = (body: WebhookInput) => api<CreatedWebhook>('POST', '/api/webhooks', { body });

export const updateWebhook = (id: string, body: WebhookUpdate) =>
  api<Webhook>('PATCH', `/api/webhooks/${id}`, { body });

export const deleteWebhook = (id: string) => api<void>('DELETE', `/api/webhooks/${id}`);

/** Sends a `ping` delivery now. */
export const testWebhook = (id: string) => api<WebhookDelivery>('POST', `/api/webhooks/${id}/test`);

export const redeliverDelivery = (delivery: Pick<WebhookDelivery, 'id' | 'webhookId'>) =>
  api<WebhookDelivery>('POST', `/api/webhooks/${delivery.webhookId}/deliveries/${delivery.id}/redeliver`);
