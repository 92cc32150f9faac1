import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { DEFAULT_RETRY } from './define.ts';
import type { JobName } from './definitions/index.ts';
import { findJobDefinition, type JobPayload } from './registry.ts';
import { jobs } from './tables.ts';

/** Runners LISTEN here; enqueueJob notifies inside the caller's transaction (delivered on commit). */
export const JOBS_CHANNEL = 'tandem_jobs';

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /** While a job with this name and key is pending or running, enqueueing another is a no-op. */
  dedupeKey?: string;
}

/**
 * Adds a job inside the caller's transaction: it exists exactly when the change commits. The
 * payload is checked against the job's schema (a mismatch is a programming error and throws).
 * Returns the new job's id, or null when the dedupe key matched a job that is still to run.
 */
export async function enqueueJob<N extends JobName>(
  tx: DbOrTx,
  name: N,
  payload: JobPayload<N>,
  options?: EnqueueOptions,
): Promise<string | null>;
export async function enqueueJob(
  tx: DbOrTx,
  name: string,
  payload: unknown,
  options?: EnqueueOptions,
): Promise<string | null>;
export async function enqueueJob(
  tx: DbOrTx,
  name: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const definition = findJobDefinition(name);
  if (!definition) throw new Error(`unknown job ${name}`);
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) throw new Error(`invalid payload for job ${name}: ${parsed.error.message}`);
  if (options.runAt && Number.isNaN(options.runAt.getTime()))
    throw new Error(`invalid runAt for job ${name}`);
  const [row] = await tx
    .insert(jobs)
    .values({
      name,
      version: definition.version,
      payload: parsed.data ?? {},
      runAt: options.runAt ?? sql`now()`,
      maxAttempts: definition.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      dedupeKey: options.dedupeKey ?? null,
    })
    // The only unique index besides the key is jobs_dedupe_idx (pending or running, same key).
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (!row) return null;
  await notifyRunners(tx);
  return row.id;
}

/**
 * Adds many jobs of one kind in one statement (a sweep's e-mails), inside the caller's
 * transaction; same checks and dedupe as enqueueJob. Returns how many were added.
 */
export async function enqueueJobs<N extends JobName>(
  tx: DbOrTx,
  name: N,
  items: Array<{ payload: JobPayload<N>; runAt?: Date; dedupeKey?: string }>,
): Promise<number>;
export async function enqueueJobs(
  tx: DbOrTx,
  name: string,
  items: Array<{ payload: unknown; runAt?: Date; dedupeKey?: string }>,
): Promise<number>;
export async function enqueueJobs(
  tx: DbOrTx,
  name: string,
  items: Array<{ payload: unknown; runAt?: Date; dedupeKey?: string }>,
): Promise<number> {
  if (items.length === 0) return 0;
  const definition = findJobDefinition(name);
  if (!definition) throw new Error(`unknown job ${name}`);
  const values = items.map((item) => {
    const parsed = definition.schema.safeParse(item.payload);
    if (!parsed.success) throw new Error(`invalid payload for job ${name}: ${parsed.error.message}`);
    if (item.runAt && Number.isNaN(item.runAt.getTime())) throw new Error(`invalid runAt for job ${name}`);
    return {
      name,
      version: definition.version,
      payload: parsed.data ?? {},
      runAt: item.runAt ?? sql`now()`,
      maxAttempts: definition.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      dedupeKey: item.dedupeKey ?? null,
    };
  });
  const rows = await tx.insert(jobs).values(values).onConflictDoNothing().returning({ id: jobs.id });
  if (rows.length > 0) await notifyRunners(tx);
  return rows.length;
}

/** Wakes every runner when the transaction commits (several calls in one transaction fold into one). */
export async function notifyRunners(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
}
