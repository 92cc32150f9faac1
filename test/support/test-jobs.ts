import { count, countDistinct, eq, sql } from 'drizzle-orm';
import { bigserial, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../src/server/db/index.ts';
import { defineJob, type JobHandler } from '../../src/server/jobs/define.ts';
import { registerJobDefinitions } from '../../src/server/jobs/registry.ts';

/**
 * The tests' own jobs. Each run writes a row to job_test_runs (created by the test, not by a
 * migration), so a test counts executions in the database, across instances.
 */
export const jobTestRuns = pgTable('job_test_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  jobId: uuid('job_id').notNull(),
  tag: text('tag').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

export async function createJobTestRuns(db: Db): Promise<void> {
  await db.execute(sql`create table if not exists job_test_runs (
    id bigserial primary key, job_id uuid not null, tag text not null,
    at timestamptz not null default clock_timestamp())`);
}

async function recordRun(db: Db, jobId: string, tag: string): Promise<number> {
  await db.insert(jobTestRuns).values({ jobId, tag, at: sql`clock_timestamp()` });
  const [row] = await db.select({ n: count() }).from(jobTestRuns).where(eq(jobTestRuns.jobId, jobId));
  return row?.n ?? 0;
}

const record: JobHandler<{ tag: string }> = async ({ tag }, { db, job }) => {
  await recordRun(db, job.id, tag);
};

/** Fails its first `failRuns` runs (counted over retries too), then succeeds. */
const flaky: JobHandler<{ tag: string; failRuns: number }> = async ({ tag, failRuns }, { db, job }) => {
  const runs = await recordRun(db, job.id, tag);
  if (runs <= failRuns) throw new Error(`test failure ${runs} of ${failRuns}`);
};

export const testRecordJob = defineJob({
  name: 'test.record',
  version: 1,
  schema: z.strictObject({ tag: z.string() }),
  handler: async () => record,
});

export const testFlakyJob = defineJob({
  name: 'test.flaky',
  version: 1,
  schema: z.strictObject({ tag: z.string(), failRuns: z.number().int() }),
  retry: { maxAttempts: 3, backoffMs: 300 },
  handler: async () => flaky,
});

registerJobDefinitions([testRecordJob, testFlakyJob]);

export async function runsOf(db: Db, tag: string) {
  return db.select().from(jobTestRuns).where(eq(jobTestRuns.tag, tag)).orderBy(jobTestRuns.id);
}

export async function runTotals(db: Db, tagPrefix: string) {
  const [row] = await db
    .select({ runs: count(), jobs: countDistinct(jobTestRuns.jobId) })
    .from(jobTestRuns)
    .where(sql`${jobTestRuns.tag} like ${`${tagPrefix}%`}`);
  return row ?? { runs: 0, jobs: 0 };
}
