import type { DbOrTx } from '../../db/index.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { webhookDeliveries } from './tables.ts';

export interface NewDelivery {
  id: string;
  webhookId: string;
  event: string;
  auditEventId: number | null;
  campaignId: string | null;
  body: string;
}

/** Stores deliveries with their exact bodies and queues their first attempt. */
export async function queueDeliveries(tx: DbOrTx, deliveries: NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await tx
    .insert(webhookDeliveries)
    .values(deliveries.map((delivery) => ({ ...delivery, nextAttemptAt: new Date() })));
  for (const delivery of deliveries) await queueAttempt(tx, delivery.id, 0);
}

/**
 * Queues the next attempt of a delivery. The key holds the attempt number: a second queueing of
 * the same attempt (a resume racing a retry) is a no-op, while the running attempt can queue the
 * next one.
 */
export async function queueAttempt(tx: DbOrTx, deliveryId: string, attempts: number, runAt?: Date) {
  await enqueueJob(tx, 'webhooks.deliver', { deliveryId }, { runAt, dedupeKey: `${deliveryId}:${attempts}` });
}
