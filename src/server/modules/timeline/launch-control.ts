import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { commitmentOf, flagsOf, OUT } from '../creators/engagements.ts';
import { agreements, creators, engagements } from '../creators/tables.ts';
import { launchActuals } from './launch-actuals.ts';

const MINUTE = 60_000;

export type MarketLaunchState = 'no_plan' | 'upcoming' | 'due' | 'late' | 'live';
export type CreatorLaunchState = 'scheduled' | 'late' | 'live' | 'out';

const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE));

/**
 * Launch day on one screen: each market's planned and actual go-live and each creator's, with
 * who is late and by how much. A market or creator is "late" once its plan plus the campaign's
 * grace has passed with nothing live.
 */
export async function readLaunchControl(db: DbOrTx, actor: Actor, campaignId: string, now = new Date()) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const campaign = await findCampaign(db, campaignId);
  const { planned, actual } = await launchActuals(db, campaign, now);
  const grace = campaign.launchGraceMinutes * MINUTE;
  const rows = await db
    .select({ engagement: engagements, creator: creators })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(eq(engagements.campaignId, campaignId))
    .orderBy(asc(creators.name));
  const signedRows = await db
    .selectDistinct({ engagementId: agreements.engagementId })
    .from(agreements)
    .innerJoin(engagements, eq(engagements.id, agreements.engagementId))
    .where(and(eq(engagements.campaignId, campaignId), eq(agreements.status, 'signed')));
  const signed = new Set(signedRows.map((r) => r.engagementId));

  const creatorsOut = rows.map(({ engagement: e, creator: c }) => {
    const marketPlan = actual.markets[c.marketCode]?.plannedAt ?? null;
    const plannedAt = e.goLiveFrom ?? (marketPlan ? new Date(marketPlan) : null);
    const isSigned = signed.has(e.id);
    let state: CreatorLaunchState = 'scheduled';
    let lateMinutes: number | null = null;
    if (e.postedAt) {
      state = 'live';
      lateMinutes = plannedAt ? minutesBetween(plannedAt, e.postedAt) : null;
    } else if (OUT.includes(e.status)) {
      state = 'out';
    } else if (plannedAt && now.getTime() >= plannedAt.getTime() + grace) {
      state = 'late';
      lateMinutes = minutesBetween(plannedAt, now);
    }
    return {
      engagementId: e.id,
      creatorId: c.id,
      name: c.name,
      marketCode: c.marketCode,
      timeZone: c.timeZone,
      status: e.status,
      commitment: commitmentOf(e.status, isSigned),
      flags: flagsOf(e, isSigned, plannedAt, now.getTime()),
      plannedAt: plannedAt?.toISOString() ?? null,
      postedAt: e.postedAt?.toISOString() ?? null,
      postUrl: e.postUrl,
      state,
      lateMinutes,
    };
  });

  const markets = campaign.markets.map((m) => {
    const launch = actual.markets[m.code]!;
    const plannedAt = launch.plannedAt ? new Date(launch.plannedAt) : null;
    const alertAt = plannedAt ? new Date(plannedAt.getTime() + grace) : null;
    let state: MarketLaunchState;
    if (launch.actualAt) state = 'live';
    else if (!plannedAt || !alertAt) state = 'no_plan';
    else if (now < plannedAt) state = 'upcoming';
    else if (now < alertAt) state = 'due';
    else state = 'late';
    const own = creatorsOut.filter((c) => c.marketCode === m.code && c.state !== 'out');
    return {
      code: m.code,
      name: m.name,
      timeZone: m.timeZone,
      plannedAt: launch.plannedAt,
      actualAt: launch.actualAt,
      alertAt: alertAt?.toISOString() ?? null,
      state,
      lateMinutes: state === 'upcoming' || state === 'no_plan' ? null : launch.lateMinutes,
      creatorsLive: own.filter((c) => c.state === 'live').length,
      creatorsTotal: own.length,
    };
  });

  return {
    now: now.toISOString(),
    graceMinutes: campaign.launchGraceMinutes,
    limitHours: campaign.launchWindowHours,
    launchWindow: { ...planned, actual },
    markets,
    creators: creatorsOut,
  };
}
