import type { DbOrTx } from '../../db/index.ts';
import { notificationOf, notifications, type RealtimeEvent, type Scope } from '../../realtime/index.ts';
import type { Actor } from '../auth/policies.ts';
import {
  type AuditAction,
  type AuditEntityType,
  type AuditPayloadInput,
  currentVersion,
  isAuditAction,
  payloadSchemas,
} from './catalogue.ts';
import { cleanLabel, entityFacts, factsFromPayload } from './labels.ts';
import { type ReactionEvent, runReactions } from './reactions.ts';
import { auditEvents } from './tables.ts';

/** A side whose schema accepts null may be left out; any other side is required. */
type Side<K extends 'before' | 'after', S> = null extends S ? { [P in K]?: S } : { [P in K]: S };

type EntryFor<A extends AuditAction> = {
  /** Null for the system itself (migrations, the demo loader). */
  actor: Pick<Actor, 'id' | 'name'> | null;
  action: A;
  entityType: AuditEntityType<A>;
  entityId: string;
  campaignId?: string | null;
  /**
   * The entity's human name now (a task's title, a creator's name…). Leave it out where the entity
   * or the payload names it: recordAuditEvent reads it from the entity in this transaction, else
   * from the payload (see labels.ts). Pass it where neither does.
   */
  entityLabel?: string | null;
  /** The entity's market; null for the whole campaign or the workspace. Derived like entityLabel when left out. */
  marketCode?: string | null;
  /**
   * Realtime events of the same change (e.g. `task.updated` to the campaign's stream), sent by the
   * statement that inserts the audit event instead of one statement each.
   */
  announce?: ReadonlyArray<{ scope: Scope; event: RealtimeEvent }>;
} & Side<'before', AuditPayloadInput<A>['before']> &
  Side<'after', AuditPayloadInput<A>['after']>;

/** One audit event as a caller writes it: the payload shape follows the action (see catalogue.ts). */
export type AuditEntry<A extends AuditAction = AuditAction> = { [K in A]: EntryFor<K> }[A];

/** Where a committed event is announced (see subscriptions.ts); only its id and action travel. */
export const AUDIT_SCOPE = 'audit';

/**
 * Writes one audit event. Call it with the transaction that makes the change, never after it.
 * Subscribers hear of the event once that transaction commits, and never if it rolls back.
 */
export async function recordAuditEvent<A extends AuditAction>(
  tx: DbOrTx,
  entry: AuditEntry<A>,
): Promise<void> {
  const stored = encodePayload(entry.action, entry.before ?? null, entry.after ?? null);
  const facts = await entityFacts(tx, entry);
  // One statement inserts the event and sends its notifications (the audit scope's needs the new id).
  const inserted = tx.$with('inserted_event').as(
    tx
      .insert(auditEvents)
      .values({
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.name ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        campaignId: entry.campaignId ?? null,
        marketCode: facts.marketCode,
        entityLabel: facts.label,
        before: stored.before,
        after: stored.after,
      })
      .returning({ id: auditEvents.id, at: auditEvents.at }),
  );
  const [row] = await tx
    .with(inserted)
    .select({
      id: inserted.id,
      at: inserted.at,
      // The audit scope's announcement carries the id this statement inserts (and only that and the action).
      notified: notificationOf({
        scope: AUDIT_SCOPE,
        type: 'audit',
        entityType: entry.entityType,
        entityId: entry.entityId,
        data: { id: inserted.id, action: entry.action },
      }),
      ...(entry.announce?.length ? { announced: notifications(entry.announce) } : {}),
    })
    .from(inserted);
  await runReactions(tx, {
    id: row!.id,
    at: row!.at,
    actor: entry.actor ? { id: entry.actor.id, name: entry.actor.name } : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    campaignId: entry.campaignId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  } as ReactionEvent);
}

type Json = Record<string, unknown> | null;

/**
 * The payload version travels inside the stored JSON as `v` (no column, no migration): in both
 * sides that are written, or, when the action writes neither, as `after: {v}`.
 */
export function encodePayload(
  action: AuditAction,
  before: unknown,
  after: unknown,
): { before: Json; after: Json } {
  const v = currentVersion(action);
  const side = (payload: unknown): Json => (payload === null ? null : { v, ...(payload as object) });
  return { before: side(before), after: before === null && after === null ? { v } : side(after) };
}

/** The inverse of encodePayload; events written before versions existed are version 1. */
export function decodePayload(
  action: string,
  before: unknown,
  after: unknown,
): { version: number; before: unknown; after: unknown } {
  const versionOf = (payload: unknown) =>
    isPlainObject(payload) && typeof payload.v === 'number' ? payload.v : undefined;
  const version = versionOf(after) ?? versionOf(before) ?? 1;
  const strip = (payload: unknown) => {
    if (!isPlainObject(payload) || versionOf(payload) === undefined) return payload;
    const { v: _v, ...rest } = payload;
    return rest;
  };
  let afterOut = strip(after);
  // `{v}` alone in `after` with nothing before: the action writes no payload at all.
  if (
    before === null &&
    isPlainObject(after) &&
    Object.keys(after).length === 1 &&
    versionOf(after) !== undefined &&
    (!isAuditAction(action) || payloadSchemas(action, version)?.after.safeParse(null).success !== false)
  )
    afterOut = null;
  return { version, before: strip(before), after: afterOut };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One stored event as the API and the subscribers see it, with its decoded payload. */
export function presentAuditRow<Before = unknown, After = unknown>(
  row: typeof auditEvents.$inferSelect,
  payload: { version: number; before: Before; after: After },
) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    campaignId: row.campaignId,
    // Events written before labels were stored: what their payload tells, never a raw id.
    ...storedOrDerived(row, payload),
    version: payload.version,
    before: payload.before,
    after: payload.after,
  };
}

function storedOrDerived(
  row: typeof auditEvents.$inferSelect,
  payload: { before: unknown; after: unknown },
): { entityLabel: string | null; marketCode: string | null } {
  if (row.entityLabel !== null) return { entityLabel: row.entityLabel, marketCode: row.marketCode };
  const derived = factsFromPayload(row.entityType, row.entityId, payload.before, payload.after);
  // Someone acting on their own account (signed in, changed their password) is named by the actor.
  const self = row.entityType === 'user' && row.actorId === row.entityId ? cleanLabel(row.actorName) : null;
  // The market is the stored one only: who may see an event and the market filter read the column,
  // so a market guessed from an old payload would contradict them.
  return { entityLabel: derived.label ?? self, marketCode: row.marketCode };
}
