import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { assertCampaignMarket, type Campaign, findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { ownerActiveColumn, presentTask, type TaskRow } from './find-tasks.ts';
import { mayWriteTasks } from './policies.ts';
import type { createTaskBody, updateTaskBody } from './schema.ts';
import { tasks, taskWatchers } from './tables.ts';

/** Both teams work the same tracker, whatever a task's market: the rules are in policies.ts. */
export { mayWriteTasks };

const RANK_STEP = 1024;

/** The people a task may be given to: team members, not creators, not deactivated (one statement for all). */
async function assertAssignable(tx: DbOrTx, userIds: readonly string[]) {
  const wanted = [...new Set(userIds)];
  const found = await tx
    .select({ id: users.id, role: users.role, name: users.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(inArray(users.id, wanted));
  for (const id of wanted) {
    const user = found.find((u) => u.id === id);
    if (!user || user.role === 'creator') throw new AppError(400, 'unknown_user', 'error.unknown_user');
    if (user.deactivatedAt) throw new AppError(400, 'user_deactivated', 'error.user_deactivated');
  }
  return found;
}

/** A due instant keeps the zone it was agreed in: the one it was typed in, or its market's. */
function resolveDue(
  campaign: Campaign,
  marketCode: string | null,
  input: z.output<typeof createTaskBody>['dueAt'],
) {
  if (input === undefined) return undefined;
  if (input === null) return { dueAt: null, dueTimeZone: null };
  const resolved = resolveInstant(input);
  const zone = resolved.timeZone ?? campaign.markets.find((m) => m.code === marketCode)?.timeZone ?? null;
  return { dueAt: resolved.at, dueTimeZone: zone };
}

/** The rank below every card of a column, as an expression (a create computes it in its INSERT). */
function bottomRankSql(campaignId: string, status: string) {
  return sql<number>`(select coalesce(max(${tasks.rank}), 0) + ${RANK_STEP} from ${tasks} where ${and(
    eq(tasks.campaignId, campaignId),
    eq(tasks.status, status as TaskRow['status']),
  )})`;
}

export async function createTask(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof createTaskBody>,
) {
  if (!mayWriteTasks(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    // Locking the campaign row serialises task numbering within a campaign.
    const campaign = await findCampaign(tx, campaignId, { forUpdate: true });
    const marketCode = input.marketCode ?? null;
    assertCampaignMarket(campaign, marketCode);
    const people = await assertAssignable(tx, [input.ownerId, ...(input.watcherIds ?? [])]);
    const owner = people.find((u) => u.id === input.ownerId)!;
    const status = input.status ?? 'todo';
    const due = resolveDue(campaign, marketCode, input.dueAt) ?? { dueAt: null, dueTimeZone: null };
    const [row] = await tx
      .insert(tasks)
      .values({
        campaignId,
        // Number and rank are computed inside the INSERT (one statement instead of three); the
        // campaign row locked above keeps numbers unique and in order.
        number: sql`(select coalesce(max(${tasks.number}), 0) + 1 from ${tasks} where ${eq(tasks.campaignId, campaignId)})`,
        title: input.title,
        description: input.description ?? '',
        ownerId: owner.id,
        marketCode,
        status,
        ...due,
        ...(status === 'done' ? { doneAt: new Date(), doneBy: actor.id } : {}),
        labels: [...new Set(input.labels ?? [])],
        rank: bottomRankSql(campaignId, status),
        createdBy: actor.id,
      })
      .returning();
    const watcherIds = [...new Set([actor.id, owner.id, ...(input.watcherIds ?? [])])];
    await tx.insert(taskWatchers).values(watcherIds.map((userId) => ({ taskId: row!.id, userId })));
    const presented = presentTask({ ...row!, ownerName: owner.name, ownerActive: true });
    await recordAuditEvent(tx, {
      actor,
      action: 'task.created',
      entityType: 'task',
      entityId: row!.id,
      campaignId,
      entityLabel: presented.title,
      marketCode,
      after: presented,
      announce: [
        {
          scope: `campaign:${campaignId}`,
          event: {
            type: 'task.created',
            entityType: 'task',
            entityId: row!.id,
            data: { version: row!.version, status },
          },
        },
      ],
    });
    return presented;
  });
}

/**
 * Where a card lands when dropped between `after` and `before` (either may be absent): a number,
 * or, at the bottom of the column, the expression the UPDATE computes it with.
 */
async function rankBetween(
  tx: DbOrTx,
  campaignId: string,
  status: string,
  after?: string | null,
  before?: string | null,
) {
  const ids = [after, before].filter((id): id is string => Boolean(id));
  const neighbours = ids.length
    ? await tx
        .select({ id: tasks.id, rank: tasks.rank })
        .from(tasks)
        .where(and(eq(tasks.campaignId, campaignId), inArray(tasks.id, ids)))
    : [];
  const a = neighbours.find((n) => n.id === after)?.rank;
  const b = neighbours.find((n) => n.id === before)?.rank;
  if (a !== undefined && b !== undefined) return (a + b) / 2;
  if (a !== undefined) return a + RANK_STEP;
  if (b !== undefined) return b - RANK_STEP;
  return bottomRankSql(campaignId, status);
}

/**
 * The hot path of the board (a card moved is a status change): the task and its owner's name are
 * read in one locked query, and the campaign is read only when the market or the due time changes.
 */
export async function updateTask(db: Db, actor: Actor, id: string, input: z.output<typeof updateTaskBody>) {
  if (!mayWriteTasks(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ task: tasks, ownerName: users.name, ownerActive: ownerActiveColumn })
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.ownerId))
      .where(eq(tasks.id, id))
      .for('update', { of: tasks });
    if (!found) throw notFound();
    const current = found.task;
    const before = presentTask({ ...current, ownerName: found.ownerName, ownerActive: found.ownerActive });
    if (input.version !== current.version) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, { current: before });
    }
    const marketCode = input.marketCode === undefined ? current.marketCode : input.marketCode;
    const campaign =
      input.marketCode !== undefined || input.dueAt !== undefined
        ? await findCampaign(tx, current.campaignId)
        : null;
    if (campaign) assertCampaignMarket(campaign, marketCode);
    const owner =
      input.ownerId && input.ownerId !== current.ownerId
        ? (await assertAssignable(tx, [input.ownerId]))[0]!
        : null;
    const status = input.status ?? current.status;
    const moved = input.after !== undefined || input.before !== undefined || status !== current.status;
    const rank = moved
      ? await rankBetween(tx, current.campaignId, status, input.after, input.before)
      : current.rank;
    const due = campaign ? resolveDue(campaign, marketCode, input.dueAt) : undefined;
    const [row] = await tx
      .update(tasks)
      .set({
        title: input.title ?? current.title,
        description: input.description ?? current.description,
        ownerId: owner?.id ?? current.ownerId,
        marketCode,
        status,
        ...(due ?? {}),
        // "Finished late" needs the moment it was finished; leaving `done` reopens it.
        ...(status !== current.status
          ? status === 'done'
            ? { doneAt: new Date(), doneBy: actor.id }
            : { doneAt: null, doneBy: null }
          : {}),
        labels: input.labels ? [...new Set(input.labels)] : current.labels,
        rank,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, id))
      .returning();
    if (owner) await tx.insert(taskWatchers).values({ taskId: id, userId: owner.id }).onConflictDoNothing();
    const after = presentTask({
      ...row!,
      ownerName: owner?.name ?? found.ownerName,
      ownerActive: owner ? true : found.ownerActive,
    });
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter(
      (k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
    );
    await recordAuditEvent(tx, {
      actor,
      action: status !== current.status ? 'task.status_changed' : 'task.updated',
      entityType: 'task',
      entityId: id,
      campaignId: current.campaignId,
      entityLabel: after.title,
      marketCode: after.marketCode,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      announce: [
        {
          scope: `campaign:${current.campaignId}`,
          event: {
            type: 'task.updated',
            entityType: 'task',
            entityId: id,
            data: { version: after.version, status: after.status, by: actor.name },
          },
        },
      ],
    });
    return after;
  });
}

