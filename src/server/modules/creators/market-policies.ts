import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { maySetMarketPolicy, maySetPolicyDefault } from './policies.ts';
import type { policyBody } from './schema.ts';
import { marketPolicies, policyDefaults } from './tables.ts';

export interface MarketPolicy {
  marketCode: string;
  revisionRounds: number;
  feedbackTurnaroundHours: number;
  briefingStyle: 'full_upfront' | 'iterative';
  communicationNotes: string;
  source: 'campaign' | 'default' | 'fallback';
}

const FALLBACK = {
  revisionRounds: 2,
  feedbackTurnaroundHours: 48,
  briefingStyle: 'full_upfront' as const,
  communicationNotes: '',
};

/** The campaign's policy for a market: its own, else the workspace default for the market code. */
export async function policyFor(db: DbOrTx, campaignId: string, marketCode: string): Promise<MarketPolicy> {
  const [own] = await db
    .select()
    .from(marketPolicies)
    .where(and(eq(marketPolicies.campaignId, campaignId), eq(marketPolicies.marketCode, marketCode)));
  if (own) return { ...pick(own), marketCode, source: 'campaign' };
  const [fallback] = await db.select().from(policyDefaults).where(eq(policyDefaults.marketCode, marketCode));
  if (fallback) return { ...pick(fallback), marketCode, source: 'default' };
  return { ...FALLBACK, marketCode, source: 'fallback' };
}

const pick = (row: Omit<MarketPolicy, 'marketCode' | 'source'>) => ({
  revisionRounds: row.revisionRounds,
  feedbackTurnaroundHours: row.feedbackTurnaroundHours,
  briefingStyle: row.briefingStyle,
  communicationNotes: row.communicationNotes,
});

export async function campaignPolicies(db: DbOrTx, campaignId: string) {
  const campaign = await findCampaign(db, campaignId);
  return Promise.all(campaign.markets.map((m) => policyFor(db, campaignId, m.code)));
}

export async function setCampaignPolicy(
  db: Db,
  actor: Actor,
  campaignId: string,
  marketCode: string,
  input: z.output<typeof policyBody>,
) {
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!maySetMarketPolicy(actor, marketCode)) {
      if (actor.role !== 'market_lead') throw forbidden();
      throw new AppError(403, 'market_not_yours', 'error.market_not_yours', {
        markets: marketCode,
        count: 1,
      });
    }
    if (!campaign.markets.some((m) => m.code === marketCode)) throw forbidden();
    const before = await policyFor(tx, campaignId, marketCode);
    await tx
      .insert(marketPolicies)
      .values({ campaignId, marketCode, ...input })
      .onConflictDoUpdate({
        target: [marketPolicies.campaignId, marketPolicies.marketCode],
        set: { ...input, updatedAt: new Date() },
      });
    await recordAuditEvent(tx, {
      actor,
      action: 'market_policy.updated',
      entityType: 'market_policy',
      entityId: `${campaignId}:${marketCode}`,
      campaignId,
      before,
      after: input,
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'market_policy.updated',
      entityType: 'market_policy',
      entityId: marketCode,
    });
    return policyFor(tx, campaignId, marketCode);
  });
}

export async function listPolicyDefaults(db: DbOrTx) {
  return db.select().from(policyDefaults).orderBy(policyDefaults.marketCode);
}

export async function setPolicyDefault(
  db: Db,
  actor: Actor,
  marketCode: string,
  input: z.output<typeof policyBody>,
) {
  if (!maySetPolicyDefault(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(policyDefaults).where(eq(policyDefaults.marketCode, marketCode));
    const [row] = await tx
      .insert(policyDefaults)
      .values({ marketCode, ...input })
      .onConflictDoUpdate({ target: policyDefaults.marketCode, set: input })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'policy_default.updated',
      entityType: 'policy_default',
      entityId: marketCode,
      before: before ?? null,
      after: row!,
    });
    return row!;
  });
}
