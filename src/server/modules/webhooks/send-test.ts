import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { PING_EVENT } from './events.ts';
import { assertMayManageWebhooks } from './policies.ts';
import { presentDelivery } from './present.ts';
import { queueDeliveries } from './queue-delivery.ts';
import { webhookDeliveries, webhooks } from './tables.ts';

/** A `ping` delivery, signed like any other: one attempt, sent even while the webhook is paused. */
export async function sendTestDelivery(db: Db, actor: Actor, webhookId: string) {
  assertMayManageWebhooks(actor);
  return db.transaction(async (tx) => {
    const [webhook] = await tx
      .select({ id: webhooks.id, url: webhooks.url })
      .from(webhooks)
      .where(eq(webhooks.id, webhookId));
    if (!webhook) throw notFound();
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      event: PING_EVENT,
      at: new Date().toISOString(),
      campaignId: null,
      data: { webhookId, url: webhook.url, actor: { id: actor.id, name: actor.name } },
    });
    await queueDeliveries(tx, [
      { id, webhookId, event: PING_EVENT, auditEventId: null, campaignId: null, body },
    ]);
    await recordAuditEvent(tx, {
      actor,
      action: 'webhook.tested',
      entityType: 'webhook',
      entityId: webhookId,
      after: { deliveryId: id },
    });
    const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    return presentDelivery(row!);
  });
}
