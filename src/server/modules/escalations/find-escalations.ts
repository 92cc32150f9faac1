import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayReadEscalations } from './policies.ts';
import type { Escalation, listEscalationsQuery } from './schema.ts';
import { escalationSteps, escalations } from './tables.ts';

export type EscalationRow = typeof escalations.$inferSelect;
type StepRow = typeof escalationSteps.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One escalation as the API shows it; `people` holds the names of everyone it mentions. */
export function presentEscalation(
  row: EscalationRow,
  steps: StepRow[],
  names: Map<string, string>,
): Escalation {
  const rule = row.rule as Escalation['rule'];
  const ids = new Set<string>([row.raisedBy, row.deciderId]);
  for (const id of [row.decidedBy, rule.deciderId, rule.nextId]) if (id) ids.add(id);
  for (const step of steps) for (const id of [step.userId, step.deciderId]) if (id) ids.add(id);
  return {
    id: row.id,
    campaignId: row.campaignId,
    status: row.status,
    ruleId: row.ruleId,
    rule,
    summary: row.summary,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: row.entityLabel,
    marketCode: row.marketCode,
    raisedBy: row.raisedBy,
    deciderId: row.deciderId,
    dueAt: row.dueAt.toISOString(),
    level: row.level,
    decision: row.decision,
    note: row.note,
    decidedBy: row.decidedBy,
    decidedAt: iso(row.decidedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    history: steps.map((step) => ({
      at: step.at.toISOString(),
      action: step.action,
      userId: step.userId,
      deciderId: step.deciderId,
      level: step.level,
      dueAt: iso(step.dueAt),
    })),
    people: Object.fromEntries(
      [...ids].filter((id) => names.has(id)).map((id) => [id, { name: names.get(id) ?? '' }]),
    ),
  };
}

/** Rows with their steps and the names they mention, in two queries however many rows. */
export async function presentRows(db: DbOrTx, rows: EscalationRow[]): Promise<Escalation[]> {
  if (rows.length === 0) return [];
  const steps = await db
    .select()
    .from(escalationSteps)
    .where(
      inArray(
        escalationSteps.escalationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(escalationSteps.at), asc(escalationSteps.level));
  const ids = new Set<string>();
  for (const row of rows) {
    const rule = row.rule as Escalation['rule'];
    for (const id of [row.raisedBy, row.deciderId, row.decidedBy, rule.deciderId, rule.nextId])
      if (id) ids.add(id);
  }
  for (const step of steps) for (const id of [step.userId, step.deciderId]) if (id) ids.add(id);
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((row) =>
    presentEscalation(
      row,
      steps.filter((s) => s.escalationId === row.id),
      names,
    ),
  );
}

export async function listEscalations(
  db: DbOrTx,
  actor: Actor,
  campaignId: string,
  query: z.output<typeof listEscalationsQuery>,
) {
  if (!mayReadEscalations(actor)) throw forbidden();
  await findCampaign(db, campaignId);
  const where: SQL[] = [eq(escalations.campaignId, campaignId)];
  if (query.status) where.push(eq(escalations.status, query.status));
  if (query.entityType) where.push(eq(escalations.entityType, query.entityType));
  if (query.entityId) where.push(eq(escalations.entityId, query.entityId));
  const rows = await db
    .select()
    .from(escalations)
    .where(and(...where))
    .orderBy(desc(escalations.createdAt))
    .limit(500);
  return { escalations: await presentRows(db, rows) };
}

export async function findEscalation(db: DbOrTx, actor: Actor, id: string) {
  if (!mayReadEscalations(actor)) throw forbidden();
  const [row] = await db.select().from(escalations).where(eq(escalations.id, id));
  if (!row) throw notFound();
  const [presented] = await presentRows(db, [row]);
  return presented!;
}
