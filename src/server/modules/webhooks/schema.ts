import { z } from 'zod';

const url = z.string().trim().min(1).max(2000);
const events = z.array(z.string().max(100)).min(1).max(300);
const description = z.string().trim().max(500);

export const createWebhookBody = z.strictObject({ url, events, description: description.optional() });

export const updateWebhookBody = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  description: description.optional(),
  status: z.enum(['active', 'paused']).optional(),
});

export const webhookParams = z.object({ id: z.uuid() });
export const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const deliveriesQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  status: z.enum(['active', 'paused']),
  /** Why it is paused: `delivery_failures` (paused by Tandem) or `paused_by_admin`. */
  pausedReason: z.string().nullable(),
  pausedAt: z.string().nullable(),
  consecutiveFailures: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createdWebhookSchema = webhookSchema.extend({
  /** The signing key, shown this once. */
  secret: z.string(),
});

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  campaignId: z.string().nullable(),
  auditEventId: z.number().nullable(),
  /** The exact bytes sent (and signed). */
  body: z.string(),
});

export const eventsCatalogueSchema = z.object({
  /** Every event name a webhook may ask for (the audit actions), grouped by entity type. */
  groups: z.array(z.object({ entityType: z.string(), events: z.array(z.string()) })),
});
