import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { findJobDefinition } from '../../jobs/registry.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { publish } from '../../realtime/index.ts';
import { users } from '../auth/tables.ts';
import { markets } from '../campaigns/tables.ts';
import { workingHours } from '../meetings/tables.ts';
import { type NotificationKind, type NotificationParams, notificationKinds } from './kinds.ts';
import { MARKET_ZONE_PARAM } from './render.ts';
import { channelsOf } from './settings.ts';
import { notifications } from './tables.ts';
import { nextWorkingMoment } from './working-day.ts';

/** The job that e-mails one notification (src/server/jobs/definitions/notifications-email.ts). */
export const EMAIL_JOB = 'notifications.email';

type NotifyInput<K extends NotificationKind> = {
  userId: string;
  kind: K;
  params: NotificationParams<K>;
  /** App path of the thing the notification is about. */
  link: string;
  campaignId?: string | null;
  /** The market involved: its zone is shown beside the recipient's. */
  marketCode?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** A second notify with the same key for the same person does nothing (reminders, sweeps). */
  dedupeKey?: string | null;
  /** Who caused it: people are not notified of their own actions. */
  actorId?: string | null;
  /** The clock (tests and the demo pass their own). */
  now?: Date;
};

export type NotifyRequest = { [K in NotificationKind]: NotifyInput<K> }[NotificationKind];

/**
 * Tells one person about something, inside the caller's transaction: writes the in-app
 * notification, announces it to their open bells (on commit) and queues its e-mail: urgent kinds at
 * once, the rest at the start of the recipient's working hours in their own zone, or into the daily
 * digest. Follows the person's settings for the kind; deactivated people and the actor themselves
 * are skipped. Returns the notification's id, or null when nothing was written.
 */
export async function notify(tx: DbOrTx, input: NotifyRequest): Promise<string | null> {
  if (input.actorId && input.actorId === input.userId) return null;
  const definition = notificationKinds[input.kind];
  const params = definition.params.parse(input.params) as Record<string, unknown>;
  const [recipient] = await tx
    .select({ timeZone: users.timeZone, deactivatedAt: users.deactivatedAt, hours: workingHours.hours })
    .from(users)
    .leftJoin(workingHours, eq(workingHours.userId, users.id))
    .where(eq(users.id, input.userId));
  if (!recipient || recipient.deactivatedAt) return null;
  const channels = await channelsOf(tx, input.userId, input.kind);
  const email = channels.email && mailConfigured() && findJobDefinition(EMAIL_JOB) !== undefined;
  if (!channels.inApp && !email) return null;

  if (input.campaignId && input.marketCode) {
    const [market] = await tx
      .select({ timeZone: markets.timeZone })
      .from(markets)
      .where(and(eq(markets.campaignId, input.campaignId), eq(markets.code, input.marketCode)));
    if (market) params[MARKET_ZONE_PARAM] = market.timeZone;
  }
  const now = input.now ?? new Date();
  const emailStatus = !email
    ? 'none'
    : channels.digest === 'daily' && !definition.urgent
      ? 'digest'
      : 'queued';
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      params,
      link: input.link,
      campaignId: input.campaignId ?? null,
      marketCode: input.marketCode ?? null,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      urgent: definition.urgent,
      dedupeKey: input.dedupeKey ?? null,
      inApp: channels.inApp,
      emailStatus,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (!row) return null;
  if (emailStatus === 'queued') {
    const runAt = definition.urgent ? now : nextWorkingMoment(now, recipient.timeZone, recipient.hours);
    await enqueueJob(tx, EMAIL_JOB, { notificationId: row.id }, { runAt });
  }
  if (channels.inApp) {
    await publish(tx, `user:${input.userId}`, {
      type: 'notification',
      entityType: 'notification',
      entityId: row.id,
      data: { kind: input.kind, urgent: definition.urgent },
    });
  }
  return row.id;
}

/** The same message to several people (each in their own language, zone and settings). */
export async function notifyEach(
  tx: DbOrTx,
  userIds: Iterable<string>,
  input: Omit<NotifyRequest, 'userId'>,
): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId } as NotifyRequest);
}
