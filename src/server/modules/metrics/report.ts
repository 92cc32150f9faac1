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

interface Totals {
  reach: number;
  impressions: number;
  views: number;
  interactions: number;
  clicks: number;
  followers: number;
  orders: number;
  /** In the base currency; null when a rate is missing. */
  revenue: number | null;
  cost: number | null;
}

const zero = (): Totals => ({
  reach: 0,
  impressions: 0,
  views: 0,
  interactions: 0,
  clicks: 0,
  followers: 0,
  orders: 0,
  revenue: 0,
  cost: 0,
});
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
async function totalsByEngagement(
  db: DbOrTx,
  campaignId: string,
  until: Date | null,
  rates: Record<string, number>,
  missing: Set<string>,
) {
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
  const result = new Map<string, Totals>();
  const get = (id: string) => {
    let t = result.get(id);
    if (!t) {
      t = zero();
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
    const rate = rates[r.currency];
    if (rate === undefined) {
      missing.add(r.currency);
      t.revenue = null;
    } else if (t.revenue !== null) t.revenue += Number(r.revenue) * rate;
  }
  return result;
}

function add(into: Totals, from: Totals) {
  for (const key of [
    'reach',
    'impressions',
    'views',
    'interactions',
    'clicks',
    'followers',
    'orders',
  ] as const)
    into[key] += from[key];
  into.revenue = into.revenue === null || from.revenue === null ? null : into.revenue + from.revenue;
  into.cost = into.cost === null || from.cost === null ? null : into.cost + from.cost;
}

export async function campaignReport(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const campaign = await findCampaign(db, campaignId);
  const fx = await campaignRates(db, campaignId, campaign.markets[0]!.currency);
  const missing = new Set<string>();
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
  const withCost = (id: string, totals: Totals | undefined) => {
    const person = people.find((p) => p.engagement.id === id)!;
    const t = { ...(totals ?? zero()) };
    t.followers = person.creator.channels.reduce((s, c) => s + (c.followers ?? 0), 0);
    const rate = fx.rates[person.engagement.feeCurrency];
    if (rate === undefined) missing.add(person.engagement.feeCurrency);
    t.cost = rate === undefined ? null : Number(person.engagement.feeAmount) * rate;
    return t;
  };
  const now = await totalsByEngagement(db, campaignId, null, fx.rates, missing);

  const markets = [];
  const { actual: launched } = await launchActuals(db, campaign);
  for (const market of campaign.markets) {
    const plan = framework.find((f) => f.marketCode === market.code);
    const basis: Basis = plan?.engagementRateBasis ?? 'reach';
    const members = people.filter(
      (p) =>
        p.creator.marketCode === market.code &&
        p.engagement.status !== 'declined' &&
        p.engagement.status !== 'dropped',
    );
    const sum = (totals: Map<string, Totals>) => {
      const t = zero();
      for (const p of members) add(t, withCost(p.engagement.id, totals.get(p.engagement.id)));
      return t;
    };
    const current = sum(now);
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
      checkpointTotals.set(days, sum(await totalsByEngagement(db, campaignId, at, fx.rates, missing)));
    }
    markets.push({
      code: market.code,
      name: market.name,
      objective: market.objective,
      currency: fx.baseCurrency,
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
    const t = withCost(engagement.id, now.get(engagement.id));
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
    };
  });
  return {
    campaignId,
    generatedAt: new Date().toISOString(),
    currency: fx.baseCurrency,
    rates: fx.rates,
    missingRates: [...missing].sort(),
    markets,
    creators: creatorRows.sort((a, b) => a.marketCode.localeCompare(b.marketCode) || b.reach - a.reach),
  };
}
export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;
