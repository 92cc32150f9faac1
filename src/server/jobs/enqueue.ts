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

/** Wakes every runner when the transaction commits (several calls in one transaction fold into one). */
export async function notifyRunners(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
}
