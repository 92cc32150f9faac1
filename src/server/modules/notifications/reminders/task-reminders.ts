import { and, eq, gt, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import { campaigns } from '../../campaigns/tables.ts';
import { tasks } from '../../tasks/tables.ts';
import type { NotifyRequest } from '../notify.ts';
import {
  ANSWERING_ID,
  answering,
  at,
  type Cursor,
  isoText,
  notSent,
  pageAfter,
  pageOrder,
  STAFF,
  type SweepOptions,
  sendInBatches,
  wantsKind,
} from './batches.ts';

const HOUR = 3_600_000;
/** "Due soon" is the last day before the due time. */
export const DUE_SOON_MS = 24 * HOUR;
/** How long an overdue task stays the owner's business before the market's lead hears of it. */
export const LEAD_AFTER_MS = 24 * HOUR;

const owner = alias(users, 'owner');
const recipient = alias(users, 'recipient');

const taskColumns = {
  taskId: tasks.id,
  title: tasks.title,
  campaignId: tasks.campaignId,
  campaignName: campaigns.name,
  marketCode: tasks.marketCode,
  dueAt: tasks.dueAt,
};

type TaskCandidate = {
  userId: string;
  dedupeKey: string;
  taskId: string;
  title: string;
  campaignId: string;
  campaignName: string;
  marketCode: string | null;
  dueAt: Date | null;
};

const base = (row: TaskCandidate) => ({
  link: `/campaigns/${row.campaignId}/tasks/${row.taskId}`,
  campaignId: row.campaignId,
  marketCode: row.marketCode,
  entityType: 'task',
  entityId: row.taskId,
  dedupeKey: row.dedupeKey,
});

/** Open tasks due within the next 24 hours → their owner, once per due time (moving it re-arms). */
export async function remindDueSoonTasks(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const key = sql<string>`'task.due_soon:' || ${tasks.id} || ':' || ${isoText(tasks.dueAt)}`;
  const fetch = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({ userId: tasks.ownerId, dedupeKey: key, ...taskColumns })
      .from(tasks)
      .innerJoin(owner, eq(owner.id, tasks.ownerId))
      .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
      .where(
        and(
          ne(tasks.status, 'done'),
          gt(tasks.dueAt, at(now)),
          lte(tasks.dueAt, at(new Date(now.getTime() + DUE_SOON_MS))),
          sql`${owner.deactivatedAt} is null`,
          wantsKind(tasks.ownerId, 'task.due_soon'),
          notSent(tasks.ownerId, key),
          pageAfter(key, tasks.ownerId, after),
        ),
      )
      .orderBy(...pageOrder(key, tasks.ownerId))
      .limit(limit);
  return sendInBatches(db, options, fetch, (row) => ({
    ...base(row),
    userId: row.userId,
    kind: 'task.due_soon',
    params: {
      taskTitle: row.title,
      campaignName: row.campaignName,
      dueAt: row.dueAt!.toISOString(),
    },
    now,
  }));
}

/**
 * Open tasks past their due time → the owner at once; a day later (or at once when the owner's
 * account is deactivated, since nobody else would act) → whoever answers for the task's market.
 */
export async function remindOverdueTasks(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const ownerKey = sql<string>`'task.overdue:' || ${tasks.id} || ':' || ${isoText(tasks.dueAt)}`;
  const toOwner = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({ userId: tasks.ownerId, dedupeKey: ownerKey, ownerName: owner.name, ...taskColumns })
      .from(tasks)
      .innerJoin(owner, eq(owner.id, tasks.ownerId))
      .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
      .where(
        and(
          ne(tasks.status, 'done'),
          lte(tasks.dueAt, at(now)),
          sql`${owner.deactivatedAt} is null`,
          wantsKind(tasks.ownerId, 'task.overdue'),
          notSent(tasks.ownerId, ownerKey),
          pageAfter(ownerKey, tasks.ownerId, after),
        ),
      )
      .orderBy(...pageOrder(ownerKey, tasks.ownerId))
      .limit(limit);

  const leadKey = sql<string>`'task.overdue.lead:' || ${tasks.id} || ':' || ${isoText(tasks.dueAt)}`;
  const toLeads = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({ userId: recipient.id, dedupeKey: leadKey, ownerName: owner.name, ...taskColumns })
      .from(tasks)
      .innerJoin(owner, eq(owner.id, tasks.ownerId))
      .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
      .crossJoin(STAFF)
      .crossJoinLateral(answering(tasks.marketCode, campaigns.createdBy))
      .innerJoin(recipient, and(eq(recipient.id, ANSWERING_ID), isNull(recipient.deactivatedAt)))
      .where(
        and(
          ne(tasks.status, 'done'),
          isNotNull(tasks.dueAt),
          or(
            lte(tasks.dueAt, at(new Date(now.getTime() - LEAD_AFTER_MS))),
            and(lte(tasks.dueAt, at(now)), isNotNull(owner.deactivatedAt)),
          ),
          ne(recipient.id, tasks.ownerId),
          wantsKind(recipient.id, 'task.overdue'),
          notSent(recipient.id, leadKey),
          pageAfter(leadKey, recipient.id, after),
        ),
      )
      .orderBy(...pageOrder(leadKey, recipient.id))
      .limit(limit);

  const send =
    (toLead: boolean) =>
    (row: TaskCandidate & { ownerName: string }): NotifyRequest => ({
      ...base(row),
      userId: row.userId,
      kind: 'task.overdue',
      params: {
        taskTitle: row.title,
        campaignName: row.campaignName,
        dueAt: row.dueAt!.toISOString(),
        ownerName: row.ownerName,
        toLead,
      },
      now,
    });
  return (
    (await sendInBatches(db, options, toOwner, send(false))) +
    (await sendInBatches(db, options, toLeads, send(true)))
  );
}
