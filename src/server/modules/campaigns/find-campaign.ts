import { asc, desc, eq, getTableColumns, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
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

/**
 * The campaign's markets in position order, as one JSON value of the campaign row's own query:
 * a campaign and its markets are read in one statement (every task write reads them).
 */
const marketsOfCampaign: SQL<MarketRow[]> = (() => {
  // Qualified by hand: in a one-table select Drizzle writes bare column names, which the subquery
  // would resolve against its own table.
  const campaignIdQualified = sql`${sql.identifier(getTableName(campaigns))}.${sql.identifier(campaigns.id.name)}`;
  const fields = Object.entries(getTableColumns(markets)).map(
    ([key, column]) => sql`${sql.raw(`'${key}'`)}, m.${sql.identifier(column.name)}`,
  );
  return sql<
    MarketRow[]
  >`(select coalesce(json_agg(json_build_object(${sql.join(fields, sql`, `)}) order by m.position), '[]'::json) from ${markets} m where m.campaign_id = ${campaignIdQualified})`;
})();

export async function findCampaign(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Campaign> {
  const query = db
    .select({ campaign: campaigns, markets: marketsOfCampaign })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  // Only the campaign row is locked; its markets are read as they are.
  const [row] = options.forUpdate ? await query.for('update', { of: campaigns }) : await query;
  if (!row) throw campaignNotFound();
  return { ...row.campaign, markets: row.markets };
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
