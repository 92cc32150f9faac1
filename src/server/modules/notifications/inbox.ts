import { and, count, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { validationError } from '../../http/errors.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { NOTIFICATION_KINDS, type NotificationKind, notificationKinds } from './kinds.ts';
import { renderNotification } from './render.ts';
import { type Digest, defaultSetting, settingsOf } from './settings.ts';
import { type KindSetting, notificationSettings, notifications } from './tables.ts';

type Row = typeof notifications.$inferSelect;

export function presentNotification(row: Row, reader: Pick<Actor, 'locale' | 'timeZone'>) {
  const { title, body } = renderNotification(row, reader);
  return {
    id: row.id,
    kind: row.kind,
    title,
    body,
    link: row.link,
    urgent: row.urgent,
    campaignId: row.campaignId,
    marketCode: row.marketCode,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      const createdAt = new Date(value[0]);
      if (!Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(value[1]))
        return { createdAt, id: value[1] };
    }
  } catch {
    // fall through to the error
  }
  throw validationError([{ path: 'query.cursor', code: 'invalid_cursor', message: 'cursor' }]);
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), eq(notifications.inApp, true), isNull(notifications.readAt)),
    );
  return row?.n ?? 0;
}

/** A person's inbox, newest first, one page at a time. */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  query: { unread?: boolean; cursor?: string; limit: number },
) {
  const where: SQL[] = [eq(notifications.userId, actor.id), eq(notifications.inApp, true)];
  if (query.unread) where.push(isNull(notifications.readAt));
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push(
      or(
        lt(notifications.createdAt, after.createdAt),
        and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
      )!,
    );
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => presentNotification(row, actor)),
    unreadCount: await unreadCount(db, actor.id),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Marks some (only the reader's own) or all of a person's notifications read. */
export async function markRead(db: Db, actor: Actor, input: { ids?: string[]; all?: boolean }) {
  await db.transaction(async (tx) => {
    const mine = and(eq(notifications.userId, actor.id), isNull(notifications.readAt));
    const target = input.all ? mine : and(mine, inArray(notifications.id, input.ids ?? []));
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(target)
      .returning({ id: notifications.id });
    if (marked.length === 0) return;
    await recordAuditEvent(tx, {
      actor,
      action: 'notifications.read',
      entityType: 'user',
      entityId: actor.id,
      after: { count: marked.length, all: Boolean(input.all) },
    });
    await publish(tx, `user:${actor.id}`, {
      type: 'notifications_read',
      entityType: 'notification',
      entityId: input.all ? '*' : marked[0]!.id,
      data: { count: marked.length },
    });
  });
}

/** The settings page: every kind the person can receive, its group, defaults and their choice. */
export async function readSettings(db: DbOrTx, actor: Actor) {
  const settings = await settingsOf(db, actor.id);
  const audience = actor.role === 'creator' ? 'creator' : 'team';
  const kinds = NOTIFICATION_KINDS.filter((kind) => notificationKinds[kind].audience === audience);
  return {
    kinds: Object.fromEntries(kinds.map((kind) => [kind, settings.kinds[kind]])),
    digest: settings.digest,
    emailAvailable: mailConfigured(),
    catalogue: kinds.map((kind) => ({
      kind,
      group: notificationKinds[kind].group,
      urgent: notificationKinds[kind].urgent,
      audience: notificationKinds[kind].audience,
      label: translate(actor.locale, `notification.${kind}.label` as MessageKey),
      default: defaultSetting(kind),
    })),
  };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  input: { kinds?: Record<string, KindSetting>; digest?: Digest },
) {
  const unknown = Object.keys(input.kinds ?? {}).filter(
    (kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind),
  );
  if (unknown.length > 0)
    throw validationError(
      unknown.slice(0, 5).map((kind) => ({
        path: `body.kinds.${kind.slice(0, 80)}`,
        code: 'unknown_kind',
        message: translate(actor.locale, 'error.unknown_notification_kind', { kind: kind.slice(0, 80) }),
      })),
    );
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, actor.id))
      .for('update');
    const before = { kinds: current?.kinds ?? {}, digest: current?.digest ?? ('off' as Digest) };
    const kinds: Record<string, KindSetting> = { ...before.kinds };
    for (const [kind, setting] of Object.entries(input.kinds ?? {})) {
      const fallback = defaultSetting(kind as NotificationKind);
      if (setting.inApp === fallback.inApp && setting.email === fallback.email) delete kinds[kind];
      else kinds[kind] = { inApp: setting.inApp, email: setting.email };
    }
    const after = { kinds, digest: input.digest ?? before.digest };
    await tx
      .insert(notificationSettings)
      .values({ userId: actor.id, ...after })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...after, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: 'notification_settings.updated',
      entityType: 'user',
      entityId: actor.id,
      before,
      after,
    });
  });
  return readSettings(db, actor);
}
