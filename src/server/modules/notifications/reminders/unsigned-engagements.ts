import { and, eq, gt, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import { campaigns } from '../../campaigns/tables.ts';
import { OUT, UNCOMMITTED, UNSIGNED_WARNING_DAYS } from '../../creators/engagements.ts';
import { agreements, creators, engagements } from '../../creators/tables.ts';
import { milestones } from '../../timeline/tables.ts';

import {
  ANSWERING_ID,
  answering,
  at,
  type Cursor,
  isoText,
  notSent,
  pageAfter,
  pageOrder,
  STAFF,
  type SweepOptions,
  sendInBatches,
  wantsKind,
} from './batches.ts';

const DAY = 86_400_000;
const lead = alias(users, 'lead');

/**
 * The engagement's go-live, as presentEngagement (creators/engagements.ts) shows it: its own
 * start, or else the campaign's first go-live milestone for the creator's market or all markets.
 */
const goLive = sql`coalesce(${engagements.goLiveFrom}, (
  select min(${milestones.at}) from ${milestones}
  where ${milestones.campaignId} = ${engagements.campaignId} and ${milestones.kind} = 'go_live'
    and (${milestones.marketCode} = ${creators.marketCode} or ${milestones.marketCode} is null)
))`;

/** Still a "maybe" (commitmentOf): not out, and no signed agreement or a status before signing. */
const maybe = and(
  notInArray(engagements.status, [...OUT]),
  or(
    inArray(engagements.status, [...UNCOMMITTED]),
    sql`not exists (select 1 from ${agreements} where ${agreements.engagementId} = ${engagements.id} and ${agreements.status} = 'signed')`,
  ),
);

/**
 * A creator still unsigned with go-live less than UNSIGNED_WARNING_DAYS ahead → whoever answers
 * for the creator's market, once per engagement and go-live (a moved go-live warns again).
 */
export async function remindUnsignedEngagements(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const key = sql<string>`'engagement.unsigned_before_go_live:' || ${engagements.id} || ':' || ${isoText(goLive)}`;
  const fetch = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({
        userId: lead.id,
        dedupeKey: key,
        engagementId: engagements.id,
        campaignId: engagements.campaignId,
        campaignName: campaigns.name,
        creatorName: creators.name,
        marketCode: creators.marketCode,
        goLiveAt: isoText(goLive),
      })
      .from(engagements)
      .innerJoin(creators, eq(creators.id, engagements.creatorId))
      .innerJoin(campaigns, eq(campaigns.id, engagements.campaignId))
      .crossJoin(STAFF)
      .crossJoinLateral(answering(creators.marketCode, campaigns.createdBy))
      .innerJoin(lead, and(eq(lead.id, ANSWERING_ID), isNull(lead.deactivatedAt)))
      .where(
        and(
          maybe,
          gt(goLive, at(now)),
          lte(goLive, at(new Date(now.getTime() + UNSIGNED_WARNING_DAYS * DAY))),
          wantsKind(lead.id, 'engagement.unsigned_before_go_live'),
          notSent(lead.id, key),
          pageAfter(key, lead.id, after),
        ),
      )
      .orderBy(...pageOrder(key, lead.id))
      .limit(limit);
  return sendInBatches(db, options, fetch, (row) => ({
    userId: row.userId,
    kind: 'engagement.unsigned_before_go_live',
    params: {
      creatorName: row.creatorName,
      campaignName: row.campaignName,
      goLiveAt: row.goLiveAt,
      // Rounded, not ceiled: a go-live 3 days and a few seconds ahead (the sweep's clock is read
      // when it starts) is "in 3 days", not 4.
      days: Math.max(1, Math.round((Date.parse(row.goLiveAt) - now.getTime()) / DAY)),
    },
    link: `/campaigns/${row.campaignId}/creators/${row.engagementId}`,
    campaignId: row.campaignId,
    marketCode: row.marketCode,
    entityType: 'engagement',
    entityId: row.engagementId,
    dedupeKey: row.dedupeKey,
    now,
  }));
}

/**
 * An offer not answered (no signed agreement) by its respond-by date → whoever answers for the
 * creator's market, once per engagement and date (a new date warns again).
 */
export async function remindRespondBy(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const key = sql<string>`'engagement.respond_by_passed:' || ${engagements.id} || ':' || ${isoText(engagements.respondBy)}`;
  const fetch = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({
        userId: lead.id,
        dedupeKey: key,
        engagementId: engagements.id,
        campaignId: engagements.campaignId,
        campaignName: campaigns.name,
        creatorName: creators.name,
        marketCode: creators.marketCode,
        respondByAt: isoText(engagements.respondBy),
      })
      .from(engagements)
      .innerJoin(creators, eq(creators.id, engagements.creatorId))
      .innerJoin(campaigns, eq(campaigns.id, engagements.campaignId))
      .crossJoin(STAFF)
      .crossJoinLateral(answering(creators.marketCode, campaigns.createdBy))
      .innerJoin(lead, and(eq(lead.id, ANSWERING_ID), isNull(lead.deactivatedAt)))
      .where(
        and(
          maybe,
          lte(engagements.respondBy, at(now)),
          gt(engagements.respondBy, at(new Date(now.getTime() - 30 * DAY))),
          wantsKind(lead.id, 'engagement.respond_by_passed'),
          notSent(lead.id, key),
          pageAfter(key, lead.id, after),
        ),
      )
      .orderBy(...pageOrder(key, lead.id))
      .limit(limit);
  return sendInBatches(db, options, fetch, (row) => ({
    userId: row.userId,
    kind: 'engagement.respond_by_passed',
    params: { creatorName: row.creatorName, campaignName: row.campaignName, respondByAt: row.respondByAt },
    link: `/campaigns/${row.campaignId}/creators/${row.engagementId}`,
    campaignId: row.campaignId,
    marketCode: row.marketCode,
    entityType: 'engagement',
    entityId: row.engagementId,
    dedupeKey: row.dedupeKey,
    now,
  }));
}
