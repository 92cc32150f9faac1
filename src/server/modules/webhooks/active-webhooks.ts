import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/index.ts';
import { webhooks } from './tables.ts';

/** Instances tell each other here that the set of active webhooks changed (delivered on commit). */
export const WEBHOOKS_CHANNEL = 'tandem_webhooks';
const TTL_MS = 30_000;

interface Snapshot {
  events: Set<string>;
  loadedAt: number;
}

/**
 * Which events any active webhook wants, cached in memory: the audit reaction runs on every
 * write, and with no webhooks (the usual case) it must cost nothing. The cache only says whether a
 * query is worth making; the query itself reads the webhooks table, so a stale cache never sends
 * to a deleted or paused target. A change here or on another instance (NOTIFY) clears it, and the
 * TTL bounds staleness if a notification is missed.
 */
let snapshot: Snapshot | null = null;
// Bumped by every invalidation: a load that overlapped one does not store its (older) answer.
let generation = 0;

export function invalidateActiveWebhooks(): void {
  snapshot = null;
  generation++;
}

/** Inside a transaction that changes webhooks: every instance forgets its cache on commit. */
export async function announceWebhookChange(tx: DbOrTx): Promise<void> {
  invalidateActiveWebhooks();
  await tx.execute(sql`select pg_notify(${WEBHOOKS_CHANNEL}, '')`);
}

export async function listenForWebhookChanges(database: Database): Promise<() => Promise<void>> {
  invalidateActiveWebhooks();
  return database.listen(WEBHOOKS_CHANNEL, () => invalidateActiveWebhooks());
}

/** The events active webhooks subscribe to ('*' included as is). */
export async function activeWebhookEvents(tx: DbOrTx): Promise<ReadonlySet<string>> {
  if (snapshot && Date.now() - snapshot.loadedAt < TTL_MS) return snapshot.events;
  const started = generation;
  const rows = await tx
    .select({ events: webhooks.events })
    .from(webhooks)
    .where(eq(webhooks.status, 'active'));
  const events = new Set(rows.flatMap((row) => row.events));
  if (started === generation) snapshot = { events, loadedAt: Date.now() };
  return events;
}
