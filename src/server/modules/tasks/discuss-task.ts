import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { mayComment, mayWatch } from './policies.ts';
import { taskComments, tasks, taskWatchers } from './tables.ts';
import { findTaskForViewer, watchersOf } from './write-task.ts';

export async function commentsOf(db: DbOrTx, taskId: string) {
  const rows = await db
    .select({ comment: taskComments, authorName: users.name })
    .from(taskComments)
    .innerJoin(users, eq(users.id, taskComments.authorId))
    .where(eq(taskComments.taskId, taskId))
    .orderBy(asc(taskComments.createdAt));
  return rows.map((r) => ({
    id: r.comment.id,
    authorId: r.comment.authorId,
    authorName: r.authorName,
    body: r.comment.body,
    createdAt: r.comment.createdAt.toISOString(),
  }));
}

export async function taskDetail(db: DbOrTx, actor: Actor, id: string) {
  const task = await findTaskForViewer(db, actor, id);
  return { ...task, comments: await commentsOf(db, id), watchers: await watchersOf(db, id) };
}

async function taskCampaign(tx: DbOrTx, taskId: string) {
  const [task] = await tx.select({ campaignId: tasks.campaignId }).from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw notFound();
  return task.campaignId;
}

export async function addComment(db: Db, actor: Actor, taskId: string, body: string) {
  // Stakeholders approve and comment; only creators are kept out of internal tasks.
  if (!mayComment(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const campaignId = await taskCampaign(tx, taskId);
    const [row] = await tx.insert(taskComments).values({ taskId, authorId: actor.id, body }).returning();
    await tx.insert(taskWatchers).values({ taskId, userId: actor.id }).onConflictDoNothing();
    await recordAuditEvent(tx, {
      actor,
      action: 'task.commented',
      entityType: 'task',
      entityId: taskId,
      campaignId,
      after: { body },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'task.commented',
      entityType: 'task',
      entityId: taskId,
    });
    return {
      id: row!.id,
      authorId: actor.id,
      authorName: actor.name,
      body,
      createdAt: row!.createdAt.toISOString(),
    };
  });
}

export async function setWatching(db: Db, actor: Actor, taskId: string, userId: string, watching: boolean) {
  if (!mayWatch(actor, userId)) throw forbidden();
  await db.transaction(async (tx) => {
    const campaignId = await taskCampaign(tx, taskId);
    const [user] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || user.role === 'creator') throw notFound();
    if (watching) await tx.insert(taskWatchers).values({ taskId, userId }).onConflictDoNothing();
    else
      await tx
        .delete(taskWatchers)
        .where(and(eq(taskWatchers.taskId, taskId), eq(taskWatchers.userId, userId)));
    await recordAuditEvent(tx, {
      actor,
      action: watching ? 'task.watcher_added' : 'task.watcher_removed',
      entityType: 'task',
      entityId: taskId,
      campaignId,
      after: { userId },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'task.watchers_changed',
      entityType: 'task',
      entityId: taskId,
    });
  });
}
