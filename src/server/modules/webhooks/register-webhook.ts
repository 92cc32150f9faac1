import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { announceWebhookChange } from './active-webhooks.ts';
import { normalizeEvents } from './events.ts';
import { assertMayManageWebhooks, checkTargetUrl } from './policies.ts';
import { presentWebhook } from './present.ts';
import { webhookSettings } from './settings.ts';
import { webhooks } from './tables.ts';

export async function registerWebhook(
  db: Db,
  actor: Actor,
  input: { url: string; events: string[]; description?: string },
) {
  assertMayManageWebhooks(actor);
  const events = normalizeEvents(input.events);
  const url = await checkTargetUrl(input.url, webhookSettings(db).allowPrivateNetworks);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const description = input.description ?? '';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({ url, events, description, secret, createdBy: actor.id })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await announceWebhookChange(tx);
    await recordAuditEvent(tx, {
      actor,
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: row.id,
      after: { url, events, description },
    });
    return { ...presentWebhook(row), secret };
  });
}
