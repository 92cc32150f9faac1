import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign, presentCampaign } from './find-campaign.ts';
import { mayCreateCampaign } from './policies.ts';
import type { createCampaignBody, marketInput } from './schema.ts';
import { campaigns, markets } from './tables.ts';

type MarketInput = z.output<typeof marketInput>;

export function assertUniqueMarketCodes(input: MarketInput[]) {
  const seen = new Set<string>();
  for (const market of input) {
    if (seen.has(market.code)) {
      throw new AppError(400, 'duplicate_market_code', 'error.duplicate_market_code', { code: market.code });
    }
    seen.add(market.code);
  }
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export async function insertMarkets(tx: DbOrTx, campaignId: string, input: MarketInput[]) {
  await tx.insert(markets).values(
    input.map((m, position) => ({
      campaignId,
      code: m.code,
      // "RU" → "Russia" when the code is a region; otherwise the code itself.
      name: m.name ?? regionNames.of(m.code) ?? m.code,
      language: m.language,
      timeZone: m.timeZone,
      currency: m.currency,
      objective: m.objective,
      position,
    })),
  );
}

export async function createCampaign(db: Db, actor: Actor, input: z.output<typeof createCampaignBody>) {
  if (!mayCreateCampaign(actor)) throw forbidden();
  assertUniqueMarketCodes(input.markets);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        name: input.name,
        brand: input.brand,
        launchWindowHours: input.launchWindowHours,
        launchGraceMinutes: input.launchGraceMinutes,
        createdBy: actor.id,
      })
      .returning({ id: campaigns.id });
    if (!row) throw new Error('insert returned no row');
    await insertMarkets(tx, row.id, input.markets);
    const created = presentCampaign(await findCampaign(tx, row.id));
    await recordAuditEvent(tx, {
      actor,
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: row.id,
      campaignId: row.id,
      after: created,
    });
    await publish(tx, 'workspace', { type: 'campaign.created', entityType: 'campaign', entityId: row.id });
    return created;
  });
}
