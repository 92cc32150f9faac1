import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { assertAllowed } from '../creators/policies.ts';
import { creators, engagements } from '../creators/tables.ts';
import { mayEnterMetrics, maySetExchangeRates } from './policies.ts';
import { campaignRates } from './report.ts';
import type { fxBody, manualMetricsBody } from './schema.ts';
import { campaignFx, postMetrics } from './tables.ts';

/** Telegram and VK give no dependable export: their figures are typed in, with who and from where. */
export async function recordManualMetrics(
  db: Db,
  actor: Actor,
  engagementId: string,
  input: z.output<typeof manualMetricsBody>,
) {
  if (actor.role === 'creator' || actor.role === 'stakeholder') throw forbidden();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ engagement: engagements, marketCode: creators.marketCode })
      .from(engagements)
      .innerJoin(creators, eq(creators.id, engagements.creatorId))
      .where(eq(engagements.id, engagementId));
    if (!found) throw notFound();
    const { engagement, marketCode } = found;
    // Figures for a creator belong to the creator's market (metrics/policies.ts).
    assertAllowed(actor, mayEnterMetrics(actor, marketCode), marketCode);
    const [row] = await tx
      .insert(postMetrics)
      .values({
        campaignId: engagement.campaignId,
        engagementId,
        platform: input.platform,
        postUrl: input.postUrl ?? null,
        postedAt: input.postedAt ? resolveInstant(input.postedAt).at : null,
        measuredAt: input.measuredAt ? resolveInstant(input.measuredAt).at : new Date(),
        reach: input.reach ?? null,
        impressions: input.impressions ?? null,
        views: input.views ?? null,
        likes: input.likes ?? null,
        comments: input.comments ?? null,
        shares: input.shares ?? null,
        saves: input.saves ?? null,
        clicks: input.clicks ?? null,
        source: `manual: ${input.source}`,
        enteredBy: actor.id,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'metrics.entered',
      entityType: 'post_metrics',
      entityId: row!.id,
      campaignId: engagement.campaignId,
      after: { ...input, engagementId },
    });
    await publish(tx, `campaign:${engagement.campaignId}`, {
      type: 'metrics.entered',
      entityType: 'post_metrics',
      entityId: row!.id,
    });
    return {
      id: row!.id,
      measuredAt: row!.measuredAt.toISOString(),
      source: row!.source,
      enteredBy: actor.name,
    };
  });
}

export async function setExchangeRates(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof fxBody>,
) {
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!maySetExchangeRates(actor, campaign)) throw forbidden();
    const before = await campaignRates(tx, campaignId, campaign.markets[0]!.currency);
    const rates = { ...input.rates, [input.baseCurrency]: 1 };
    await tx
      .insert(campaignFx)
      .values({ campaignId, baseCurrency: input.baseCurrency, rates })
      .onConflictDoUpdate({
        target: campaignFx.campaignId,
        set: { baseCurrency: input.baseCurrency, rates, updatedAt: new Date() },
      });
    await recordAuditEvent(tx, {
      actor,
      action: 'fx_rates.updated',
      entityType: 'campaign',
      entityId: campaignId,
      campaignId,
      before: { baseCurrency: before.baseCurrency, rates: before.rates },
      after: { baseCurrency: input.baseCurrency, rates },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'fx_rates.updated',
      entityType: 'campaign',
      entityId: campaignId,
    });
    return campaignRates(tx, campaignId, input.baseCurrency);
  });
}
