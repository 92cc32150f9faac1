import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { formatInZones } from '../../../shared/time/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { Actor } from '../auth/policies.ts';
import { readVersion } from '../briefs/publish-version.ts';
import { briefState } from '../briefs/read-brief.ts';
import type { SectionData } from '../briefs/schema.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { presentAgreement } from './agreements.ts';
import { submissionsOf } from './approvals.ts';
import { readDeliverables } from './deliverables.ts';
import { commitmentOf, lockEngagement, recordLivePost } from './engagements.ts';
import { policyFor } from './market-policies.ts';
import { creatorForUser } from './roster.ts';
import type { portalPostBody } from './schema.ts';
import { agreements, engagements } from './tables.ts';

/**
 * The creator portal sees one creator's own engagements and nothing else: every query here is
 * scoped by the creator record linked to the signed-in account.
 */
async function portalCreator(db: DbOrTx, actor: Actor) {
  if (actor.role !== 'creator') throw forbidden();
  const creator = await creatorForUser(db, actor.id);
  if (!creator) throw notFound();
  return creator;
}

export async function ownEngagement(db: DbOrTx, actor: Actor, engagementId: string) {
  const creator = await portalCreator(db, actor);
  const [row] = await db
    .select()
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.creatorId, creator.id)));
  if (!row) throw notFound();
  return { creator, engagement: row };
}

/** Guardrails (what must stay the same, what may vary, this market's notes) from the published brief. */
async function creatorBrief(db: DbOrTx, campaignId: string, marketCode: string, language: string) {
  const state = await briefState(db, campaignId);
  if (!state.publishedVersion) return null;
  const version = await readVersion(db, campaignId, state.publishedVersion);
  const guardrails = version.snapshot.sections.find((s) => s.key === 'guardrails');
  if (!guardrails) return null;
  const data = guardrails.data as SectionData['guardrails'];
  const pickText = (texts: Record<string, string>) =>
    texts[language] ?? texts.en ?? Object.values(texts)[0] ?? '';
  return {
    version: version.version,
    text: guardrails.texts[language]?.text ?? guardrails.texts.en?.text ?? '',
    items: data.items.map((item) => ({
      scope: item.scope,
      text: pickText(item.text),
      marketNote: item.marketNotes[marketCode] ? pickText(item.marketNotes[marketCode]) : null,
    })),
  };
}

export async function portalEngagements(db: DbOrTx, actor: Actor) {
  const creator = await portalCreator(db, actor);
  const rows = await db
    .select()
    .from(engagements)
    .where(eq(engagements.creatorId, creator.id))
    .orderBy(desc(engagements.createdAt));
  return Promise.all(rows.map((row) => portalEngagementView(db, actor, creator, row)));
}

export async function portalEngagement(db: DbOrTx, actor: Actor, id: string) {
  const { creator, engagement } = await ownEngagement(db, actor, id);
  return portalEngagementView(db, actor, creator, engagement);
}

async function portalEngagementView(
  db: DbOrTx,
  actor: Actor,
  creator: NonNullable<Awaited<ReturnType<typeof creatorForUser>>>,
  row: typeof engagements.$inferSelect,
) {
  const campaign = await findCampaign(db, row.campaignId);
  const policy = await policyFor(db, campaign.id, creator.marketCode);
  const zone = actor.timeZone || creator.timeZone;
  const locale = actor.locale;
  const local = (iso: string | null) => (iso ? formatInZones(iso, [zone], locale)[0]! : null);
  // Drafts of agreements are internal until sent.
  const agreementRows = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.engagementId, row.id), inArray(agreements.status, ['sent', 'signed'])))
    .orderBy(desc(agreements.version));
  return {
    id: row.id,
    campaign: { id: campaign.id, name: campaign.name, brand: campaign.brand },
    status: row.status,
    commitment: commitmentOf(
      row.status,
      agreementRows.some((a) => a.status === 'signed'),
    ),
    timeZone: zone,
    deliverables: (await readDeliverables(db, row.id)).map((d) => ({ ...d, dueLocal: local(d.dueAt) })),
    goLiveFrom: local(row.goLiveFrom?.toISOString() ?? null),
    goLiveTo: local(row.goLiveTo?.toISOString() ?? null),
    fee: { amount: Number(row.feeAmount), currency: row.feeCurrency },
    promoCode: row.promoCode,
    post:
      row.postUrl && row.postedAt
        ? {
            url: row.postUrl,
            postedAt: row.postedAt.toISOString(),
            postedLocal: local(row.postedAt.toISOString()),
          }
        : null,
    policy: {
      revisionRounds: policy.revisionRounds,
      feedbackTurnaroundHours: policy.feedbackTurnaroundHours,
      briefingStyle: policy.briefingStyle,
    },
    brief: await creatorBrief(db, campaign.id, creator.marketCode, locale),
    agreements: agreementRows.map((a) => {
      const { signedIp: _ip, ...rest } = presentAgreement(a);
      return rest;
    }),
    submissions: await submissionsOf(db, row.id),
  };
}

/** The creator says "I have posted": the link and when it went live (the signature gate holds). */
export async function postFromPortal(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof portalPostBody>,
) {
  await ownEngagement(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await lockEngagement(tx, id);
    await recordLivePost(tx, actor, row, input, 'portal');
  });
  return portalEngagement(db, actor, id);
}
