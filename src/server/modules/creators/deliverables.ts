import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import { resolveInstant } from '../../http/instant.ts';
import type { deliverableInput } from './schema.ts';
import { type Deliverable, deliverables } from './tables.ts';

type DeliverableRow = typeof deliverables.$inferSelect;

function present(row: DeliverableRow): Deliverable {
  return {
    id: row.id,
    platform: row.platform,
    format: row.format,
    count: row.count,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueZone: row.dueZone,
  };
}

/** An engagement's deliverables in the order they were agreed. */
export async function readDeliverables(db: DbOrTx, engagementId: string): Promise<Deliverable[]> {
  const rows = await db
    .select()
    .from(deliverables)
    .where(eq(deliverables.engagementId, engagementId))
    .orderBy(asc(deliverables.position));
  return rows.map(present);
}

/** Deliverables of many engagements at once (lists), keyed by engagement id. */
export async function readDeliverablesOf(
  db: DbOrTx,
  engagementIds: string[],
): Promise<Map<string, Deliverable[]>> {
  const byEngagement = new Map<string, Deliverable[]>(engagementIds.map((id) => [id, []]));
  if (engagementIds.length === 0) return byEngagement;
  const rows = await db
    .select()
    .from(deliverables)
    .where(inArray(deliverables.engagementId, engagementIds))
    .orderBy(asc(deliverables.engagementId), asc(deliverables.position));
  for (const row of rows) byEngagement.get(row.engagementId)?.push(present(row));
  return byEngagement;
}

/**
 * Replaces an engagement's deliverables with the given list. A due time given as local time keeps
 * the zone it was given in; one given as an instant is taken as agreed in the creator's zone.
 */
export async function replaceDeliverables(
  tx: DbOrTx,
  engagement: { id: string; campaignId: string },
  creatorZone: string,
  input: Array<z.output<typeof deliverableInput>>,
): Promise<void> {
  await tx.delete(deliverables).where(eq(deliverables.engagementId, engagement.id));
  if (input.length === 0) return;
  await tx.insert(deliverables).values(
    input.map((d, position) => {
      const due = d.dueAt ? resolveInstant(d.dueAt) : null;
      return {
        engagementId: engagement.id,
        campaignId: engagement.campaignId,
        position,
        platform: d.platform,
        format: d.format,
        count: d.count,
        dueAt: due?.at ?? null,
        dueZone: due ? (due.timeZone ?? creatorZone) : null,
      };
    }),
  );
}
