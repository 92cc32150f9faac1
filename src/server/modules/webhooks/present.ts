import type { z } from 'zod';
import type { deliverySchema, webhookSchema } from './schema.ts';
import type { webhookDeliveries, webhooks } from './tables.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A webhook as the API shows it: never its secret. */
export function presentWebhook(row: typeof webhooks.$inferSelect): z.infer<typeof webhookSchema> {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    status: row.status,
    pausedReason: row.status === 'paused' ? row.pausedReason : null,
    pausedAt: row.status === 'paused' ? iso(row.pausedAt) : null,
    consecutiveFailures: row.consecutiveFailures,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

export function presentDelivery(row: typeof webhookDeliveries.$inferSelect): z.infer<typeof deliverySchema> {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    deliveredAt: iso(row.deliveredAt),
    createdAt: iso(row.createdAt)!,
    campaignId: row.campaignId,
    auditEventId: row.auditEventId,
    body: row.body,
  };
}
