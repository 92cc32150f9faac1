import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../auth/policies.ts';
import type { SectionData } from '../briefs/schema.ts';
import { briefSectionData } from '../briefs/tables.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { creators, engagements } from '../creators/tables.ts';
import { launchActuals } from '../timeline/launch-actuals.ts';
import { campaignFx, orders } from './tables.ts';

export const KPI_BY_OBJECTIVE = {
  awareness: ['reach', 'impressions', 'views', 'engagement_rate', 'cpm'],
  conversion: ['clicks', 'orders', 'revenue', 'conversion_rate', 'cpa', 'roas'],
  engagement: ['engagements', 'engagement_rate', 'cpe'],
} as const;
type Basis = 'reach' | 'followers' | 'impressions';

interface Counts {
  reach: number;
  impressions: number;
  views: number;
  interactions: number;
  clicks: number;
  followers: number;
  orders: number;
}
interface Totals extends Counts {
  /** In one currency (the market's or the joint base); null when a needed rate is missing. */
  revenue: number | null;
  cost: number | null;
}
/**
 * Figures as measured: money kept per currency it was paid or ordered in, so a market's figures
 * are summed in its own currency without any rate and only a conversion needs one.
 */
interface Raw extends Counts {
  revenueBy: Record<string, number>;
  costBy: Record<string, number>;
}

const COUNT_KEYS = [
  'reach',
  'impressions',
  'views',
  'interactions',
  'clicks',
  'followers',
  'orders',
] as const;
const zeroRaw = (): Raw => ({
  reach: 0,
  impressions: 0,
  views: 0,
  interactions: 0,
  clicks: 0,
  followers: 0,
  orders: 0,
  revenueBy: {},
  costBy: {},
});

/** Exchange rates are "1 unit of X = rate units of the base"; base itself is 1. */
type Rates = Record<string, number>;

/**
 * Sums money in `target`: amounts already in it are taken as they are, others go through the base
 * rates of both currencies; a currency without a rate makes the sum null and is noted in `missing`
 * (the rates a conversion used are noted in `used`).
 */
function sumIn(
  byCurrency: Record<string, number>,
  target: string,
  rates: Rates,
  missing: Set<string>,
  used?: Set<string>,
): number | null {
  let total: number | null = 0;
  for (const [currency, amount] of Object.entries(byCurrency)) {
    if (currency === target) {
      if (total !== null) total += amount;
      continue;
    }
    const from = rates[currency];
    const to = rates[target];
    if (from === undefined) missing.add(currency);
    if (to === undefined) missing.add(target);
    if (from === undefined || to === undefined) {
      total = null;
      continue;
    }
    used?.add(currency);
    if (total !== null) total += (amount * from) / to;
  }
  return total;
}

function inCurrency(
  raw: Raw,
  target: string,
  rates: Rates,
  missing: Set<string>,
  used?: Set<string>,
): Totals {
  const { revenueBy, costBy, ...counts } = raw;
  return {
    ...counts,
    revenue: sumIn(revenueBy, target, rates, missing, used),
    cost: sumIn(costBy, target, rates, missing, used),
  };
}
const ratio = (a: number | null, b: number | null, scale = 1) =>
  a === null || b === null || b === 0 ? null : (a / b) * scale;
const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Every figure the report can show, from totals; the definitions are in metrics/README.md. */
export function kpiValue(metric: string, t: Totals, basis: Basis): number | null {
  switch (metric) {
    case 'reach':
      return t.reach;
    case 'impressions':
      return t.impressions;
    case 'views':
      return t.views;
    case 'engagements':
      return t.interactions;
    case 'clicks':
      return t.clicks;
    case 'orders':
      return t.orders;
    case 'revenue':
      return round(t.revenue);
    case 'engagement_rate':
      return round(ratio(t.interactions, t[basis], 100));
    case 'cpm':
      return round(ratio(t.cost, t.impressions, 1000));
    case 'cpe':
      return round(ratio(t.cost, t.interactions));
    case 'cpa':
      return round(ratio(t.cost, t.orders));
    case 'roas':
      return round(ratio(t.revenue, t.cost));
    case 'conversion_rate':
      return round(ratio(t.orders, t.clicks, 100));
    default:
      return null;
  }
}

