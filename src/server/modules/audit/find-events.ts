import { and, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { type Actor, isAdmin } from '../auth/policies.ts';
import { markets } from '../campaigns/tables.ts';
import { decodePayload, presentAuditRow } from './record-event.ts';
import { auditEvents } from './tables.ts';

export interface AuditFilter {
  campaignId?: string | undefined;
  /** Any of these (empty or missing: all). */
  entityType?: string[] | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string[] | undefined;
  marketCode?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** The id of the last event of the previous page. */
  cursor?: number | undefined;
  limit: number;
}

/**
 * Which events a reader may see. Admins and owners: all. A market lead or member works in the
 * markets on their account: the events of those markets, the campaign-wide events (no market) of
 * campaigns that have one of those markets, and what they did themselves or what was done to
 * their own account. Stakeholders read every campaign (as they do everywhere) and keep seeing the
 * whole log.
 */
export function auditScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor) || actor.role === 'stakeholder') return undefined;
  const own = or(
    eq(auditEvents.actorId, actor.id),
    and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, actor.id)),
  )!;
  if (actor.marketCodes.length === 0) return own;
  return or(
    inArray(auditEvents.marketCode, actor.marketCodes),
    and(
      isNull(auditEvents.marketCode),
      inArray(
        auditEvents.campaignId,
        // A sub-select, not a list: a campaign gaining one of the reader's markets counts at once.
        sql`(select ${markets.campaignId} from ${markets} where ${inArray(markets.code, actor.marketCodes)})`,
      ),
    ),
    own,
  );
}

export function auditConditions(filter: Omit<AuditFilter, 'limit'>, scope: SQL | undefined): SQL[] {
  const where: SQL[] = [];
  if (scope) where.push(scope);
  if (filter.campaignId) where.push(eq(auditEvents.campaignId, filter.campaignId));
  if (filter.entityType?.length) where.push(inArray(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action?.length) where.push(inArray(auditEvents.action, filter.action));
  if (filter.marketCode?.length) where.push(inArray(auditEvents.marketCode, filter.marketCode));
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lte(auditEvents.at, filter.to));
  if (filter.cursor) where.push(lt(auditEvents.id, filter.cursor));
  return where;
}

/** Newest first, paged by id (ids grow with time and never repeat). */
export async function findAuditEvents(db: Db, actor: Actor, filter: AuditFilter) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...auditConditions(filter, auditScope(actor))))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return {
    // The payload version is stored inside the JSON; the API shows it beside before/after.
    events: page.map((row) => presentAuditRow(row, decodePayload(row.action, row.before, row.after))),
    nextCursor: rows.length > filter.limit ? String(page.at(-1)?.id) : null,
  };
}

/**
 * What the explorer's filters can offer within a campaign (or the whole log): the actions,
 * entity types, markets and people present in the events the reader may see.
 */
export async function findAuditFacets(db: Db, actor: Actor, campaignId: string | undefined) {
  const where = and(...auditConditions({ campaignId }, auditScope(actor)));
  const [actions, entityTypes, marketCodes, actors] = await Promise.all([
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(where),
    db.selectDistinct({ value: auditEvents.entityType }).from(auditEvents).where(where),
    db
      .selectDistinct({ value: auditEvents.marketCode })
      .from(auditEvents)
      .where(and(where, sql`${auditEvents.marketCode} is not null`)),
    db
      .select({ id: auditEvents.actorId, name: sql<string>`max(${auditEvents.actorName})` })
      .from(auditEvents)
      .where(and(where, sql`${auditEvents.actorId} is not null`))
      .groupBy(auditEvents.actorId),
  ]);
  const sorted = (rows: Array<{ value: string | null }>) =>
    rows.map((r) => r.value!).sort((a, b) => a.localeCompare(b));
  return {
    actions: sorted(actions),
    entityTypes: sorted(entityTypes),
    marketCodes: sorted(marketCodes),
    actors: actors
      .map((a) => ({ id: a.id!, name: a.name ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
