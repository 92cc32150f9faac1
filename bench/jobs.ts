// Background jobs: 10,000 jobs due over a 10-second window, run by one in-process runner with the
// default settings (concurrency 4, poll 5 s, woken by NOTIFY and by the next due time). Prints the
// delay from each job's due time to the start of its run (p50/p99) and the throughput, on the
// database in use: embedded PGlite by default, PostgreSQL when DATABASE_URL is set (a fresh
// database is created there and dropped afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { z } from 'zod';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/index.ts';
import { defineJob } from '../src/server/jobs/define.ts';
import { enqueueJob, notifyRunners } from '../src/server/jobs/enqueue.ts';
import { registerJobDefinitions } from '../src/server/jobs/registry.ts';
import { JobRunner } from '../src/server/jobs/runner.ts';
import { type Benchmark, log } from './lib/report.ts';
import { tempDir } from './lib/server.ts';

const JOBS = 10_000;
const WINDOW_MS = 10_000;
/** A second, lighter set: the delay when the runner keeps up. */
const LIGHT_JOBS = 1_000;

const delays: number[] = [];
let lastRunAt = 0;
const benchJob = defineJob({
  name: 'bench.noop',
  version: 1,
  schema: z.strictObject({ offsetMs: z.number() }),
  handler:
    async () =>
    async (_payload, { job }) => {
      const now = Date.now();
      delays.push(now - job.runAt.getTime());
      lastRunAt = now;
    },
});
registerJobDefinitions([benchJob]);

/** Enqueues `count` jobs far ahead, moves them into a window starting in 1 s, waits for all to run. */
async function phase(database: Database, count: number, windowMs: number) {
  delays.length = 0;
  const far = new Date(Date.now() + 86_400_000);
  const enqueueStart = performance.now();
  for (let batch = 0; batch < count; batch += 500) {
    await database.db.transaction(async (tx) => {
      for (let i = batch; i < Math.min(count, batch + 500); i++)
        await enqueueJob(tx, 'bench.noop', { offsetMs: (i * windowMs) / count }, { runAt: far });
    });
  }
  const enqueueMs = performance.now() - enqueueStart;
  log(`enqueued ${count} jobs in ${Math.round(enqueueMs)} ms`);
  // Moved into the window in one statement (enqueueing does not eat into it), then announced.
  const firstDue = Date.now() + 1_000;
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`update jobs set run_at = ${new Date(firstDue).toISOString()}::timestamptz + make_interval(secs => (payload->>'offsetMs')::float8 / 1000) where name = 'bench.noop' and status = 'pending'`,
    );
    await notifyRunners(tx);
  });
  const deadline = Date.now() + windowMs + 600_000;
  while (delays.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const sorted = [...delays].sort((a, b) => a - b);
  log(`${sorted.length} of ${count} ran`);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    throughput: sorted.length / ((lastRunAt - firstDue) / 1000),
    enqueueRate: (count / enqueueMs) * 1000,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

const benchmark: Benchmark = {
  name: 'jobs',
  description: `${JOBS.toLocaleString('en-US')} jobs due over ${WINDOW_MS / 1000} s: delay from due time to run`,
  async run() {
    const base = process.env.DATABASE_URL;
    const dataDir = tempDir('tandem-bench-jobs-');
    let databaseUrl: string | undefined;
    if (base) {
      const name = `tandem_bench_jobs_${Date.now()}`;
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    const database = await openDatabase({ dataDir, databaseUrl });
    const config = loadConfig(process.env);
    const runner = new JobRunner(database, config.jobs);
    try {
      await runner.start();
      const heavy = await phase(database, JOBS, WINDOW_MS);
      const light = await phase(database, LIGHT_JOBS, WINDOW_MS);
      return {
        figures: [
          { metric: `${JOBS} jobs: delay from due time to run, p50`, value: heavy.p50, unit: 'ms' },
          { metric: `${JOBS} jobs: delay, p99`, value: heavy.p99, unit: 'ms' },
          {
            metric: `${JOBS} jobs: throughput (first due → last run)`,
            value: heavy.throughput,
            unit: 'jobs/s',
          },
          { metric: `${JOBS} jobs: enqueue (500 per transaction)`, value: heavy.enqueueRate, unit: 'jobs/s' },
          { metric: `${LIGHT_JOBS} jobs: delay from due time to run, p50`, value: light.p50, unit: 'ms' },
          { metric: `${LIGHT_JOBS} jobs: delay, p99`, value: light.p99, unit: 'ms' },
        ],
        notes: [
          `database: ${database.kind}; each set spread evenly over ${WINDOW_MS / 1000} s (arrival ${JOBS / (WINDOW_MS / 1000)} and ${LIGHT_JOBS / (WINDOW_MS / 1000)} jobs/s)`,
          `runner: concurrency ${config.jobs.concurrency}, poll ${config.jobs.pollIntervalMs} ms, lease ${config.jobs.leaseMs} ms (JOBS_* variables)`,
        ],
      };
    } finally {
      await runner.stop();
      await database.close();
      fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
      if (databaseUrl && base) {
        const admin = postgres(base, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
        await admin.end();
      }
    }
  },
};

export default benchmark;
