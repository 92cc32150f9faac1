import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { announceWebhookChange } from './active-webhooks.ts';
import { normalizeEvents } from './events.ts';
import { PAUSED_BY_ADMIN } from './pause-for-failures.ts';
import { assertMayManageWebhooks, checkTargetUrl } from './policies.ts';
import { presentWebhook } from './present.ts';
import { queueAttempt } from './queue-delivery.ts';
import { webhookSettings } from './settings.ts';
import { webhookDeliveries, webhooks } from './tables.ts';

export interface WebhookChanges {
  url?: string;
  events?: string[];
  description?: string;
  status?: 'active' | 'paused';
}

/**
 * Edits a webhook, pauses it or resumes it. Resuming clears the failure count and sends the
 * deliveries that waited while it was paused.
 */
export async function updateWebhook(db: Db, actor: Actor, id: string, input: WebhookChanges) {
  assertMayManageWebhooks(actor);
  const events = input.events ? normalizeEvents(input.events) : undefined;
  const url = input.url
    ? await checkTargetUrl(input.url, webhookSettings(db).allowPrivateNetworks)
    : undefined;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(webhooks).where(eq(webhooks.id, id)).for('update');
    if (!current) throw notFound();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<typeof webhooks.$inferInsert> = {};
    if (url !== undefined && url !== current.url) {
      before.url = current.url;
      after.url = set.url = url;
    }
    if (events !== undefined && events.join('\n') !== current.events.join('\n')) {
      before.events = current.events;
      after.events = set.events = events;
    }
    if (input.description !== undefined && input.description !== current.description) {
      before.description = current.description;
      after.description = set.description = input.description;
    }
    const pausing = input.status === 'paused' && current.status === 'active';
    const resuming = input.status === 'active' && current.status === 'paused';
    if (pausing)
      Object.assign(set, { status: 'paused', pausedAt: new Date(), pausedReason: PAUSED_BY_ADMIN });
    if (resuming)
      Object.assign(set, { status: 'active', pausedAt: null, pausedReason: null, consecutiveFailures: 0 });
    if (Object.keys(set).length === 0) return presentWebhook(current);

    const [row] = await tx
      .update(webhooks)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(webhooks.id, id))
      .returning();
    await announceWebhookChange(tx);
    if (Object.keys(after).length > 0)
      await recordAuditEvent(tx, {
        actor,
        action: 'webhook.updated',
        entityType: 'webhook',
        entityId: id,
        before,
        after,
      });
    if (pausing)
      await recordAuditEvent(tx, {
        actor,
        action: 'webhook.paused',
        entityType: 'webhook',
        entityId: id,
        before: { status: current.status },
        after: {
          status: 'paused',
          reason: PAUSED_BY_ADMIN,
          consecutiveFailures: current.consecutiveFailures,
        },
      });
    if (resuming) {
      const waiting = await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: sql`now()` })
        .where(and(eq(webhookDeliveries.webhookId, id), eq(webhookDeliveries.status, 'pending')))
        .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
      for (const delivery of waiting) await queueAttempt(tx, delivery.id, delivery.attempts);
      await recordAuditEvent(tx, {
        actor,
        action: 'webhook.resumed',
        entityType: 'webhook',
        entityId: id,
        before: { status: current.status, consecutiveFailures: current.consecutiveFailures },
        after: { status: 'active', requeued: waiting.length },
      });
    }
    return presentWebhook(row!);
  });
}
