import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { decodePayload, presentAuditRow } from './record-event.ts';
import { auditEvents } from './tables.ts';

export interface AuditFilter {
  campaignId?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** The id of the last event of the previous page. */
  cursor?: number;
  limit: number;
}

/** Newest first, paged by id (ids grow with time and never repeat). */
export async function findAuditEvents(db: Db, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.campaignId) where.push(eq(auditEvents.campaignId, filter.campaignId));
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lte(auditEvents.at, filter.to));
  if (filter.cursor) where.push(lt(auditEvents.id, filter.cursor));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return {
    // The payload version is stored inside the JSON; the API shows it beside before/after.
    events: page.map((row) => presentAuditRow(row, decodePayload(row.action, row.before, row.after))),
    nextCursor: rows.length > filter.limit ? String(page.at(-1)?.id) : null,
  };
}
