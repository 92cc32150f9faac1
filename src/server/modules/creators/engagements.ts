import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { selectionCriteria } from '../briefs/read-brief.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { goLiveOf } from '../timeline/milestones.ts';
import { readDeliverables, replaceDeliverables } from './deliverables.ts';
import { assertAllowed, mayManageCreators, mayWriteCreator } from './policies.ts';
import { findCreator, presentCreator } from './roster.ts';
import type { deliverableInput, engagementBody, updateEngagementBody } from './schema.ts';
import { agreements, creators, type EngagementStatus, engagements } from './tables.ts';

type EngagementRow = typeof engagements.$inferSelect;

/** Statuses before a signature: whatever the creator said, it is still a maybe. */
export const UNCOMMITTED: readonly EngagementStatus[] = [
  'shortlisted',
  'contacted',
  'tentative',
  'confirmed',
  'agreement_sent',
];
export const OUT: readonly EngagementStatus[] = ['declined', 'dropped'];
/** Signing happens through an agreement (portal acceptance or an uploaded signed PDF), never by hand. */
const SET_BY_AGREEMENT: readonly EngagementStatus[] = ['signed'];
export const UNSIGNED_WARNING_DAYS = 7;

/** A creator's word counts only once an agreement is signed: until then every status is a maybe. */
export function commitmentOf(
  status: EngagementStatus,
  hasSignedAgreement: boolean,
): 'maybe' | 'committed' | 'out' {
  if (OUT.includes(status)) return 'out';
  return hasSignedAgreement && !UNCOMMITTED.includes(status) ? 'committed' : 'maybe';
}

export async function hasSignedAgreement(db: DbOrTx, engagementId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.engagementId, engagementId), eq(agreements.status, 'signed')))
    .limit(1);
  return Boolean(row);
}

type Criteria = Awaited<ReturnType<typeof selectionCriteria>>;

/** Score 0–100 from the brief's weighted criteria and this engagement's ratings (0–5), with the why. */
export function scoreOf(criteria: Criteria, ratings: EngagementRow['ratings']) {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const breakdown = criteria.map((c) => {
    const rating = ratings[c.id];
    return {
      criterionId: c.id,
      label: c.label,
      weight: c.weight,
      score: rating?.score ?? null,
      note: rating?.note ?? '',
      points: rating && total ? (c.weight / total) * (rating.score / 5) * 100 : 0,
    };
  });
  const rated = breakdown.some((b) => b.score !== null);
  return {
    value: rated && total ? Math.round(breakdown.reduce((s, b) => s + b.points, 0) * 10) / 10 : null,
    breakdown,
  };
}

