import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { auditCatalogue } from '../audit/catalogue.ts';
import type { Actor } from '../auth/policies.ts';
import { WEBHOOK_EVENTS } from './events.ts';
import { assertMayManageWebhooks } from './policies.ts';
import { presentDelivery, presentWebhook } from './present.ts';
import type { DELIVERY_STATUSES } from './schema.ts';
import { webhookDeliveries, webhooks } from './tables.ts';

export async function listWebhooks(db: Db, actor: Actor) {
  assertMayManageWebhooks(actor);
  const rows = await db.select().from(webhooks).orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  return rows.map(presentWebhook);
}

export async function findWebhookRow(db: Db, id: string) {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getWebhook(db: Db, actor: Actor, id: string) {
  assertMayManageWebhooks(actor);
  return presentWebhook(await findWebhookRow(db, id));
}

/** Event names for the picker, grouped by the entity they are about. */
export function webhookEventGroups() {
  const groups = new Map<string, string[]>();
  for (const event of WEBHOOK_EVENTS) {
    const entityType: string = auditCatalogue[event as keyof typeof auditCatalogue].entityType;
    groups.set(entityType, [...(groups.get(entityType) ?? []), event]);
  }
  return [...groups].map(([entityType, events]) => ({ entityType, events }));
}

// Microseconds since the epoch, as text: the database's precision, which a JS Date would lose.
const MICROS = /^\d{1,17}$/;
const micros = sql<string>`(extract(epoch from ${webhookDeliveries.createdAt}) * 1000000)::bigint::text`;

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      MICROS.test(value[0]) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value[1])
    )
      return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw new AppError(400, 'validation_failed', 'error.validation_failed', undefined, [
    { path: 'query.cursor', code: 'invalid_cursor', message: 'cursor' },
  ]);
}

/** The delivery log of one webhook, newest first, a page at a time. */
export async function listDeliveries(
  db: Db,
  actor: Actor,
  webhookId: string,
  query: { status?: (typeof DELIVERY_STATUSES)[number]; cursor?: string; limit: number },
) {
  assertMayManageWebhooks(actor);
  await findWebhookRow(db, webhookId);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ row: webhookDeliveries, key: micros })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        after
          ? sql`(${micros}::bigint, ${webhookDeliveries.id}) < (${after[0]}::bigint, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(({ row }) => presentDelivery(row)),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.key, last.row.id])).toString('base64url')
        : null,
  };
}
