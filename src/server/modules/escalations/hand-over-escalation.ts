import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { EscalationRow } from './find-escalations.ts';
import { tellAboutEscalation } from './notify-people.ts';
import { canHold, startClock } from './raise-escalation.ts';
import type { Escalation } from './schema.ts';
import { escalationSteps, escalations } from './tables.ts';

export type ClockOutcome = 'handed_over' | 'expired' | 'skipped';

/**
 * The clock of one level ran out (job `escalations.expire`). The row is locked, so with several
 * instances (or a job retried after a crash) only the first run at a level acts; any later run
 * finds the level moved on, or the escalation closed, and does nothing.
 */
export async function runEscalationClock(
  db: Db,
  escalationId: string,
  level: number,
  options: { now?: Date } = {},
): Promise<ClockOutcome> {
  return db.transaction(async (tx) => {
    const now = options.now ?? new Date();
    const [row] = await tx.select().from(escalations).where(eq(escalations.id, escalationId)).for('update');
    if (!row || row.status !== 'open' || row.level !== level || row.dueAt > now) return 'skipped';
    return moveOn(tx, row, now);
  });
}

/**
 * Moves an open escalation on at once, whatever its clock says: to the rule's next person, or to
 * expired when there is none. For the demo loader (an escalation already handed over) and admins'
 * scripts; inside the caller's transaction.
 */
export async function handOverEscalation(
  tx: DbOrTx,
  escalationId: string,
  options: { now?: Date } = {},
): Promise<ClockOutcome> {
  const [row] = await tx.select().from(escalations).where(eq(escalations.id, escalationId)).for('update');
  if (!row || row.status !== 'open') return 'skipped';
  return moveOn(tx, row, options.now ?? new Date());
}

/**
 * Who holds the question after level 1 runs out: the rule's `nextId` (level 2), if that person can
 * still decide. After level 2 there is nobody further: the escalation expires and the raiser and
 * the last decider are told (an undecided question is theirs to take up, not a third person's).
 */
async function moveOn(tx: DbOrTx, row: EscalationRow, now: Date): Promise<ClockOutcome> {
  const rule = row.rule as Escalation['rule'];
  const next = row.level === 1 ? rule.nextId : null;
  const scope = `campaign:${row.campaignId}` as const;
  const before = { deciderId: row.deciderId, level: row.level, dueAt: row.dueAt.toISOString() };
  if (next && next !== row.deciderId && (await canHold(tx, next))) {
    const dueAt = new Date(now.getTime() + rule.withinMinutes * 60_000);
    const [moved] = await tx
      .update(escalations)
      .set({ deciderId: next, level: row.level + 1, dueAt, updatedAt: now })
      .where(eq(escalations.id, row.id))
      .returning();
    await tx.insert(escalationSteps).values({
      escalationId: row.id,
      at: now,
      action: 'handed_over',
      userId: null,
      deciderId: next,
      level: moved!.level,
      dueAt,
    });
    await recordAuditEvent(tx, {
      actor: null,
      action: 'escalation.handed_over',
      entityType: 'escalation',
      entityId: row.id,
      campaignId: row.campaignId,
      before,
      after: { deciderId: next, level: moved!.level, dueAt: dueAt.toISOString() },
    });
    await publish(tx, scope, {
      type: 'escalation.handed_over',
      entityType: 'escalation',
      entityId: row.id,
      data: { status: 'open', level: moved!.level },
    });
    await startClock(tx, moved!);
    const previousDeciderId = row.deciderId;
    await tellAboutEscalation(tx, [next], { kind: 'escalation.handed_over', previousDeciderId }, moved!, {
      now,
    });
    if (row.raisedBy !== next) {
      await tellAboutEscalation(tx, [row.raisedBy], { kind: 'escalation.expired', nextId: next }, moved!, {
        now,
      });
    }
    return 'handed_over';
  }
  const [expired] = await tx
    .update(escalations)
    .set({ status: 'expired', updatedAt: now })
    .where(eq(escalations.id, row.id))
    .returning();
  await tx.insert(escalationSteps).values({
    escalationId: row.id,
    at: now,
    action: 'expired',
    userId: null,
    deciderId: row.deciderId,
    level: row.level,
    dueAt: null,
  });
  await recordAuditEvent(tx, {
    actor: null,
    action: 'escalation.expired',
    entityType: 'escalation',
    entityId: row.id,
    campaignId: row.campaignId,
    before: { ...before, status: 'open' },
    after: { status: 'expired' },
  });
  await publish(tx, scope, {
    type: 'escalation.expired',
    entityType: 'escalation',
    entityId: row.id,
    data: { status: 'expired', level: row.level },
  });
  await tellAboutEscalation(
    tx,
    [row.raisedBy, row.deciderId],
    { kind: 'escalation.expired', nextId: null },
    expired!,
    {
      now,
    },
  );
  return 'expired';
}
