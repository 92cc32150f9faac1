import { and, eq, isNotNull, min } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import { creators, engagements } from '../creators/tables.ts';
import { type LaunchWindow, launchWindow } from './launch-window.ts';
import { milestones } from './tables.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface MarketLaunch {
  /** The market's first planned go-live (its own go-live milestone, or one for all markets). */
  plannedAt: string | null;
  /** When it really went live: its first live post, or a go-live milestone marked done, whichever came first. */
  actualAt: string | null;
  /** Past the plan: at going live, or until now while still not live; 0 when on time, null with no plan. */
  lateMinutes: number | null;
  source: 'post' | 'milestone' | null;
}

export interface ActualWindow {
  /** Between the first and the last market that went live; null until one has. */
  spreadHours: number | null;
  /**
   * False once the markets that went live are further apart than the window, or once a market is
   * still not live longer than the window after the first one went live.
   */
  ok: boolean;
  markets: Record<string, MarketLaunch>;
  /** Markets with no live post yet. */
  pending: string[];
}

export interface LaunchActuals {
  planned: LaunchWindow;
  actual: ActualWindow;
}

/** The launch window judged twice: on the go-lives planned, and on the times posts really went live. */
export async function launchActuals(
  db: DbOrTx,
  campaign: Campaign,
  now = new Date(),
): Promise<LaunchActuals> {
  const codes = campaign.markets.map((m) => m.code);
  const goLives = await db
    .select({ at: milestones.at, doneAt: milestones.doneAt, marketCode: milestones.marketCode })
    .from(milestones)
    .where(and(eq(milestones.campaignId, campaign.id), eq(milestones.kind, 'go_live')));
  const posts = await db
    .select({ marketCode: creators.marketCode, first: min(engagements.postedAt) })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(and(eq(engagements.campaignId, campaign.id), isNotNull(engagements.postedAt)))
    .groupBy(creators.marketCode);
  const firstPost = new Map(posts.map((p) => [p.marketCode, p.first ? new Date(p.first) : null]));
  const earliest = (dates: Array<Date | null | undefined>) =>
    dates.reduce<Date | null>((a, d) => (d && (!a || d < a) ? d : a), null);

  const markets: Record<string, MarketLaunch> = {};
  for (const code of codes) {
    const own = goLives.filter((g) => g.marketCode === code || g.marketCode === null);
    const planned = earliest(own.map((g) => g.at));
    const post = firstPost.get(code) ?? null;
    const done = earliest(own.map((g) => g.doneAt));
    const actual = earliest([post, done]);
    const reference = actual ?? (planned && now > planned ? now : null);
    markets[code] = {
      plannedAt: planned?.toISOString() ?? null,
      actualAt: actual?.toISOString() ?? null,
      lateMinutes:
        planned && reference
          ? Math.max(0, Math.round((reference.getTime() - planned.getTime()) / MINUTE))
          : planned
            ? 0
            : null,
      source: actual ? (post && actual.getTime() === post.getTime() ? 'post' : 'milestone') : null,
    };
  }
  const live = codes
    .map((c) => markets[c]!.actualAt)
    .filter((a): a is string => a !== null)
    .map(Date.parse);
  const pending = codes.filter((c) => markets[c]!.actualAt === null);
  const first = live.length ? Math.min(...live) : null;
  const spreadHours = first === null ? null : (Math.max(...live) - first) / HOUR;
  const limit = campaign.launchWindowHours;
  const stillWaiting = first !== null && pending.length > 0 && (now.getTime() - first) / HOUR > limit;
  return {
    planned: launchWindow(limit, codes, goLives),
    actual: {
      spreadHours: spreadHours === null ? null : Math.round(spreadHours * 10) / 10,
      ok: (spreadHours ?? 0) <= limit && !stillWaiting,
      markets,
      pending,
    },
  };
}

/** The first live post per market, for readers that need only that (KPI checkpoints count from it). */
export async function actualGoLiveOf(
  db: DbOrTx,
  campaign: Campaign,
  marketCode: string,
): Promise<Date | null> {
  const { actual } = await launchActuals(db, campaign);
  const at = actual.markets[marketCode]?.actualAt;
  return at ? new Date(at) : null;
}
