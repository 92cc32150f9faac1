import { and, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isoDate, isValidTimeZone } from '../../../../shared/time/index.ts';
import type { Db, DbOrTx } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import {
  briefAcknowledgementRequests,
  briefAcknowledgements,
  briefs,
  briefVersions,
} from '../../briefs/tables.ts';
import { campaigns, markets } from '../../campaigns/tables.ts';

import { notifications } from '../tables.ts';
import {
  at,
  type Cursor,
  pageAfter,
  pageOrder,
  type SweepOptions,
  sendInBatches,
  wantsKind,
} from './batches.ts';

const HOUR = 3_600_000;
/** Nobody is reminded in the first day after publishing. */
export const FIRST_REMINDER_AFTER_MS = 24 * HOUR;
/**
 * One reminder per local day, and never two closer than this: a sweep just before and one just
 * after the person's midnight would otherwise remind twice within minutes.
 */
const MIN_GAP_MS = 20 * HOUR;
const KIND = 'brief.acknowledgement_reminder';

const person = alias(users, 'person');

/**
 * The latest published version of each brief, a day or more after publishing, still not
 * acknowledged by someone who must (acknowledge-version.ts: the leads of the campaign's markets
 * and everyone asked) → that person, once a day in their own zone while it is missing.
 */
export async function remindBriefAcknowledgements(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const entity = sql<string>`${briefs.campaignId} || ':' || ${briefVersions.number}`;
  const key = sql<string>`${KIND}::text || ':' || ${entity}`;
  const mustAcknowledge = sql`(${person.deactivatedAt} is null and ${person.role} <> 'creator' and (
    (${person.role} = 'market_lead' and ${person.marketCodes} && array(
      select ${markets.code} from ${markets} where ${markets.campaignId} = ${briefs.campaignId}
    ))
    or exists (
      select 1 from ${briefAcknowledgementRequests}
      where ${briefAcknowledgementRequests.campaignId} = ${briefs.campaignId}
        and ${briefAcknowledgementRequests.userId} = ${person.id} and ${briefAcknowledgementRequests.active}
    )
  ))`;
  const fetch = (tx: DbOrTx, after: Cursor, limit: number) =>
    tx
      .select({
        userId: person.id,
        dedupeKey: key,
        timeZone: person.timeZone,
        campaignId: briefs.campaignId,
        campaignName: campaigns.name,
        version: briefVersions.number,
        publishedAt: briefVersions.publishedAt,
      })
      .from(briefs)
      .innerJoin(
        briefVersions,
        and(
          eq(briefVersions.campaignId, briefs.campaignId),
          eq(briefVersions.number, briefs.publishedVersion),
        ),
      )
      .innerJoin(campaigns, eq(campaigns.id, briefs.campaignId))
      .innerJoin(person, mustAcknowledge)
      .where(
        and(
          lte(briefVersions.publishedAt, at(new Date(now.getTime() - FIRST_REMINDER_AFTER_MS))),
          sql`not exists (
            select 1 from ${briefAcknowledgements}
            where ${briefAcknowledgements.campaignId} = ${briefs.campaignId}
              and ${briefAcknowledgements.version} = ${briefVersions.number}
              and ${briefAcknowledgements.userId} = ${person.id}
          )`,
          sql`not exists (
            select 1 from ${notifications}
            where ${notifications.userId} = ${person.id} and ${notifications.kind} = ${KIND}
              and ${notifications.entityId} = ${entity}
              and ${notifications.createdAt} > ${at(new Date(now.getTime() - MIN_GAP_MS))}
          )`,
          wantsKind(person.id, KIND),
          pageAfter(key, person.id, after),
        ),
      )
      .orderBy(...pageOrder(key, person.id))
      .limit(limit);
  return sendInBatches(db, options, fetch, (row) => {
    const day = isoDate(now, isValidTimeZone(row.timeZone) ? row.timeZone : 'UTC');
    return {
      userId: row.userId,
      kind: KIND,
      params: {
        campaignName: row.campaignName,
        version: row.version,
        publishedAt: row.publishedAt.toISOString(),
      },
      link: `/campaigns/${row.campaignId}/brief/versions/${row.version}`,
      campaignId: row.campaignId,
      entityType: 'brief_version',
      entityId: `${row.campaignId}:${row.version}`,
      // The person's own calendar day: "once a day" as they live it.
      dedupeKey: `${row.dedupeKey}:${day}`,
      now,
    };
  });
}
