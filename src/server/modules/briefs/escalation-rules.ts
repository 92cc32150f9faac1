import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { users } from '../auth/tables.ts';
import { type EscalationRule, sectionDataSchemas } from './schema.ts';
import { briefSectionData } from './tables.ts';

/**
 * The people an escalation rule names must be able to decide: active accounts that see the
 * campaign (every staff role; creators never see the campaign as a whole).
 */
export async function assertRulePeople(tx: DbOrTx, rules: EscalationRule[]): Promise<void> {
  const named = rules.flatMap((rule, index) => [
    ...(rule.deciderId ? [{ path: `data.rules.${index}.deciderId`, id: rule.deciderId }] : []),
    ...(rule.nextId ? [{ path: `data.rules.${index}.nextId`, id: rule.nextId }] : []),
  ]);
  if (named.length === 0) return;
  const rows = await tx
    .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(inArray(users.id, [...new Set(named.map((n) => n.id))]));
  const eligible = new Set(rows.filter((u) => u.role !== 'creator' && !u.deactivatedAt).map((u) => u.id));
  const refused = named.filter((n) => !eligible.has(n.id));
  if (refused.length) {
    throw new AppError(
      400,
      'invalid_escalation_person',
      'error.invalid_escalation_person',
      undefined,
      refused.map((n) => ({ path: n.path, code: 'unknown_person', message: n.id })),
    );
  }
}

/** The campaign's escalation rules as the brief states them now (the team's latest word, published or not). */
export async function findEscalationRules(tx: DbOrTx, campaignId: string): Promise<EscalationRule[]> {
  const [row] = await tx
    .select({ data: briefSectionData.data })
    .from(briefSectionData)
    .where(and(eq(briefSectionData.campaignId, campaignId), eq(briefSectionData.sectionKey, 'escalation')));
  if (!row) return [];
  const parsed = sectionDataSchemas.escalation.safeParse(row.data);
  return parsed.success ? parsed.data.rules : [];
}

/** Names of the people the escalation rules in these sections name (for exports and prints). */
export async function rulePeopleNames(
  tx: DbOrTx,
  sections: Array<{ key: string; data: unknown }>,
): Promise<Record<string, string>> {
  const section = sections.find((s) => s.key === 'escalation');
  const parsed = sectionDataSchemas.escalation.safeParse(section?.data);
  if (!parsed.success) return {};
  const ids = [...new Set(parsed.data.rules.flatMap((r) => [r.deciderId, r.nextId]).filter((id) => !!id))];
  if (ids.length === 0) return {};
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids as string[]));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
