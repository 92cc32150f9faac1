import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { selectionCriteria } from '../briefs/read-brief.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { goLiveOf } from '../timeline/milestones.ts';
import {
  type GateOverride,
  POSTED,
  type PostSource,
  passGate,
  postedInFuture,
  resolvePost,
} from './commitments.ts';
import { readDeliverables, replaceDeliverables } from './deliverables.ts';
import { assertAllowed, mayManageCreators, mayWriteCreator } from './policies.ts';
import { findCreator, presentCreator } from './roster.ts';
import type { engagementBody, portalPostBody, updateEngagementBody } from './schema.ts';
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

export type EngagementFlag = 'unsigned_close_to_go_live' | 'went_live_unsigned' | 'respond_by_passed';

/** What needs someone's attention on an engagement, loudest last. */
export function flagsOf(
  row: Pick<EngagementRow, 'status' | 'postedAt' | 'respondBy'>,
  signed: boolean,
  goLive: Date | null,
  now = Date.now(),
): EngagementFlag[] {
  const flags: EngagementFlag[] = [];
  const posted = row.postedAt !== null || POSTED.includes(row.status);
  // "Maybe" warnings look ahead only: once the go-live has passed, the question is whether it went live unsigned.
  if (
    commitmentOf(row.status, signed) === 'maybe' &&
    !posted &&
    goLive &&
    goLive.getTime() > now &&
    goLive.getTime() - now < UNSIGNED_WARNING_DAYS * 86_400_000
  ) {
    flags.push('unsigned_close_to_go_live');
  }
  if (!signed && !OUT.includes(row.status) && row.respondBy && row.respondBy.getTime() < now) {
    flags.push('respond_by_passed');
  }
  if (posted && !signed) flags.push('went_live_unsigned');
  return flags;
}

