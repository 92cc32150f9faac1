import type { z } from 'zod';
import type { DbOrTx } from '../../db/index.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import { launchActuals } from '../timeline/launch-actuals.ts';
import type { launchMarketSchema, retrospectiveSchema } from './schema.ts';

type LaunchMarket = z.infer<typeof launchMarketSchema>;
const tenths = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10);

/**
 * Planned against actual go-live per market, from the timeline's own reading of the launch
 * (timeline/launch-actuals.ts: the first live post, or the go-live milestone marked done), so the
 * retrospective and launch control never disagree. The retrospective states the actual spread
 * only once every market is live, and calls the window broken as soon as the timeline does.
 */
export async function launchSpread(
  db: DbOrTx,
  campaign: Campaign,
  now: Date,
): Promise<z.infer<typeof retrospectiveSchema>['launch']> {
  const { planned, actual } = await launchActuals(db, campaign, now);
  const allLive = actual.pending.length === 0;
  const markets: LaunchMarket[] = campaign.markets.map((m) => {
    const own = actual.markets[m.code];
    return {
      code: m.code,
      name: m.name,
      timeZone: m.timeZone,
      plannedAt: own?.plannedAt ?? null,
      actualAt: own?.actualAt ?? null,
      lateMinutes: own?.lateMinutes ?? null,
      source: own?.source ?? null,
    };
  });
  return {
    limitHours: campaign.launchWindowHours,
    plannedSpreadHours: tenths(planned.spreadHours),
    actualSpreadHours: allLive ? tenths(actual.spreadHours) : null,
    plannedOk: planned.ok,
    // Undecided (null) while a market is still to go live inside the window.
    actualOk: allLive || !actual.ok ? actual.ok : null,
    markets,
  };
}
