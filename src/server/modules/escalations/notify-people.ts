import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';
import { notify } from '../notifications/notify.ts';
import type { EscalationRow } from './find-escalations.ts';

export type EscalationNotice =
  | { kind: 'escalation.raised' }
  | { kind: 'escalation.handed_over'; previousDeciderId: string }
  /** To the raiser when it moved on (`nextId` set) and to raiser and last decider when it ran out. */
  | { kind: 'escalation.expired'; nextId: string | null }
  | { kind: 'escalation.decided' };

/**
 * Tells people about a step of an escalation, inside the step's transaction (notify() writes the
 * in-app row, the live bell event and the e-mail job; all escalation kinds are urgent).
 */
export async function tellAboutEscalation(
  tx: DbOrTx,
  recipients: string[],
  notice: EscalationNotice,
  row: EscalationRow,
  options: { actorId?: string | null; now?: Date } = {},
): Promise<void> {
  if (recipients.length === 0) return;
  const [campaign] = await tx
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.id, row.campaignId));
  const ids = [row.raisedBy, row.deciderId, row.decidedBy];
  if (notice.kind === 'escalation.handed_over') ids.push(notice.previousDeciderId);
  if (notice.kind === 'escalation.expired' && notice.nextId) ids.push(notice.nextId);
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids.filter((id): id is string => !!id))]));
  const nameOf = (id: string | null | undefined) => people.find((p) => p.id === id)?.name ?? '';
  const common = {
    campaignName: campaign?.name ?? '',
    summary: row.summary,
  };
  const base = {
    link: `/campaigns/${row.campaignId}/escalations/${row.id}`,
    campaignId: row.campaignId,
    marketCode: row.marketCode,
    entityType: 'escalation',
    entityId: row.id,
    actorId: options.actorId ?? null,
    ...(options.now ? { now: options.now } : {}),
  };
  for (const userId of new Set(recipients)) {
    // One notification per person, step and level: a retried step does not tell anyone twice.
    const dedupeKey = `${row.id}:${notice.kind}:${row.level}:${row.status}`;
    switch (notice.kind) {
      case 'escalation.raised':
        await notify(tx, {
          ...base,
          userId,
          dedupeKey,
          kind: notice.kind,
          params: {
            ...common,
            actorName: nameOf(row.raisedBy),
            dueAt: row.dueAt.toISOString(),
            level: row.level,
          },
        });
        break;
      case 'escalation.handed_over':
        await notify(tx, {
          ...base,
          userId,
          dedupeKey,
          kind: notice.kind,
          params: {
            ...common,
            previousName: nameOf(notice.previousDeciderId),
            dueAt: row.dueAt.toISOString(),
            level: row.level,
          },
        });
        break;
      case 'escalation.expired':
        await notify(tx, {
          ...base,
          userId,
          dedupeKey,
          kind: notice.kind,
          params: { ...common, level: row.level, nextName: notice.nextId ? nameOf(notice.nextId) : '' },
        });
        break;
      case 'escalation.decided':
        await notify(tx, {
          ...base,
          userId,
          dedupeKey,
          kind: notice.kind,
          params: { ...common, decision: row.decision ?? '', deciderName: nameOf(row.decidedBy) },
        });
        break;
    }
  }
}
