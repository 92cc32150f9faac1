import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import { milestones } from '../timeline/tables.ts';
import type { EngagementRow } from './late-items.ts';
import { minutesLate } from './late-items.ts';
import type { launchMarketSchema } from './schema.ts';

type LaunchMarket = z.infer<typeof launchMarketSchema>;
const HOUR = 3_600_000;

/**
 * Planned and actual go-live per market. Planned: the market's earliest go-live milestone (one
 * without a market applies to all). Actual: the market's first live post, or its go-live milestone
 * marked done, whichever came first.
 */
export async function launchSpread(db: DbOrTx, campaign: Campaign, all: EngagementRow[], now: Date) {
  const goLives = await db
    .select({ at: milestones.at, doneAt: milestones.doneAt, marketCode: milestones.marketCode })
    .from(milestones)
    .where(and(eq(milestones.campaignId, campaign.id), eq(milestones.kind, 'go_live')));
  const markets: LaunchMarket[] = campaign.markets.map((m) => {
    const own = goLives.filter((g) => g.marketCode === m.code || g.marketCode === null);
    const planned = own.reduce<Date | null>((min, g) => (!min || g.at < min ? g.at : min), null);
    const posted = all
      .filter((e) => e.marketCode === m.code && e.postedAt)
      .reduce<Date | null>((min, e) => (!min || e.postedAt! < min ? e.postedAt : min), null);
    const marked = own.reduce<Date | null>(
      (min, g) => (g.doneAt && (!min || g.doneAt < min) ? g.doneAt : min),
      null,
    );
    const actual =
      [posted, marked].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ??
      null;
    const source = actual === null ? null : actual === posted ? ('post' as const) : ('milestone' as const);
    const end = actual ?? now;
    return {
      code: m.code,
      name: m.name,
      timeZone: m.timeZone,
      plannedAt: planned?.toISOString() ?? null,
      actualAt: actual?.toISOString() ?? null,
      lateMinutes: planned === null ? null : end > planned ? minutesLate(planned, end) : actual ? 0 : null,
      source,
    };
  });
  const spread = (values: Array<string | null>) => {
    if (values.length === 0 || values.some((v) => v === null)) return null;
    const ms = values.map((v) => Date.parse(v!));
    return Math.round(((Math.max(...ms) - Math.min(...ms)) / HOUR) * 10) / 10;
  };
  const plannedSpreadHours = spread(markets.filter((m) => m.plannedAt).map((m) => m.plannedAt));
  const actualSpreadHours = spread(markets.map((m) => m.actualAt));
  const limitHours = campaign.launchWindowHours;
  return {
    limitHours,
    plannedSpreadHours,
    actualSpreadHours,
    plannedOk: plannedSpreadHours === null || plannedSpreadHours <= limitHours,
    actualOk: actualOk(markets, actualSpreadHours, limitHours, now),
    markets,
  };
}

/**
 * Whether the markets really went live within the window: known once all are live, and already
 * broken while one is live and another is still not after more than the window.
 */
function actualOk(markets: LaunchMarket[], spreadHours: number | null, limitHours: number, now: Date) {
  if (spreadHours !== null) return spreadHours <= limitHours;
  const live = markets.filter((m) => m.actualAt).map((m) => Date.parse(m.actualAt!));
  if (live.length === 0) return null;
  return (now.getTime() - Math.min(...live)) / HOUR > limitHours ? false : null;
}