export async function deleteTask(db: Db, actor: Actor, id: string) {
  if (!mayWriteTasks(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
    if (!current) throw notFound();
    await tx.delete(tasks).where(eq(tasks.id, id));
    await recordAuditEvent(tx, {
      actor,
      action: 'task.deleted',
      entityType: 'task',
      entityId: id,
      campaignId: current.campaignId,
      entityLabel: current.title,
      marketCode: current.marketCode,
      before: { ...current, dueAt: current.dueAt?.toISOString() ?? null },
      announce: [
        {
          scope: `campaign:${current.campaignId}`,
          event: { type: 'task.deleted', entityType: 'task', entityId: id },
        },
      ],
    });
  });
}

export async function findTaskForViewer(db: DbOrTx, actor: Actor, id: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const [row] = await db
    .select({ task: tasks, ownerName: users.name, ownerActive: ownerActiveColumn })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.ownerId))
    .where(eq(tasks.id, id));
  if (!row) throw notFound();
  return presentTask({ ...row.task, ownerName: row.ownerName, ownerActive: row.ownerActive });
}

export async function watchersOf(db: DbOrTx, taskId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(taskWatchers)
    .innerJoin(users, eq(users.id, taskWatchers.userId))
    .where(eq(taskWatchers.taskId, taskId))
    .orderBy(asc(users.name));
}
