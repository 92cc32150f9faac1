import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import type { NotificationKind } from '../kinds.ts';
import { type NotifyRequest, notifyMany } from '../notify.ts';
import { notificationSettings, notifications } from '../tables.ts';

/** One reminder to one person, found by a sweep query; `dedupeKey` also orders the pages. */
export interface Candidate {
  userId: string;
  dedupeKey: string;
}

export interface SweepOptions {
  /** The sweep's clock: every query compares with this instant, not the database's. */
  now: Date;
  /** Reminders written per transaction (memory and lock time stay flat however many are due). */
  batchSize: number;
  signal?: AbortSignal;
}

/** Where the last page stopped: the next page starts strictly after it. */
export type Cursor = { key: string; userId: string } | null;

export type FetchPage<R extends Candidate> = (tx: DbOrTx, after: Cursor, limit: number) => Promise<R[]>;

/**
 * Walks the candidates page by page, one transaction per page, and writes each page's
 * notifications with one notifyMany(). Pages follow (dedupeKey, userId), so a candidate that notify() skips
 * (the person turned both channels off) is not fetched again and the walk always ends. Returns
 * how many notifications were written.
 */
export async function sendInBatches<R extends Candidate>(
  db: Db,
  options: SweepOptions,
  fetch: FetchPage<R>,
  build: (row: R) => NotifyRequest,
): Promise<number> {
  let after: Cursor = null;
  let sent = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const page = await db.transaction(async (tx) => {
      const rows = await fetch(tx, after, options.batchSize);
      const ids = await notifyMany(tx, rows.map(build));
      sent += ids.filter((id) => id !== null).length;
      return rows;
    });
    const last = page.at(-1);
    if (!last || page.length < options.batchSize) break;
    after = { key: last.dedupeKey, userId: last.userId };
  }
  return sent;
}

/** The page condition for a query ordered by `pageOrder(key, userId)`. */
export function pageAfter(key: SQL, userId: AnyColumn | SQL, after: Cursor): SQL {
  if (!after) return sql`true`;
  return sql`((${key}) collate "C", ${userId}) > (${after.key}::text collate "C", ${after.userId}::uuid)`;
}

export function pageOrder(key: SQL, userId: AnyColumn | SQL): SQL[] {
  return [sql`(${key}) collate "C"`, sql`${userId}`];
}

/** Not yet sent to this person under this key (the unique index notifications_user_dedupe_idx). */
export function notSent(userId: AnyColumn | SQL, key: SQL): SQL {
  return sql`not exists (select 1 from ${notifications} where ${notifications.userId} = ${userId} and ${notifications.dedupeKey} = ${key})`;
}

/**
 * The person has not turned the kind off on both channels: such people would be visited by every
 * sweep for nothing (notify() writes no row for them, so nothing marks the reminder as sent).
 */
export function wantsKind(userId: AnyColumn | SQL, kind: NotificationKind): SQL {
  const setting = sql`${notificationSettings.kinds} -> ${kind}::text`;
  return sql`not exists (select 1 from ${notificationSettings} where ${notificationSettings.userId} = ${userId} and ${setting} ->> 'inApp' = 'false' and ${setting} ->> 'email' = 'false')`;
}

/** An instant as the same ISO text JavaScript writes (milliseconds, Z), for keys and params. */
export function isoText(instant: PgColumn | SQL): SQL<string> {
  return sql<string>`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export const at = (instant: Date): SQL => sql`${instant.toISOString()}::timestamptz`;

/**
 * Who answers for a market of a campaign: its active leads, or, when the market has none (or there
 * is no market), the campaign's creator and the workspace's admins, so a reminder never goes
 * nowhere. Built for set-based sweeps: `STAFF` reads the leads per market code and the admins once
 * per query (one row to cross join), and `answering` (a lateral join per candidate row) only picks
 * from it, so the cost grows with the candidates, not with candidates × people.
 * Select `ANSWERING_ID` and join users on it to check the person is active (the creator may not be).
 */
export const STAFF = sql`(select
  (select coalesce(jsonb_object_agg(code, ids), '{}'::jsonb) from (
    select code, jsonb_agg(id) as ids from (
      select ${users.id} as id, unnest(${users.marketCodes}) as code from ${users}
      where ${users.role} = 'market_lead' and ${users.deactivatedAt} is null
    ) as lead group by code
  ) as by_market) as leads,
  (select coalesce(jsonb_agg(${users.id}), '[]'::jsonb) from ${users}
    where ${users.role} in ('owner', 'admin') and ${users.deactivatedAt} is null) as admins
) as staff`;

export function answering(marketCode: AnyColumn | SQL, campaignCreator: AnyColumn | SQL): SQL {
  return sql`(select distinct value::uuid as id from jsonb_array_elements_text(
    coalesce(staff.leads -> ${marketCode}, staff.admins || to_jsonb(${campaignCreator}))
  )) as answering`;
}

export const ANSWERING_ID = sql<string>`answering.id`;
