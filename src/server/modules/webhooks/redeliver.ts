import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { assertMayManageWebhooks } from './policies.ts';
import { presentDelivery } from './present.ts';
import { queueAttempt } from './queue-delivery.ts';
import { webhookDeliveries } from './tables.ts';

/**
 * Sends a finished delivery again, the same bytes under the same id (receivers deduplicate by
 * X-Tandem-Delivery), with a fresh retry schedule.
 */
export async function redeliver(db: Db, actor: Actor, webhookId: string, deliveryId: string) {
  assertMayManageWebhooks(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)))
      .for('update');
    if (!current) throw notFound();
    if (current.status === 'pending')
      throw new AppError(409, 'webhook_delivery_pending', 'error.webhook_delivery_pending');
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        lastAttemptAt: null,
        deliveredAt: null,
        nextAttemptAt: new Date(),
      })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning();
    await queueAttempt(tx, deliveryId, 0);
    await recordAuditEvent(tx, {
      actor,
      action: 'webhook.redelivered',
      entityType: 'webhook',
      entityId: webhookId,
      before: { deliveryId, status: current.status, attempts: current.attempts },
      after: { deliveryId, status: 'pending' },
    });
    return presentDelivery(row!);
  });
}
