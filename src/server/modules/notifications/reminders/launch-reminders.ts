import { and, arrayContains, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import { findCampaign } from '../../campaigns/find-campaign.ts';
import { campaigns } from '../../campaigns/tables.ts';
import { launchActuals } from '../../timeline/launch-actuals.ts';
import { milestones } from '../../timeline/tables.ts';
import type { NotifyRequest } from '../notify.ts';
import { notifyMany } from '../notify.ts';
import type { SweepOptions } from './batches.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** A go-live this far in the past is history, not launch day: the sweep stops looking at it. */
const LOOKBACK_MS = 30 * 24 * HOUR;

/** The campaign's owner and the active leads of the given markets (the owner once). */
async function leadsAndOwner(db: Db, createdBy: string, marketCodes: string[]) {
  const rows = await db
    .select({ id: users.id, marketCodes: users.marketCodes })
    .from(users)
    .where(
      and(
        isNull(users.deactivatedAt),
        or(
          eq(users.id, createdBy),
          and(
            eq(users.role, 'market_lead'),
            or(...marketCodes.map((code) => arrayContains(users.marketCodes, [code]))),
          ),
        ),
      ),
    );
  return rows;
}

/**
 * Launch day: a market not live by its planned go-live plus the campaign's grace → its leads and
 * the campaign's owner, once per market and planned time; markets live further apart than the
 * launch window (or one still not live that long after the first) → the owner and every lead,
 * once per campaign and spread. Counted on actual post times (timeline/launch-actuals.ts).
 */
export async function remindLaunches(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const candidates = await db
    .selectDistinct({ campaignId: milestones.campaignId })
    .from(milestones)
    .innerJoin(campaigns, eq(campaigns.id, milestones.campaignId))
    .where(
      and(
        eq(milestones.kind, 'go_live'),
        lte(
          milestones.at,
          sql`${now.toISOString()}::timestamptz - make_interval(mins => ${campaigns.launchGraceMinutes})`,
        ),
        gte(milestones.at, new Date(now.getTime() - LOOKBACK_MS)),
      ),
    );
  let sent = 0;
  for (const { campaignId } of candidates) {
    if (options.signal?.aborted) break;
    const campaign = await findCampaign(db, campaignId);
    const { actual } = await launchActuals(db, campaign, now);
    const requests: NotifyRequest[] = [];
    const grace = campaign.launchGraceMinutes * MINUTE;
    const late = campaign.markets.filter((m) => {
      const launch = actual.markets[m.code];
      return launch?.plannedAt && !launch.actualAt && Date.parse(launch.plannedAt) + grace <= now.getTime();
    });
    if (late.length) {
      const people = await leadsAndOwner(
        db,
        campaign.createdBy,
        late.map((m) => m.code),
      );
      for (const market of late) {
        const plannedAt = actual.markets[market.code]!.plannedAt!;
        for (const person of people) {
          if (person.id !== campaign.createdBy && !person.marketCodes.includes(market.code)) continue;
          requests.push({
            userId: person.id,
            kind: 'launch.market_late',
            params: {
              campaignName: campaign.name,
              marketName: market.name,
              plannedAt,
              lateMinutes: Math.round((now.getTime() - Date.parse(plannedAt)) / MINUTE),
            },
            link: `/campaigns/${campaign.id}/launch`,
            campaignId: campaign.id,
            marketCode: market.code,
            entityType: 'campaign',
            entityId: campaign.id,
            dedupeKey: `launch.market_late:${campaign.id}:${market.code}:${plannedAt}`,
            now,
          });
        }
      }
    }
    if (!actual.ok && actual.spreadHours !== null) {
      const people = await leadsAndOwner(
        db,
        campaign.createdBy,
        campaign.markets.map((m) => m.code),
      );
      const first = Math.min(
        ...Object.values(actual.markets).map((m) =>
          m.actualAt ? Date.parse(m.actualAt) : Number.POSITIVE_INFINITY,
        ),
      );
      const spreadHours = actual.pending.length
        ? Math.floor((now.getTime() - first) / HOUR)
        : actual.spreadHours;
      for (const person of people) {
        requests.push({
          userId: person.id,
          kind: 'launch_window.breached',
          params: {
            campaignName: campaign.name,
            spreadHours: Math.round(spreadHours),
            limitHours: campaign.launchWindowHours,
          },
          link: `/campaigns/${campaign.id}/launch`,
          campaignId: campaign.id,
          entityType: 'campaign',
          entityId: campaign.id,
          // Once per campaign and first go-live: a breach is told once, not every hour it grows.
          dedupeKey: `launch_window.breached:${campaign.id}:${new Date(first).toISOString()}`,
          now,
        });
      }
    }
    if (requests.length) {
      const ids = await db.transaction((tx) => notifyMany(tx, requests));
      sent += ids.filter((id) => id !== null).length;
    }
  }
  return sent;
}
