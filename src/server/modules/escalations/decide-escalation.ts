import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { presentRows } from './find-escalations.ts';
import { tellAboutEscalation } from './notify-people.ts';
import { mayDecideEscalation, mayReadEscalations } from './policies.ts';
import type { decisionBody } from './schema.ts';
import { escalationSteps, escalations } from './tables.ts';

/** Records the decision of the person holding the question (or an admin); the raiser is told. */
export async function decideEscalation(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof decisionBody>,
  options: { now?: Date } = {},
) {
  if (!mayReadEscalations(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const now = options.now ?? new Date();
    const [row] = await tx.select().from(escalations).where(eq(escalations.id, id)).for('update');
    if (!row) throw notFound();
    if (!mayDecideEscalation(actor, row)) throw forbidden();
    if (row.status !== 'open') {
      throw new AppError(409, 'escalation_closed', 'error.escalation_closed', { status: row.status });
    }
    const note = input.note ? input.note : null;
    const [decided] = await tx
      .update(escalations)
      .set({
        status: 'decided',
        decision: input.decision,
        note,
        decidedBy: actor.id,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(escalations.id, id))
      .returning();
    await tx.insert(escalationSteps).values({
      escalationId: id,
      at: now,
      action: 'decided',
      userId: actor.id,
      deciderId: row.deciderId,
      level: row.level,
      dueAt: null,
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'escalation.decided',
      entityType: 'escalation',
      entityId: id,
      campaignId: row.campaignId,
      before: {
        status: row.status,
        deciderId: row.deciderId,
        level: row.level,
        dueAt: row.dueAt.toISOString(),
      },
      after: { status: 'decided', decision: input.decision, note },
    });
    await publish(tx, `campaign:${row.campaignId}`, {
      type: 'escalation.decided',
      entityType: 'escalation',
      entityId: id,
      data: { status: 'decided', level: row.level },
    });
    await tellAboutEscalation(tx, [row.raisedBy], { kind: 'escalation.decided' }, decided!, {
      actorId: actor.id,
      now,
    });
    const [presented] = await presentRows(tx, [decided!]);
    return presented!;
  });
}
