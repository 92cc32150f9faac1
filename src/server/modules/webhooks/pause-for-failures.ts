import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { translate } from '../../../shared/i18n/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { users } from '../auth/tables.ts';
import { notify } from '../notifications/notify.ts';
import { announceWebhookChange } from './active-webhooks.ts';
import { webhooks } from './tables.ts';

export const PAUSED_FOR_FAILURES = 'delivery_failures';
export const PAUSED_BY_ADMIN = 'paused_by_admin';

/**
 * A target that keeps failing stops receiving (and retrying) until an admin resumes it; every
 * admin hears of it, in their own language.
 */
export async function pauseForFailures(
  tx: DbOrTx,
  webhook: typeof webhooks.$inferSelect,
  lastError: string,
): Promise<void> {
  await tx
    .update(webhooks)
    .set({ status: 'paused', pausedAt: sql`now()`, pausedReason: PAUSED_FOR_FAILURES, updatedAt: sql`now()` })
    .where(eq(webhooks.id, webhook.id));
  await announceWebhookChange(tx);
  await recordAuditEvent(tx, {
    actor: null,
    action: 'webhook.paused',
    entityType: 'webhook',
    entityId: webhook.id,
    before: { status: webhook.status },
    after: {
      status: 'paused',
      reason: PAUSED_FOR_FAILURES,
      consecutiveFailures: webhook.consecutiveFailures,
    },
  });
  const admins = await tx
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, ['owner', 'admin']), isNull(users.deactivatedAt)));
  for (const admin of admins) {
    await notify(tx, {
      userId: admin.id,
      kind: 'webhook.paused',
      params: {
        url: webhook.url,
        reason: translate(admin.locale, 'webhooks.pauseNotice', {
          count: webhook.consecutiveFailures,
          error: lastError.slice(0, 300) || '—',
        }),
      },
      link: '/webhooks',
      entityType: 'webhook',
      entityId: webhook.id,
      dedupeKey: `webhook.paused:${webhook.id}:${webhook.updatedAt.getTime()}`,
    });
  }
}