export async function presentEngagement(db: DbOrTx, row: EngagementRow, criteria?: Criteria) {
  const creator = await findCreator(db, row.creatorId);
  const goLive = row.goLiveFrom ?? (await goLiveOf(db, row.campaignId, creator.marketCode));
  const commitment = commitmentOf(row.status, await hasSignedAgreement(db, row.id));
  const flags: string[] = [];
  if (
    commitment === 'maybe' &&
    goLive &&
    goLive.getTime() - Date.now() < UNSIGNED_WARNING_DAYS * 86_400_000
  ) {
    flags.push('unsigned_close_to_go_live');
  }
  return {
    id: row.id,
    campaignId: row.campaignId,
    creator: presentCreator(creator),
    status: row.status,
    commitment,
    flags,
    goLive: goLive?.toISOString() ?? null,
    deliverables: await readDeliverables(db, row.id),
    fee: { amount: Number(row.feeAmount), currency: row.feeCurrency },
    promoCode: row.promoCode,
    goLiveFrom: row.goLiveFrom?.toISOString() ?? null,
    goLiveTo: row.goLiveTo?.toISOString() ?? null,
    usageRights: row.usageRights,
    exclusivity: row.exclusivity,
    paymentTerms: row.paymentTerms,
    ratings: row.ratings,
    score: scoreOf(criteria ?? (await selectionCriteria(db, row.campaignId)), row.ratings),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedEngagement = Awaited<ReturnType<typeof presentEngagement>>;

export async function createEngagement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof engagementBody>,
) {
  if (!mayManageCreators(actor)) throw forbidden();
  if (input.status && SET_BY_AGREEMENT.includes(input.status)) {
    throw new AppError(400, 'invalid_status_change', 'error.invalid_status_change', {
      from: '—',
      to: input.status,
    });
  }
  return db.transaction(async (tx) => {
    await findCampaign(tx, campaignId);
    const creator = await findCreator(tx, input.creatorId);
    assertAllowed(actor, mayWriteCreator(actor, creator.marketCode), creator.marketCode);
    const [exists] = await tx
      .select({ id: engagements.id })
      .from(engagements)
      .where(and(eq(engagements.campaignId, campaignId), eq(engagements.creatorId, creator.id)));
    if (exists)
      throw new AppError(409, 'engagement_exists', 'error.engagement_exists', { name: creator.name });
    const [row] = await tx
      .insert(engagements)
      .values({
        campaignId,
        creatorId: creator.id,
        status: input.status ?? 'shortlisted',
        feeAmount: String(input.fee.amount),
        feeCurrency: input.fee.currency,
        promoCode: input.promoCode ?? null,
        goLiveFrom: input.goLiveFrom ? resolveInstant(input.goLiveFrom).at : null,
        goLiveTo: input.goLiveTo ? resolveInstant(input.goLiveTo).at : null,
        usageRights: input.usageRights ?? '',
        exclusivity: input.exclusivity ?? '',
        paymentTerms: input.paymentTerms ?? '',
        createdBy: actor.id,
      })
      .returning();
    await replaceDeliverables(tx, row!, creator.timeZone, input.deliverables);
    const presented = await presentEngagement(tx, row!);
    await recordAuditEvent(tx, {
      actor,
      action: 'engagement.created',
      entityType: 'engagement',
      entityId: row!.id,
      campaignId,
      after: { ...presented, creator: { id: creator.id, name: creator.name } },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'engagement.created',
      entityType: 'engagement',
      entityId: row!.id,
    });
    return presented;
  });
}

export async function lockEngagement(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(engagements).where(eq(engagements.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/** Moves an engagement to a status, audited with who and why; used by agreements and approvals too. */
export async function changeStatus(
  tx: DbOrTx,
  actor: Actor,
  row: EngagementRow,
  status: EngagementStatus,
  reason: string | null,
): Promise<EngagementRow> {
  if (row.status === status) return row;
  const [updated] = await tx
    .update(engagements)
    .set({ status, version: row.version + 1, updatedAt: new Date() })
    .where(eq(engagements.id, row.id))
    .returning();
  await recordAuditEvent(tx, {
    actor,
    action: 'engagement.status_changed',
    entityType: 'engagement',
    entityId: row.id,
    campaignId: row.campaignId,
    before: { status: row.status },
    after: { status, reason },
  });
  await publish(tx, `campaign:${row.campaignId}`, {
    type: 'engagement.updated',
    entityType: 'engagement',
    entityId: row.id,
    data: { status },
  });
  return updated!;
}

export async function updateEngagement(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateEngagementBody>,
) {
  if (!mayManageCreators(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    let row = await lockEngagement(tx, id);
    const { marketCode, timeZone: creatorZone } = await findCreator(tx, row.creatorId);
    assertAllowed(actor, mayWriteCreator(actor, marketCode), marketCode);
    if (input.version !== row.version) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, {
        current: await presentEngagement(tx, row),
      });
    }
    if (input.status && input.status !== row.status && SET_BY_AGREEMENT.includes(input.status)) {
      throw new AppError(400, 'invalid_status_change', 'error.invalid_status_change', {
        from: row.status,
        to: input.status,
      });
    }
    const before = await presentEngagement(tx, row);
    const status = input.status ?? row.status;
    const at = (value: z.output<typeof updateEngagementBody>['goLiveFrom'], current: Date | null) =>
      value === undefined ? current : value === null ? null : resolveInstant(value).at;
    const [updated] = await tx
      .update(engagements)
      .set({
        status,
        feeAmount: input.fee ? String(input.fee.amount) : row.feeAmount,
        feeCurrency: input.fee?.currency ?? row.feeCurrency,
        promoCode: input.promoCode === undefined ? row.promoCode : input.promoCode,
        goLiveFrom: at(input.goLiveFrom, row.goLiveFrom),
        goLiveTo: at(input.goLiveTo, row.goLiveTo),
        usageRights: input.usageRights ?? row.usageRights,
        exclusivity: input.exclusivity ?? row.exclusivity,
        paymentTerms: input.paymentTerms ?? row.paymentTerms,
        ratings: input.ratings ?? row.ratings,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(engagements.id, id))
      .returning();
    if (input.deliverables) await replaceDeliverables(tx, row, creatorZone, input.deliverables);
    if (status !== row.status) {
      await recordAuditEvent(tx, {
        actor,
        action: 'engagement.status_changed',
        entityType: 'engagement',
        entityId: id,
        campaignId: row.campaignId,
        before: { status: row.status },
        after: { status, reason: input.reason ?? null },
      });
    }
    row = updated!;
    const after = await presentEngagement(tx, row);
    const fields = [
      'deliverables',
      'fee',
      'promoCode',
      'goLiveFrom',
      'goLiveTo',
      'usageRights',
      'exclusivity',
      'paymentTerms',
      'ratings',
    ] as const;
    // Replaced deliverables get new row ids: compare what was agreed, not the ids.
    const comparable = (value: unknown, k: (typeof fields)[number]) =>
      JSON.stringify(
        k === 'deliverables'
          ? after.deliverables.length && (value as typeof after.deliverables).map(({ id: _id, ...d }) => d)
          : value,
      );
    const changed = fields.filter((k) => comparable(before[k], k) !== comparable(after[k], k));
    if (changed.length) {
      await recordAuditEvent(tx, {
        actor,
        action: 'engagement.updated',
        entityType: 'engagement',
        entityId: id,
        campaignId: row.campaignId,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }
    await publish(tx, `campaign:${row.campaignId}`, {
      type: 'engagement.updated',
      entityType: 'engagement',
      entityId: id,
      data: { status: after.status, version: after.version },
    });
    return after;
  });
}

export async function listEngagements(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  await findCampaign(db, campaignId);
  const criteria = await selectionCriteria(db, campaignId);
  const rows = await db
    .select({ engagement: engagements })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(eq(engagements.campaignId, campaignId))
    .orderBy(asc(creators.name));
  const list = await Promise.all(rows.map((r) => presentEngagement(db, r.engagement, criteria)));
  // The shortlist reads best first.
  return list.sort((a, b) => (b.score.value ?? -1) - (a.score.value ?? -1));
}

export async function findEngagement(db: DbOrTx, actor: Actor, id: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const [row] = await db.select().from(engagements).where(eq(engagements.id, id));
  if (!row) throw notFound();
  return presentEngagement(db, row);
}
