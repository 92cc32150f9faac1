import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { assertUniqueMarketCodes, insertMarkets } from './create-campaign.ts';
import { findCampaign, presentCampaign } from './find-campaign.ts';
import { marketsRefused, mayEditCampaign } from './policies.ts';
import type { updateCampaignBody } from './schema.ts';
import { campaigns, markets } from './tables.ts';

export async function updateCampaign(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateCampaignBody>,
) {
  if (input.markets) assertUniqueMarketCodes(input.markets);
  return db.transaction(async (tx) => {
    const current = await findCampaign(tx, id, { forUpdate: true });
    if (!mayEditCampaign(actor, current)) throw forbidden();
    // A lead changes their own markets only: adding, dropping or changing another is refused.
    const nextMarkets = input.markets?.map((m) => ({
      ...m,
      // A market sent without a name keeps the one it has.
      name: m.name ?? current.markets.find((c) => c.code === m.code)?.name,
    }));
    const refused = nextMarkets ? marketsRefused(actor, current.markets, nextMarkets) : [];
    if (refused.length) {
      throw new AppError(403, 'market_not_yours', 'error.market_not_yours', {
        markets: refused.join(', '),
        count: refused.length,
      });
    }
    if (input.version !== current.version) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, {
        current: presentCampaign(current),
      });
    }
    const before = presentCampaign(current);
    await tx
      .update(campaigns)
      .set({
        name: input.name ?? current.name,
        brand: input.brand ?? current.brand,
        launchWindowHours: input.launchWindowHours ?? current.launchWindowHours,
        launchGraceMinutes: input.launchGraceMinutes ?? current.launchGraceMinutes,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(campaigns.id, id));
    if (nextMarkets) {
      await tx.delete(markets).where(eq(markets.campaignId, id));
      await insertMarkets(tx, id, nextMarkets);
    }
    const after = presentCampaign(await findCampaign(tx, id));
    await recordAuditEvent(tx, {
      actor,
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: id,
      campaignId: id,
      before,
      after,
    });
    await publish(tx, `campaign:${id}`, { type: 'campaign.updated', entityType: 'campaign', entityId: id });
    await publish(tx, 'workspace', { type: 'campaign.updated', entityType: 'campaign', entityId: id });
    return after;
  });
}
