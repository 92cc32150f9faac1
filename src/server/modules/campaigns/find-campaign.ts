import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { campaigns, markets } from './tables.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type MarketRow = typeof markets.$inferSelect;
export interface Campaign extends CampaignRow {
  markets: MarketRow[];
}

export const campaignNotFound = () => new AppError(404, 'not_found', 'error.not_found');

export function presentCampaign(campaign: Campaign) {
  return {
    id: campaign.id,
    name: campaign.name,
    brand: campaign.brand,
    launchWindowHours: campaign.launchWindowHours,
    launchGraceMinutes: campaign.launchGraceMinutes,
    version: campaign.version,
    languages: campaignLanguages(campaign),
    markets: campaign.markets.map((m) => ({
      code: m.code,
      name: m.name,
      language: m.language,
      timeZone: m.timeZone,
      currency: m.currency,
      objective: m.objective,
    })),
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

/** The languages every brief text must exist in: the markets' languages, in market order. */
export function campaignLanguages(campaign: { markets: Array<{ language: string }> }): string[] {
  return [...new Set(campaign.markets.map((m) => m.language))];
}

export async function findCampaign(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Campaign> {
  const query = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw campaignNotFound();
  const rows = await db
    .select()
    .from(markets)
    .where(eq(markets.campaignId, id))
    .orderBy(asc(markets.position));
  return { ...row, markets: rows };
}

export async function listCampaigns(db: DbOrTx): Promise<Campaign[]> {
  const rows = await db.select().from(campaigns).orderBy(desc(campaigns.createdAt));
  if (rows.length === 0) return [];
  const all = await db
    .select()
    .from(markets)
    .where(
      inArray(
        markets.campaignId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(markets.position));
  return rows.map((row) => ({ ...row, markets: all.filter((m) => m.campaignId === row.id) }));
}

/** A market code given for something inside the campaign must be one of its markets. */
export function assertCampaignMarket(campaign: Campaign, code: string | null | undefined): void {
  if (code && !campaign.markets.some((m) => m.code === code)) {
    throw new AppError(400, 'unknown_market', 'error.unknown_market', { code });
  }
}
