import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { findEscalationRules } from '../briefs/escalation-rules.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { type EscalationRow, presentRows } from './find-escalations.ts';
import { tellAboutEscalation } from './notify-people.ts';
import { mayRaiseEscalation } from './policies.ts';
import { resolveEntity } from './resolve-entity.ts';
import type { raiseEscalationBody } from './schema.ts';
import { escalationSteps, escalations } from './tables.ts';

export type RaiseEscalationInput = z.output<typeof raiseEscalationBody>;

/** A person who can hold an escalation now: an active account that sees the campaign. */
export async function canHold(tx: DbOrTx, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const [user] = await tx
    .select({ role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(user && user.role !== 'creator' && !user.deactivatedAt);
}

/** The job that moves an escalation on when its level's time runs out (one per escalation and level). */
export async function startClock(tx: DbOrTx, row: Pick<EscalationRow, 'id' | 'level' | 'dueAt'>) {
  await enqueueJob(
    tx,
    'escalations.expire',
    { escalationId: row.id, level: row.level },
    { runAt: row.dueAt, dedupeKey: `${row.id}:${row.level}` },
  );
}

/**
 * Raises an escalation under one of the brief's rules, inside the caller's transaction: the rule's
 * decider holds it until `now + withinMinutes`, and the clock job is queued. The demo loader calls
 * this with its own `now`.
 */
export async function raiseEscalation(
  tx: DbOrTx,
  actor: Actor,
  campaignId: string,
  input: RaiseEscalationInput,
  options: { now?: Date } = {},
) {
  if (!mayRaiseEscalation(actor)) throw forbidden();
  const now = options.now ?? new Date();
  await findCampaign(tx, campaignId);
  const rule = (await findEscalationRules(tx, campaignId)).find((r) => r.id === input.ruleId);
  if (!rule) throw new AppError(400, 'unknown_escalation_rule', 'error.unknown_escalation_rule');
  if (!rule.deciderId || !(await canHold(tx, rule.deciderId))) {
    throw new AppError(409, 'escalation_rule_without_decider', 'error.escalation_rule_without_decider');
  }
  const entity =
    input.entityType && input.entityId
      ? await resolveEntity(tx, campaignId, input.entityType, input.entityId)
      : null;
  const dueAt = new Date(now.getTime() + rule.withinMinutes * 60_000);
  const [row] = await tx
    .insert(escalations)
    .values({
      campaignId,
      ruleId: rule.id,
      rule,
      summary: input.summary,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      entityLabel: entity?.label ?? null,
      marketCode: entity?.marketCode ?? null,
      raisedBy: actor.id,
      deciderId: rule.deciderId,
      level: 1,
      dueAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const raised = row!;
  await tx.insert(escalationSteps).values({
    escalationId: raised.id,
    at: now,
    action: 'raised',
    userId: actor.id,
    deciderId: raised.deciderId,
    level: 1,
    dueAt,
  });
  await recordAuditEvent(tx, {
    actor,
    action: 'escalation.raised',
    entityType: 'escalation',
    entityId: raised.id,
    campaignId,
    after: {
      ruleId: rule.id,
      summary: raised.summary,
      deciderId: raised.deciderId,
      level: 1,
      dueAt: dueAt.toISOString(),
    },
  });
  await publish(tx, `campaign:${campaignId}`, {
    type: 'escalation.raised',
    entityType: 'escalation',
    entityId: raised.id,
    data: { status: 'open', level: 1 },
  });
  await startClock(tx, raised);
  await tellAboutEscalation(tx, [raised.deciderId], { kind: 'escalation.raised' }, raised, {
    actorId: actor.id,
    now,
  });
  const [presented] = await presentRows(tx, [raised]);
  return presented!;
}
