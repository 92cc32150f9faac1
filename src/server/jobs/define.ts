import type { z } from 'zod';
import type { Db } from '../db/index.ts';

/** What a handler gets besides its payload. */
export interface JobContext {
  /** The database handle (not a transaction): a handler opens the transactions it needs. */
  db: Db;
  job: { id: string; name: string; attempt: number; maxAttempts: number; runAt: Date };
  /** Aborted when the runner stops (app shutdown): long handlers should give up early. */
  signal: AbortSignal;
}

export type JobHandler<Payload> = (payload: Payload, ctx: JobContext) => Promise<void>;

/**
 * A job is data: a name, a version, a payload schema and retry settings. Its handler lives in a
 * sibling `<name>.handler.ts` and is loaded only when the job first runs.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType, Name extends string = string> {
  name: Name;
  /** Bump when the payload changes shape; stored with every job. */
  version: number;
  schema: Schema;
  retry?: {
    /** Attempts in total, the first one included (default 5). */
    maxAttempts?: number;
    /** Delay before the second attempt; doubled for each further one (default 10 s). */
    backoffMs?: number;
    /** Upper bound of the delay (default 1 hour). */
    maxBackoffMs?: number;
  };
  handler: () => Promise<JobHandler<z.output<Schema>>>;
  /** What admins see of a stored payload (default: all of it); leave out secrets such as links in mail. */
  redact?: (payload: unknown) => unknown;
}

export function defineJob<Schema extends z.ZodType, Name extends string>(
  definition: JobDefinition<Schema, Name>,
): JobDefinition<Schema, Name> {
  return definition;
}

export const DEFAULT_RETRY = { maxAttempts: 5, backoffMs: 10_000, maxBackoffMs: 3_600_000 } as const;

/** Delay before attempt `attempt + 1`, after `attempt` attempts failed. */
export function backoffDelay(definition: JobDefinition, attempt: number): number {
  const base = definition.retry?.backoffMs ?? DEFAULT_RETRY.backoffMs;
  const cap = definition.retry?.maxBackoffMs ?? DEFAULT_RETRY.maxBackoffMs;
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}
