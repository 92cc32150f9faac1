import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/enqueue.ts';
import { findJobDefinition } from '../../jobs/registry.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { notificationOf } from '../../realtime/index.ts';
import { users } from '../auth/tables.ts';
import { markets } from '../campaigns/tables.ts';
import { workingHours } from '../meetings/tables.ts';
import { type NotificationKind, type NotificationParams, notificationKinds } from './kinds.ts';
import { MARKET_ZONE_PARAM } from './render.ts';
import { defaultSetting } from './settings.ts';
import { notificationSettings, notifications } from './tables.ts';
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
  const [id] = await notifyMany(tx, [input]);
  return id ?? null;
}

/** The same message to several people (each in their own language, zone and settings). */
export async function notifyEach(
  tx: DbOrTx,
  userIds: Iterable<string>,
  input: Omit<NotifyRequest, 'userId'>,
): Promise<void> {
  await notifyMany(
    tx,
    [...new Set(userIds)].map((userId) => ({ ...input, userId }) as NotifyRequest),
  );
}

/**
 * notify() for many requests at once, in a fixed number of statements whatever their number
 * (recipients, market zones, one insert, one job insert, one announcement): sweeps and fan-outs
 * write thousands of notifications. Returns, per request, the new notification's id or null.
 */
export async function notifyMany(tx: DbOrTx, requests: NotifyRequest[]): Promise<Array<string | null>> {
  const ids: Array<string | null> = requests.map(() => null);
  const wanted = requests
    .map((request, index) => ({ request, index }))
    .filter(({ request }) => !(request.actorId && request.actorId === request.userId));
  if (wanted.length === 0) return ids;

  const userIds = [...new Set(wanted.map(({ request }) => request.userId))];
  const recipients = new Map(
    (
      await tx
        .select({
          id: users.id,
          timeZone: users.timeZone,
          deactivatedAt: users.deactivatedAt,
          hours: workingHours.hours,
          kinds: notificationSettings.kinds,
          digest: notificationSettings.digest,
        })
        .from(users)
        .leftJoin(workingHours, eq(workingHours.userId, users.id))
        .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
        .where(inArray(users.id, userIds))
    ).map((row) => [row.id, row]),
  );

  const marketPairs = new Map<string, { campaignId: string; code: string }>();
  for (const { request } of wanted)
    if (request.campaignId && request.marketCode)
      marketPairs.set(`${request.campaignId}|${request.marketCode}`, {
        campaignId: request.campaignId,
        code: request.marketCode,
      });
  const zones = new Map<string, string>();
  if (marketPairs.size > 0) {
    const campaignIds = [...new Set([...marketPairs.values()].map((pair) => pair.campaignId))];
    const rows = await tx
      .select({ campaignId: markets.campaignId, code: markets.code, timeZone: markets.timeZone })
      .from(markets)
      .where(
        or(
          ...campaignIds.map((campaignId) =>
            and(
              eq(markets.campaignId, campaignId),
              inArray(
                markets.code,
                [...marketPairs.values()].filter((p) => p.campaignId === campaignId).map((p) => p.code),
              ),
            ),
          ),
        ),
      );
    for (const row of rows) zones.set(`${row.campaignId}|${row.code}`, row.timeZone);
  }

  const canEmail = mailConfigured() && findJobDefinition(EMAIL_JOB) !== undefined;
  const planned: Array<{
    index: number;
    values: typeof notifications.$inferInsert;
    emailAt: Date | null;
  }> = [];
  for (const { request, index } of wanted) {
    const recipient = recipients.get(request.userId);
    if (!recipient || recipient.deactivatedAt) continue;
    const definition = notificationKinds[request.kind];
    const channels = recipient.kinds?.[request.kind] ?? defaultSetting(request.kind);
    const digest = recipient.digest ?? 'off';
    const email = channels.email && canEmail;
    if (!channels.inApp && !email) continue;
    const params = definition.params.parse(request.params) as Record<string, unknown>;
    const zone =
      request.campaignId && request.marketCode
        ? zones.get(`${request.campaignId}|${request.marketCode}`)
        : undefined;
    if (zone) params[MARKET_ZONE_PARAM] = zone;
    const now = request.now ?? new Date();
    const emailStatus = !email ? 'none' : digest === 'daily' && !definition.urgent ? 'digest' : 'queued';
    planned.push({
      index,
      values: {
        id: randomUUID(),
        userId: request.userId,
        kind: request.kind,
        params,
        link: request.link,
        campaignId: request.campaignId ?? null,
        marketCode: request.marketCode ?? null,
        entityType: request.entityType ?? null,
        entityId: request.entityId ?? null,
        urgent: definition.urgent,
        dedupeKey: request.dedupeKey ?? null,
        inApp: channels.inApp,
        emailStatus,
        createdAt: now,
      },
      emailAt:
        emailStatus === 'queued'
          ? definition.urgent
            ? now
            : nextWorkingMoment(now, recipient.timeZone, recipient.hours)
          : null,
    });
  }
  if (planned.length === 0) return ids;

  const inserted = new Set<string>();
  // Chunks keep each statement under the parameter limit (16 columns per row). Each chunk's
  // statement also tells the recipients' open pages, for the rows it really inserted.
  for (let start = 0; start < planned.length; start += 2_000) {
    const added = tx.$with('added_notification').as(
      tx
        .insert(notifications)
        .values(planned.slice(start, start + 2_000).map((item) => item.values))
        .onConflictDoNothing()
        .returning({
          id: notifications.id,
          userId: notifications.userId,
          kind: notifications.kind,
          urgent: notifications.urgent,
          inApp: notifications.inApp,
        }),
    );
    // A CASE, not count(...) in a subquery: an aggregate over the outer row would belong to this query.
    const rows = await tx
      .with(added)
      .select({
        id: added.id,
        announced: sql`case when ${added.inApp} then ${notificationOf({
          scope: sql`'user:' || ${added.userId}`,
          type: 'notification',
          entityType: 'notification',
          entityId: added.id,
          data: { kind: added.kind, urgent: added.urgent },
        })}::text end`,
      })
      .from(added);
    for (const row of rows) inserted.add(row.id);
  }
  const written = planned.filter((item) => inserted.has(item.values.id!));
  for (const item of written) ids[item.index] = item.values.id!;

  await enqueueJobs(
    tx,
    EMAIL_JOB,
    written
      .filter((item) => item.emailAt)
      .map((item) => ({ payload: { notificationId: item.values.id! }, runAt: item.emailAt! })),
  );
  return ids;
}
