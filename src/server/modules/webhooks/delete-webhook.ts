import { eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { announceWebhookChange } from './active-webhooks.ts';
import { assertMayManageWebhooks } from './policies.ts';
import { webhooks } from './tables.ts';

/** Removes a webhook and its delivery log; attempts still queued find nothing and stop. */
export async function deleteWebhook(db: Db, actor: Actor, id: string): Promise<void> {
  assertMayManageWebhooks(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhooks)
      .where(eq(webhooks.id, id))
      .returning({ url: webhooks.url, events: webhooks.events });
    if (!row) throw notFound();
    await announceWebhookChange(tx);
    await recordAuditEvent(tx, {
      actor,
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before: row,
    });
  });
}
