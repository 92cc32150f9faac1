import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { reactToAudit } from '../audit/reactions.ts';
import { activeWebhookEvents } from './active-webhooks.ts';
import { ALL_EVENTS, withoutSecrets } from './events.ts';
import { queueDeliveries } from './queue-delivery.ts';
import { webhooks } from './tables.ts';

/**
 * Every committed audit event reaches the active webhooks that asked for it: one delivery row per
 * webhook, written in the event's own transaction (so a rolled-back change sends nothing and a
 * committed one is sent exactly once, whichever instance wrote it).
 */
reactToAudit('webhooks', '*', async (tx, event) => {
  const wanted = await activeWebhookEvents(tx);
  if (!wanted.has(event.action) && !wanted.has(ALL_EVENTS)) return;
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.status, 'active'),
        sql`(${event.action} = any(${webhooks.events}) or ${ALL_EVENTS} = any(${webhooks.events}))`,
      ),
    );
  if (targets.length === 0) return;
  const data = {
    entityType: event.entityType,
    entityId: event.entityId,
    actor: event.actor,
    before: withoutSecrets(event.before),
    after: withoutSecrets(event.after),
  };
  await queueDeliveries(
    tx,
    targets.map((target) => {
      const id = randomUUID();
      return {
        id,
        webhookId: target.id,
        event: event.action,
        auditEventId: event.id,
        campaignId: event.campaignId,
        body: JSON.stringify({
          id,
          event: event.action,
          at: event.at.toISOString(),
          campaignId: event.campaignId,
          data,
        }),
      };
    }),
  );
});
