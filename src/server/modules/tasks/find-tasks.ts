import {
  and,
  arrayContains,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { users } from '../auth/tables.ts';
import type { listTasksQuery } from './schema.ts';
import { TASK_STATUSES, tasks } from './tables.ts';

export type TaskRow = typeof tasks.$inferSelect;
type Query = z.output<typeof listTasksQuery>;

/** Whether a task's owner can still work: a deactivated owner's tasks need a new owner. */
export const ownerActiveColumn = sql<boolean>`(${users.deactivatedAt} is null)`;

export function presentTask(row: TaskRow & { ownerName: string; ownerActive: boolean }, now = Date.now()) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    number: row.number,
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    ownerActive: row.ownerActive,
    marketCode: row.marketCode,
    status: row.status,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueTimeZone: row.dueTimeZone,
    overdue: row.dueAt !== null && row.status !== 'done' && row.dueAt.getTime() < now,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneBy,
    labels: row.labels,
    rank: row.rank,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const statusOrdinal = sql`array_position(${sql.raw(`ARRAY[${TASK_STATUSES.map((s) => `'${s}'`).join(',')}]::text[]`)}, ${tasks.status})`;

/** Keyset pagination: each sort is a tuple of expressions ending in the id, compared as a row. */
function sortKeys(sort: Query['sort']): Array<{ expr: SQL; type: 'text' | 'int' | 'float' | 'timestamptz' }> {
  switch (sort) {
    case 'board':
      return [
        { expr: statusOrdinal, type: 'int' },
        { expr: sql`${tasks.rank}`, type: 'float' },
      ];
    case 'due':
      return [{ expr: sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`, type: 'timestamptz' }];
    case 'created':
      return [{ expr: sql`${tasks.createdAt}`, type: 'timestamptz' }];
    case 'updated':
      return [{ expr: sql`${tasks.updatedAt}`, type: 'timestamptz' }];
    case 'title':
      return [{ expr: sql`lower(${tasks.title})`, type: 'text' }];
    case 'number':
      return [{ expr: sql`${tasks.number}`, type: 'int' }];
  }
}

function decodeCursor(cursor: string, size: number): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === size && values.every((v) => typeof v === 'string'))
      return values;
  } catch {
    // fall through
  }
  throw new AppError(400, 'validation_failed', 'error.validation_failed', undefined, [
    { path: 'query.cursor', code: 'invalid_cursor', message: 'cursor' },
  ]);
}

export interface TaskScope {
  campaignId?: string;
  ownerId?: string;
}

export async function findTasks(db: DbOrTx, scope: TaskScope, query: Query) {
  const where: Array<SQL | undefined> = [];
  if (scope.campaignId) where.push(eq(tasks.campaignId, scope.campaignId));
  if (scope.ownerId) where.push(eq(tasks.ownerId, scope.ownerId));
  if (query.status?.length) where.push(inArray(tasks.status, query.status));
  if (query.ownerId) where.push(eq(tasks.ownerId, query.ownerId));
  if (query.marketCode === 'ALL') where.push(isNull(tasks.marketCode));
  else if (query.marketCode) where.push(eq(tasks.marketCode, query.marketCode));
  if (query.label) where.push(arrayContains(tasks.labels, [query.label]));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(tasks.title, pattern), ilike(tasks.description, pattern)));
  }
  if (query.ownerActive) {
    const deactivated = db.select({ id: users.id }).from(users).where(isNotNull(users.deactivatedAt));
    where.push(
      query.ownerActive === 'false'
        ? inArray(tasks.ownerId, deactivated)
        : notInArray(tasks.ownerId, deactivated),
    );
  }
  if (query.overdue === 'true') where.push(and(lt(tasks.dueAt, sql`now()`), ne(tasks.status, 'done')));
  if (query.dueBefore) where.push(lt(tasks.dueAt, new Date(query.dueBefore)));
  if (query.dueAfter)
    where.push(sql`${tasks.dueAt} >= ${new Date(query.dueAfter).toISOString()}::timestamptz`);

  // The first page also says how many tasks match in all (a column header shows it).
  const total = query.cursor
    ? null
    : Number(
        (
          await db
            .select({ n: sql<string>`count(*)` })
            .from(tasks)
            .where(and(...where))
        )[0]?.n ?? 0,
      );
  const keys = sortKeys(query.sort);
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  if (query.cursor) {
    const values = decodeCursor(query.cursor, keys.length + 1);
    const left = sql.join([...keys.map((k) => k.expr), sql`${tasks.id}`], sql`, `);
    const right = sql.join(
      [
        ...keys.map((k, i) => sql`${values[i]}::${sql.raw(k.type === 'float' ? 'float8' : k.type)}`),
        sql`${values.at(-1)}::uuid`,
      ],
      sql`, `,
    );
    where.push(query.order === 'desc' ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`);
  }
  const cursorColumns = keys.map((k, i) => sql`(${k.expr})::text`.as(`k${i}`));
  const rows = await db
    .select({
      task: tasks,
      ownerName: users.name,
      ownerActive: ownerActiveColumn,
      ...Object.fromEntries(cursorColumns.map((c, i) => [`k${i}`, c])),
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.ownerId))
    .where(and(...where))
    .orderBy(...keys.map((k) => sql`${k.expr} ${direction}`), sql`${tasks.id} ${direction}`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1) as (Record<string, unknown> & { task: TaskRow }) | undefined;
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify([...keys.map((_, i) => String(last[`k${i}`])), last.task.id])).toString(
          'base64url',
        )
      : null;
  const now = Date.now();
  return {
    tasks: page.map((r) =>
      presentTask({ ...r.task, ownerName: r.ownerName, ownerActive: r.ownerActive }, now),
    ),
    nextCursor,
    total,
  };
}

/** Every label used in a campaign, for filters and suggestions. */
export async function campaignLabels(db: DbOrTx, campaignId: string): Promise<string[]> {
  const rows = await db.execute<{ label: string }>(
    sql`select distinct unnest(${tasks.labels}) as label from ${tasks} where ${tasks.campaignId} = ${campaignId} order by 1`,
  );
  const list = (
    Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ label: string }> }).rows
  ) as Array<{ label: string }>;
  return list.map((r) => r.label);
}