export async function campaignRates(db: DbOrTx, campaignId: string, fallbackBase: string) {
  const [row] = await db.select().from(campaignFx).where(eq(campaignFx.campaignId, campaignId));
  const baseCurrency = row?.baseCurrency ?? fallbackBase;
  return {
    baseCurrency,
    rates: { ...(row?.rates ?? {}), [baseCurrency]: 1 },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Per engagement: the latest measurement of every post up to `until`, and the orders up to it. */
async function totalsByEngagement(db: DbOrTx, campaignId: string, until: Date | null) {
  const cutoff = until ? sql`and measured_at <= ${until.toISOString()}::timestamptz` : sql``;
  const metricRows = await db.execute<{
    engagement_id: string;
    reach: string | null;
    impressions: string | null;
    views: string | null;
    interactions: string | null;
    clicks: string | null;
  }>(sql`
    select engagement_id, sum(reach) as reach, sum(impressions) as impressions, sum(views) as views,
      sum(coalesce(likes,0) + coalesce(comments,0) + coalesce(shares,0) + coalesce(saves,0)) as interactions,
      sum(clicks) as clicks
    from (
      select distinct on (engagement_id, coalesce(post_url, id::text)) *
      from post_metrics where campaign_id = ${campaignId} ${cutoff}
      order by engagement_id, coalesce(post_url, id::text), measured_at desc
    ) latest
    group by engagement_id`);
  const orderRows = await db
    .select({
      engagementId: orders.engagementId,
      currency: orders.currency,
      count: sql<string>`count(*)`,
      revenue: sql<string>`sum(${orders.total})`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.campaignId, campaignId),
        sql`${orders.engagementId} is not null`,
        until ? sql`${orders.orderedAt} <= ${until.toISOString()}::timestamptz` : undefined,
      ),
    )
    .groupBy(orders.engagementId, orders.currency);
  const result = new Map<string, Raw>();
  const get = (id: string) => {
    let t = result.get(id);
    if (!t) {
      t = zeroRaw();
      result.set(id, t);
    }
    return t;
  };
  const rowsOf = (r: unknown) =>
    (Array.isArray(r) ? r : ((r as { rows: unknown[] }).rows ?? [])) as Array<Record<string, string | null>>;
  for (const r of rowsOf(metricRows)) {
    const t = get(r.engagement_id!);
    t.reach += Number(r.reach ?? 0);
    t.impressions += Number(r.impressions ?? 0);
    t.views += Number(r.views ?? 0);
    t.interactions += Number(r.interactions ?? 0);
    t.clicks += Number(r.clicks ?? 0);
  }
  for (const r of orderRows) {
    const t = get(r.engagementId!);
    t.orders += Number(r.count);
    t.revenueBy[r.currency] = (t.revenueBy[r.currency] ?? 0) + Number(r.revenue);
  }
  return result;
}

function add(into: Raw, from: Raw) {
  for (const key of COUNT_KEYS) into[key] += from[key];
  for (const [c, v] of Object.entries(from.revenueBy)) into.revenueBy[c] = (into.revenueBy[c] ?? 0) + v;
  for (const [c, v] of Object.entries(from.costBy)) into.costBy[c] = (into.costBy[c] ?? 0) + v;
}

export async function campaignReport(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const campaign = await findCampaign(db, campaignId);
  const fx = await campaignRates(db, campaignId, campaign.markets[0]!.currency);
  /** Rates the joint figures (base currency) lacked, and those they used. */
  const missing = new Set<string>();
  const used = new Set<string>();
  const [measurementRow] = await db
    .select({ data: briefSectionData.data })
    .from(briefSectionData)
    .where(and(eq(briefSectionData.campaignId, campaignId), eq(briefSectionData.sectionKey, 'measurement')));
  const framework = (measurementRow?.data as SectionData['measurement'] | undefined)?.markets ?? [];
  const people = await db
    .select({ engagement: engagements, creator: creators })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(eq(engagements.campaignId, campaignId));
  /** The engagement's figures with its followers and its fee, in the fee's own currency. */
  const withCost = (id: string, totals: Raw | undefined): Raw => {
    const person = people.find((p) => p.engagement.id === id)!;
    const t = totals ?? zeroRaw();
    return {
      ...t,
      followers: person.creator.channels.reduce((s, c) => s + (c.followers ?? 0), 0),
      costBy: { [person.engagement.feeCurrency]: Number(person.engagement.feeAmount) },
    };
  };
  const now = await totalsByEngagement(db, campaignId, null);
  const currencyOf = (code: string) =>
    campaign.markets.find((m) => m.code === code)?.currency ?? fx.baseCurrency;

  const markets = [];
  const joint = zeroRaw();
  const { actual: launched } = await launchActuals(db, campaign);
  for (const market of campaign.markets) {
    const plan = framework.find((f) => f.marketCode === market.code);
    const basis: Basis = plan?.engagementRateBasis ?? 'reach';
    // A market's money is in its own currency: orders and fees in it need no rate at all.
    const marketMissing = new Set<string>();
    const members = people.filter(
      (p) =>
        p.creator.marketCode === market.code &&
        p.engagement.status !== 'declined' &&
        p.engagement.status !== 'dropped',
    );
    const sum = (totals: Map<string, Raw>) => {
      const t = zeroRaw();
      for (const p of members) add(t, withCost(p.engagement.id, totals.get(p.engagement.id)));
      return t;
    };
    const currentRaw = sum(now);
    add(joint, currentRaw);
    const current = inCurrency(currentRaw, market.currency, fx.rates, marketMissing);
    // Checkpoints count from when the market really went live; until then from its plan (projected).
    const launch = launched.markets[market.code];
    const actualGoLive = launch?.actualAt ? new Date(launch.actualAt) : null;
    const plannedGoLive = launch?.plannedAt ? new Date(launch.plannedAt) : null;
    const goLive = actualGoLive ?? plannedGoLive;
    const kpiPlan = plan?.kpis.length
      ? plan.kpis
      : KPI_BY_OBJECTIVE[market.objective].map((metric) => ({
          metric,
          target: null as number | null,
          checkpointsDays: [7, 30],
        }));
    const checkpointTotals = new Map<number, Totals>();
    for (const days of new Set(kpiPlan.flatMap((k) => k.checkpointsDays))) {
      if (!goLive) continue;
      const at = new Date(goLive.getTime() + days * 86_400_000);
      if (at.getTime() > Date.now()) continue;
      checkpointTotals.set(
        days,
        inCurrency(
          sum(await totalsByEngagement(db, campaignId, at)),
          market.currency,
          fx.rates,
          marketMissing,
        ),
      );
    }
    markets.push({
      code: market.code,
      name: market.name,
      objective: market.objective,
      /** The currency of this market's money figures: the market's own. */
      currency: market.currency,
      /** Rates this market's own figures lacked (only money paid or ordered in another currency). */
      missingRates: [...marketMissing].sort(),
      engagementRateBasis: basis,
      goLive: goLive?.toISOString() ?? null,
      plannedGoLive: plannedGoLive?.toISOString() ?? null,
      actualGoLive: actualGoLive?.toISOString() ?? null,
      /** What the checkpoints count from: the actual go-live once there is one. */
      checkpointBasis: actualGoLive ? ('actual' as const) : plannedGoLive ? ('planned' as const) : null,
      creators: members.length,
      kpis: kpiPlan.map((k) => {
        const actual = kpiValue(k.metric, current, basis);
        return {
          metric: k.metric,
          target: k.target,
          actual,
          progress: k.target && actual !== null ? round(actual / k.target, 4) : null,
          checkpoints: k.checkpointsDays.map((days) => {
            const totals = checkpointTotals.get(days);
            return {
              days,
              at: goLive ? new Date(goLive.getTime() + days * 86_400_000).toISOString() : null,
              actual: totals ? kpiValue(k.metric, totals, basis) : null,
            };
          }),
        };
      }),
    });
  }

  const creatorRows = people.map(({ engagement, creator }) => {
    const plan = framework.find((f) => f.marketCode === creator.marketCode);
    const raw = withCost(engagement.id, now.get(engagement.id));
    // Joint columns in the base currency (as before); `local` in the creator's market currency.
    const t = inCurrency(raw, fx.baseCurrency, fx.rates, missing, used);
    const currency = currencyOf(creator.marketCode);
    const local = inCurrency(raw, currency, fx.rates, new Set());
    const basis: Basis = plan?.engagementRateBasis ?? 'reach';
    return {
      engagementId: engagement.id,
      name: creator.name,
      marketCode: creator.marketCode,
      status: engagement.status,
      promoCode: engagement.promoCode,
      fee: { amount: Number(engagement.feeAmount), currency: engagement.feeCurrency },
      cost: round(t.cost),
      reach: t.reach,
      impressions: t.impressions,
      views: t.views,
      engagements: t.interactions,
      clicks: t.clicks,
      orders: t.orders,
      revenue: round(t.revenue),
      engagementRate: kpiValue('engagement_rate', t, basis),
      cpm: kpiValue('cpm', t, basis),
      cpa: kpiValue('cpa', t, basis),
      roas: kpiValue('roas', t, basis),
      /** The same money in the creator's market currency: needs no rate when paid and ordered in it. */
      local: {
        currency,
        cost: round(local.cost),
        revenue: round(local.revenue),
        cpm: kpiValue('cpm', local, 'reach'),
        cpa: kpiValue('cpa', local, 'reach'),
        roas: kpiValue('roas', local, 'reach'),
      },
    };
  });

  // The joint total: every market's figures together, money converted to the base currency where
  // a rate exists; the rates it used and those it lacked are listed beside it.
  const jointTotals = inCurrency(joint, fx.baseCurrency, fx.rates, missing, used);
  const jointBasis = (framework[0]?.engagementRateBasis ?? 'reach') as Basis;
  const total = {
    currency: fx.baseCurrency,
    reach: jointTotals.reach,
    impressions: jointTotals.impressions,
    views: jointTotals.views,
    engagements: jointTotals.interactions,
    clicks: jointTotals.clicks,
    orders: jointTotals.orders,
    cost: round(jointTotals.cost),
    revenue: round(jointTotals.revenue),
    engagementRate: kpiValue('engagement_rate', jointTotals, jointBasis),
    cpm: kpiValue('cpm', jointTotals, jointBasis),
    cpa: kpiValue('cpa', jointTotals, jointBasis),
    roas: kpiValue('roas', jointTotals, jointBasis),
    ratesUsed: [...used]
      .filter((c) => c !== fx.baseCurrency)
      .sort()
      .map((currency) => ({ currency, rate: fx.rates[currency]! })),
    missingRates: [...missing].sort(),
    ratesUpdatedAt: fx.updatedAt,
  };
  return {
    campaignId,
    generatedAt: new Date().toISOString(),
    currency: fx.baseCurrency,
    rates: fx.rates,
    missingRates: [...missing].sort(),
    markets,
    total,
    creators: creatorRows.sort((a, b) => a.marketCode.localeCompare(b.marketCode) || b.reach - a.reach),
  };
}
export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;
