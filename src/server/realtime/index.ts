import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/index.ts';

export const REALTIME_CHANNEL = 'tandem_events';

/**
 * `workspace` for account-level changes, `campaign:<id>` for everything inside a campaign, `audit`
 * for committed audit events (server-side subscribers only, see modules/audit/subscriptions.ts).
 */
export type Scope = 'workspace' | 'audit' | `campaign:${string}` | `user:${string}`;

export interface RealtimeEvent {
  type: string;
  entityType: string;
  entityId: string;
  /** Optional extras; keep them small, NOTIFY payloads are limited to 8 kB. */
  data?: Record<string, unknown>;
}

interface Envelope extends RealtimeEvent {
  scope: Scope;
  at: string;
}

/**
 * Queues an event inside the caller's transaction. PostgreSQL (and PGlite) deliver NOTIFY only
 * when the transaction commits and drop it on rollback, so listeners never hear of a change that
 * did not happen, and every instance listening on the channel hears of every committed one.
 */
export async function publish(tx: DbOrTx, scope: Scope, event: RealtimeEvent): Promise<void> {
  const envelope: Envelope = { ...event, scope, at: new Date().toISOString() };
  await tx.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${JSON.stringify(envelope)})`);
}

/**
 * Several publications as one SQL expression (the number sent), for a statement that does
 * something else as well.
 */
export function notifications(events: ReadonlyArray<{ scope: Scope; event: RealtimeEvent }>): SQL<number> {
  const at = new Date().toISOString();
  const payloads = events.map(({ scope, event }) => JSON.stringify({ ...event, scope, at }));
  return sql<number>`(select count(pg_notify(${REALTIME_CHANNEL}, payload)) from jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) as payload)`;
}

/** A value inside an event built in SQL: text known now (sent as text), or read from the row the statement writes. */
type SqlValue = SQL | SQL.Aliased | AnyColumn | string;

/**
 * One publication whose parts come from the statement itself (e.g. the id a data-modifying CTE
 * inserts), with the same envelope `publish` sends. Returns void in SQL.
 */
export function notificationOf(event: {
  scope: SqlValue;
  type: string;
  entityType: string;
  entityId: SqlValue;
  data: Record<string, SqlValue>;
}): SQL {
  const value = (v: SqlValue) => (typeof v === 'string' ? sql`${v}::text` : sql`${v}`);
  const data = Object.entries(event.data).map(([key, v]) => sql`${sql.raw(`'${key}'`)}, ${value(v)}`);
  return sql`pg_notify(${REALTIME_CHANNEL}, json_build_object('type', ${value(event.type)}, 'entityType', ${value(event.entityType)}, 'entityId', ${value(event.entityId)}, 'data', json_build_object(${sql.join(data, sql`, `)}), 'scope', ${value(event.scope)}, 'at', ${value(new Date().toISOString())})::text)`;
}

/** Several events in one statement (one per person told of a sweep's reminders). */
export async function publishMany(
  tx: DbOrTx,
  events: Array<{ scope: Scope; event: RealtimeEvent }>,
): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`select ${notifications(events)}`);
}

type Listener = (event: Envelope) => void;

/** Fans committed events out to this instance's SSE connections. */
export class RealtimeHub {
  private readonly listeners = new Map<Scope, Set<Listener>>();
  private stop: (() => Promise<void>) | undefined;
  private readonly streams = new Set<() => void>();

  async start(database: Database): Promise<void> {
    this.stop = await database.listen(REALTIME_CHANNEL, (payload) => this.dispatch(payload));
  }

  subscribe(scope: Scope, listener: Listener): () => void {
    let set = this.listeners.get(scope);
    if (!set) {
      set = new Set();
      this.listeners.set(scope, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(scope);
    };
  }

  /** Remembers an open stream so shutdown can end it; returns the function that forgets it. */
  track(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  /** Open streams would hold a graceful shutdown forever: end them; clients reconnect elsewhere. */
  endStreams(): void {
    for (const end of this.streams) end();
    this.streams.clear();
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.listeners.clear();
  }

  private dispatch(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(envelope.scope) ?? []) listener(envelope);
  }
}