export async function presentEngagement(db: DbOrTx, row: EngagementRow, criteria?: Criteria) {
  const creator = await findCreator(db, row.creatorId);
  const goLive = row.goLiveFrom ?? (await goLiveOf(db, row.campaignId, creator.marketCode));
  const signed = await hasSignedAgreement(db, row.id);
  const commitment = commitmentOf(row.status, signed);
  const flags = flagsOf(row, signed, goLive);
  const people = await namesOf(db, [row.postedBy, row.overrideBy]);
  const person = (id: string | null) => (id ? { id, name: people.get(id) ?? '' } : null);
  return {
    id: row.id,
    campaignId: row.campaignId,
    creator: presentCreator(creator),
    status: row.status,
    commitment,
    signed,
    flags,
    goLive: goLive?.toISOString() ?? null,
    respondBy: row.respondBy?.toISOString() ?? null,
    post:
      row.postUrl && row.postedAt
        ? {
            url: row.postUrl,
            postedAt: row.postedAt.toISOString(),
            source: row.postSource ?? 'team',
            by: person(row.postedBy),
          }
        : null,
    override:
      row.overrideReason && row.overrideAt && row.overrideBy
        ? { reason: row.overrideReason, at: row.overrideAt.toISOString(), by: person(row.overrideBy)! }
        : null,
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

async function namesOf(db: DbOrTx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Stores an override of the signature gate on the row and audits it with the status it let through. */
async function recordOverride(
  tx: DbOrTx,
  actor: Actor,
  row: EngagementRow,
  status: EngagementStatus,
  override: GateOverride,
) {
  const at = new Date();
  await tx
    .update(engagements)
    .set({ overrideReason: override.reason, overrideBy: actor.id, overrideAt: at })
    .where(eq(engagements.id, row.id));
  await recordAuditEvent(tx, {
    actor,
    action: 'engagement.gate_overridden',
    entityType: 'engagement',
    entityId: row.id,
    campaignId: row.campaignId,
    after: { status, reason: override.reason, at: at.toISOString() },
  });
}

/** Audits a post recorded (or corrected) on the engagement, whoever recorded it. */
export async function recordPost(
  tx: DbOrTx,
  actor: Pick<Actor, 'id' | 'name'> | null,
  row: EngagementRow,
  post: { postUrl: string | null; postedAt: Date | null; postSource: PostSource | null },
  before: EngagementRow,
) {
  await recordAuditEvent(tx, {
    actor,
    action: 'engagement.post_recorded',
    entityType: 'engagement',
    entityId: row.id,
    campaignId: row.campaignId,
    before: before.postUrl
      ? { postUrl: before.postUrl, postedAt: before.postedAt?.toISOString() ?? null }
      : null,
    after: {
      postUrl: post.postUrl,
      postedAt: post.postedAt?.toISOString() ?? null,
      source: post.postSource,
    },
  });
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
    const status = input.status ?? 'shortlisted';
    // A new engagement has no agreement yet: starting it in production needs an override.
    const override = passGate(null, status, false, input.override);
    const post = resolvePost(null, status, input, { source: 'team', userId: actor.id });
    const [row] = await tx
      .insert(engagements)
      .values({
        campaignId,
        creatorId: creator.id,
        status,
        ...post,
        respondBy: input.respondBy ? resolveInstant(input.respondBy).at : null,
        ...(override
          ? { overrideReason: override.reason, overrideBy: actor.id, overrideAt: new Date() }
          : {}),
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
    if (override) {
      await recordAuditEvent(tx, {
        actor,
        action: 'engagement.gate_overridden',
        entityType: 'engagement',
        entityId: row!.id,
        campaignId,
        after: { status, reason: override.reason, at: presented.override!.at },
      });
    }
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

function auditStatusChange(
  tx: DbOrTx,
  actor: Pick<Actor, 'id' | 'name'> | null,
  row: EngagementRow,
  status: EngagementStatus,
  reason: string | null,
  note: StatusNote | null = null,
) {
  return recordAuditEvent(tx, {
    actor,
    action: 'engagement.status_changed',
    entityType: 'engagement',
    entityId: row.id,
    campaignId: row.campaignId,
    before: { status: row.status },
    // `note` only when the server says why (a person's reason alone keeps the v1 look).
    after: note ? { status, reason, note } : { status, reason },
  });
}

/**
 * Why the server moved a status, as a code and its parameters (rendered in the reader's language,
 * see `engagement.history.note.*`), never as an English sentence.
 */
export type StatusNote =
  | { code: 'agreement_sent'; version: number }
  | { code: 'agreement_signed'; version: number; method: string }
  | { code: 'draft_submitted'; round: number };

/** Moves an engagement to a status, audited with who and why; used by agreements and approvals too. */
export async function changeStatus(
  tx: DbOrTx,
  actor: Actor,
  row: EngagementRow,
  status: EngagementStatus,
  reason: string | null,
  note: StatusNote | null = null,
): Promise<EngagementRow> {
  if (row.status === status) return row;
  passGate(row, status, await hasSignedAgreement(tx, row.id), undefined);
  const [updated] = await tx
    .update(engagements)
    .set({ status, version: row.version + 1, updatedAt: new Date() })
    .where(eq(engagements.id, row.id))
    .returning();
  await auditStatusChange(tx, actor, row, status, reason, note);
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
    const override = status !== row.status ? passGate(row, status, before.signed, input.override) : null;
    const post = resolvePost(row, status, input, { source: 'team', userId: actor.id });
    const original = row;
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
        respondBy:
          input.respondBy === undefined
            ? row.respondBy
            : input.respondBy === null
              ? null
              : resolveInstant(input.respondBy).at,
        ...post,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(engagements.id, id))
      .returning();
    if (input.deliverables) await replaceDeliverables(tx, row, creatorZone, input.deliverables);
    if (status !== row.status) await auditStatusChange(tx, actor, row, status, input.reason ?? null);
    if (override) await recordOverride(tx, actor, updated!, status, override);
    if (post.postUrl !== undefined || post.postedAt !== undefined) {
      await recordPost(
        tx,
        actor,
        updated!,
        { postUrl: updated!.postUrl, postedAt: updated!.postedAt, postSource: updated!.postSource },
        original,
      );
    }
    row = override ? await lockEngagement(tx, id) : updated!;
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
      'respondBy',
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

/**
 * Records a live post from outside the team's own edit: the creator in the portal (the gate holds:
 * 409 when unsigned) or a post-metrics import (`actor` null: the post happened, so it is recorded
 * even unsigned and the engagement shows "went live unsigned"; its status moves only through the gate).
 */
export async function recordLivePost(
  tx: DbOrTx,
  actor: Actor | null,
  row: EngagementRow,
  input: { postUrl: string; postedAt: z.output<typeof portalPostBody>['postedAt'] },
  source: PostSource,
): Promise<EngagementRow> {
  const signed = await hasSignedAgreement(tx, row.id);
  let status: EngagementStatus =
    POSTED.includes(row.status) || OUT.includes(row.status) ? row.status : 'live';
  if (status !== row.status) {
    try {
      passGate(row, status, signed, undefined);
    } catch (error) {
      if (actor) throw error;
      status = row.status;
    }
  }
  const post = resolvePost({ ...row, status: POSTED.includes(status) ? status : 'live' }, 'live', input, {
    source,
    userId: actor?.id ?? null,
  });
  const [updated] = await tx
    .update(engagements)
    .set({ status, ...post, version: row.version + 1, updatedAt: new Date() })
    .where(eq(engagements.id, row.id))
    .returning();
  if (status !== row.status) await auditStatusChange(tx, actor, row, status, null);
  await recordPost(tx, actor, updated!, updated!, row);
  await publish(tx, `campaign:${row.campaignId}`, {
    type: 'engagement.updated',
    entityType: 'engagement',
    entityId: row.id,
    data: { status, version: updated!.version },
  });
  return updated!;
}

/** After a post-metrics import: creators with no post recorded yet go live by the earliest post the file shows. */
export async function recordImportedPosts(
  tx: DbOrTx,
  firstPosts: ReadonlyMap<string, { postUrl: string; postedAt: Date }>,
) {
  if (!firstPosts.size) return;
  const rows = await tx
    .select()
    .from(engagements)
    .where(inArray(engagements.id, [...firstPosts.keys()]))
    .for('update');
  for (const row of rows) {
    const post = firstPosts.get(row.id)!;
    // A scheduled post's row (posted_at ahead of now) keeps its metrics but is not a go-live.
    if (row.postedAt || postedInFuture(post.postedAt)) continue;
    await recordLivePost(
      tx,
      null,
      row,
      { postUrl: post.postUrl, postedAt: post.postedAt.toISOString() },
      'import',
    );
  }
}
