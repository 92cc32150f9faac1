import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { creators, engagements, submissions } from '../creators/tables.ts';
import { tasks } from '../tasks/tables.ts';
import { milestones } from '../timeline/tables.ts';
import type { ESCALATION_ENTITY_TYPES } from './tables.ts';

export type EscalationEntityType = (typeof ESCALATION_ENTITY_TYPES)[number];

interface ResolvedEntity {
  label: string;
  marketCode: string | null;
}

/**
 * The item an escalation is raised from: its name (kept with the escalation, so it still reads
 * after a rename) and its market. Read-only lookups by id within the campaign; an id of another
 * campaign answers exactly like an unknown one, so nothing leaks across campaigns.
 */
export async function resolveEntity(
  tx: DbOrTx,
  campaignId: string,
  type: EscalationEntityType,
  id: string,
): Promise<ResolvedEntity> {
  const found = await lookup(tx, campaignId, type, id);
  if (!found) {
    throw new AppError(400, 'unknown_escalation_entity', 'error.unknown_escalation_entity', { type });
  }
  return found;
}

async function lookup(
  tx: DbOrTx,
  campaignId: string,
  type: EscalationEntityType,
  id: string,
): Promise<ResolvedEntity | undefined> {
  switch (type) {
    case 'task': {
      const [row] = await tx
        .select({ number: tasks.number, title: tasks.title, marketCode: tasks.marketCode })
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.campaignId, campaignId)));
      return row && { label: `#${row.number} ${row.title}`, marketCode: row.marketCode };
    }
    case 'milestone': {
      const [row] = await tx
        .select({ title: milestones.title, marketCode: milestones.marketCode })
        .from(milestones)
        .where(and(eq(milestones.id, id), eq(milestones.campaignId, campaignId)));
      return row && { label: row.title, marketCode: row.marketCode };
    }
    case 'engagement': {
      const [row] = await tx
        .select({ name: creators.name, marketCode: creators.marketCode })
        .from(engagements)
        .innerJoin(creators, eq(creators.id, engagements.creatorId))
        .where(and(eq(engagements.id, id), eq(engagements.campaignId, campaignId)));
      return row && { label: row.name, marketCode: row.marketCode };
    }
    case 'submission': {
      const [row] = await tx
        .select({ name: creators.name, marketCode: creators.marketCode, round: submissions.round })
        .from(submissions)
        .innerJoin(engagements, eq(engagements.id, submissions.engagementId))
        .innerJoin(creators, eq(creators.id, engagements.creatorId))
        .where(and(eq(submissions.id, id), eq(engagements.campaignId, campaignId)));
      return row && { label: `${row.name} · #${row.round}`, marketCode: row.marketCode };
    }
  }
}
