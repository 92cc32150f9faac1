import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/index.ts';
import { enqueueJob, notifyRunners } from '../../src/server/jobs/enqueue.ts';
import { jobs } from '../../src/server/jobs/tables.ts';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildUser, setupOwner } from '../support/factories.ts';
import { launchServerProcess, waitHealthy } from '../support/process.ts';
import { createTestDatabase, startServer, type TestServer } from '../support/server.ts';
import { createJobTestRuns, runsOf, runTotals } from '../support/test-jobs.ts';

interface JobBody {
  id: string;
  name: string;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const FAST = { JOBS_POLL_INTERVAL_MS: '200', JOBS_CONCURRENCY: '8' };
const servers: TestServer[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const server of servers.splice(0)) await server.close();
});

async function start(env: Record<string, string> = FAST) {
  const server = await startServer({ env });
  servers.push(server);
  await createJobTestRuns(server.database.db);
  const { client: admin } = await setupOwner(server.url);
  return { server, admin, db: server.database.db };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function listJobs(client: Client, status: JobBody['status']) {
  const res = await client.get<{ jobs: JobBody[] }>(`/api/admin/jobs?status=${status}`);
  expect(res.status).toBe(200);
  return res.body.jobs;
}

async function jobWith(client: Client, status: JobBody['status'], id: string) {
  return (await listJobs(client, status)).find((job) => job.id === id);
}

describe('background jobs', { timeout: 120_000 }, () => {
  it('runs a scheduled job once, after its time and not before', async () => {
    const { admin, db } = await start();
    const runAt = new Date(Date.now() + 1_500);
    const id = await db.transaction((tx) => enqueueJob(tx, 'test.record', { tag: 'later' }, { runAt }));
    expect(id).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await runsOf(db, 'later')).toHaveLength(0);
    expect((await jobWith(admin, 'pending', id!))?.runAt).toBe(runAt.toISOString());

    const done = await waitFor('the job to succeed', () => jobWith(admin, 'succeeded', id!));
    expect(done.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const runs = await runsOf(db, 'later');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.at.getTime()).toBeGreaterThanOrEqual(runAt.getTime());
    expect(new Date(done.startedAt!).getTime()).toBeGreaterThanOrEqual(runAt.getTime());
  });

  it('retries a failing job with backoff, then marks it failed for admins; an admin retries it', async () => {
    const { server, admin, db } = await start();
    const member = (await buildUser(admin, { role: 'member' })).client;
    const id = await db.transaction((tx) => enqueueJob(tx, 'test.flaky', { tag: 'flaky', failRuns: 3 }));

    const failed = await waitFor('the job to fail for good', () => jobWith(admin, 'failed', id!));
    expect(failed).toMatchObject({ name: 'test.flaky', attempts: 3, maxAttempts: 3 });
    expect(failed.lastError).toContain('test failure 3 of 3');
    const runs = await runsOf(db, 'flaky');
    expect(runs).toHaveLength(3);
    // Backoff 300 ms, doubled: at least 300 ms before the second run, 600 ms before the third.
    expect(runs[1]!.at.getTime() - runs[0]!.at.getTime()).toBeGreaterThanOrEqual(300);
    expect(runs[2]!.at.getTime() - runs[1]!.at.getTime()).toBeGreaterThanOrEqual(600);

    // Members see and retry nothing.
    expect((await member.get<ErrorBody>('/api/admin/jobs?status=failed')).status).toBe(403);
    const refused = await member.post<ErrorBody>(`/api/admin/jobs/${id}/retry`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(await jobWith(admin, 'failed', id!)).toBeDefined();

    const retried = await admin.post<JobBody>(`/api/admin/jobs/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    const succeeded = await waitFor('the retried job to succeed', () => jobWith(admin, 'succeeded', id!));
    expect(succeeded.attempts).toBe(1);
    expect(await runsOf(db, 'flaky')).toHaveLength(4);

    const audit = await admin.get<{
      events: Array<{ action: string; entityId: string; actor: { id: string } }>;
    }>(`/api/audit?action=job.retried`);
    expect(audit.body.events.map((event) => event.entityId)).toEqual([id]);

    // Only a failed job can be retried; the refusal is in the caller's language.
    const again = await admin.post<ErrorBody>(`/api/admin/jobs/${id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('job_not_failed');
    expect(again.body.error.message).toContain('has succeeded');
    const russian = new Client(server.url, 'ru');
    russian.cookie = admin.cookie;
    const inRussian = await russian.post<ErrorBody>(`/api/admin/jobs/${id}/retry`);
    expect(inRussian.status).toBe(409);
    expect(inRussian.body.error.message).toContain('уже выполнена');
    expect((await admin.post(`/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry`)).status).toBe(404);
    expect((await admin.get('/api/admin/jobs?status=lost')).status).toBe(400);
  });

  it('does not enqueue a second pending job with the same dedupe key', async () => {
    const { db } = await start();
    const runAt = new Date(Date.now() + 3_600_000);
    const first = await db.transaction((tx) =>
      enqueueJob(tx, 'test.record', { tag: 'dedupe' }, { runAt, dedupeKey: 'k' }),
    );
    const second = await db.transaction((tx) =>
      enqueueJob(tx, 'test.record', { tag: 'dedupe' }, { runAt, dedupeKey: 'k' }),
    );
    const other = await db.transaction((tx) =>
      enqueueJob(tx, 'test.record', { tag: 'dedupe' }, { runAt, dedupeKey: 'other' }),
    );
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(other).toBeTruthy();
    const rows = await db.select().from(jobs).where(eq(jobs.name, 'test.record'));
    expect(rows.map((row) => row.dedupeKey).sort()).toEqual(['k', 'other']);

    // Once the job has run, the key is free again.
    const soon = await db.transaction((tx) =>
      enqueueJob(tx, 'test.record', { tag: 'dedupe-now' }, { dedupeKey: 'n' }),
    );
    await waitFor('the job to run', async () =>
      (await runsOf(db, 'dedupe-now')).length === 1 ? true : undefined,
    );
    await waitFor('the job to be marked done', async () => {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, soon!));
      return row?.status === 'succeeded' ? true : undefined;
    });
    const third = await db.transaction((tx) =>
      enqueueJob(tx, 'test.record', { tag: 'dedupe-now' }, { dedupeKey: 'n' }),
    );
    expect(third).toBeTruthy();
    expect(third).not.toBe(soon);
  });

  it('leaves no job behind when the enqueueing transaction rolls back, and refuses a bad payload', async () => {
    const { db } = await start();
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.record', { tag: 'rolled-back' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await expect(
      db.transaction((tx) => enqueueJob(tx, 'test.record', { tag: 42 } as unknown as { tag: string })),
    ).rejects.toThrow(/invalid payload/);
    await expect(db.transaction((tx) => enqueueJob(tx, 'test.nothing', {}))).rejects.toThrow(/unknown job/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await db.select().from(jobs).where(eq(jobs.name, 'test.record'))).toHaveLength(0);
    expect(await runsOf(db, 'rolled-back')).toHaveLength(0);
  });

  it('claims a job again when the lease of a dead instance runs out, unless that was its last attempt', async () => {
    const { admin, db } = await start();
    const past = new Date(Date.now() - 1_000);
    const dead = {
      version: 1,
      status: 'running' as const,
      lockedBy: 'a dead instance',
      lockedUntil: past,
      runAt: past,
    };
    const [orphan] = await db
      .insert(jobs)
      .values({ ...dead, name: 'test.record', payload: { tag: 'orphan' }, attempts: 1, maxAttempts: 5 })
      .returning();
    const [exhausted] = await db
      .insert(jobs)
      .values({ ...dead, name: 'test.record', payload: { tag: 'exhausted' }, attempts: 5, maxAttempts: 5 })
      .returning();
    await db.transaction((tx) => notifyRunners(tx));
    const done = await waitFor('the orphan to run', () => jobWith(admin, 'succeeded', orphan!.id));
    expect(done.attempts).toBe(2);
    const failed = await waitFor('the exhausted job to fail', () => jobWith(admin, 'failed', exhausted!.id));
    expect(failed.lastError).toContain('lease');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await runsOf(db, 'orphan')).toHaveLength(1);
    expect(await runsOf(db, 'exhausted')).toHaveLength(0);
  });

  it('purges expired sessions on its schedule, audited', async () => {
    const { admin, db } = await start({ ...FAST, SESSIONS_PURGE_INTERVAL_MS: '300' });
    // An expired session of the owner (as a browser that never signed out leaves it).
    const [owner] = await db
      .execute<{ id: string }>(sql`select id from users limit 1`)
      .then((result) =>
        Array.isArray(result) ? result : (result as unknown as { rows: Array<{ id: string }> }).rows,
      );
    await db.execute(
      sql`insert into sessions (id, user_id, expires_at) values ('expired-test', ${owner!.id}, now() - interval '1 minute')`,
    );
    const purged = await waitFor('the purge to be audited', async () => {
      const res = await admin.get<{ events: Array<{ after: { expiredSessions: number } }> }>(
        '/api/audit?action=sessions.purged',
      );
      return res.body.events[0];
    });
    expect(purged.after.expiredSessions).toBe(1);
    const left = await db.execute(sql`select 1 from sessions where id = 'expired-test'`);
    expect(Array.isArray(left) ? left.length : (left as unknown as { rows: unknown[] }).rows.length).toBe(0);
    // Still signed in (the live session is kept), and the schedule goes on: one occurrence waits.
    const pending = (await listJobs(admin, 'pending')).filter((job) => job.name === 'sessions.purge-expired');
    const running = (await listJobs(admin, 'running')).filter((job) => job.name === 'sessions.purge-expired');
    expect(pending.length + running.length).toBe(1);
  });

  describe.skipIf(!process.env.DATABASE_URL)(
    'several instances on one PostgreSQL (needs DATABASE_URL)',
    () => {
      it('runs 500 jobs enqueued on each of two instances exactly once', async () => {
        const { server, db } = await start({ ...FAST, JOBS_CONCURRENCY: '6' });
        const second = await openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
        const config = { ...loadConfig(FAST), port: 0, host: '127.0.0.1', databaseUrl: server.databaseUrl };
        const secondApp = await buildApp({ config, database: second });
        cleanups.push(async () => {
          await secondApp.close();
          await second.close();
        });
        const enqueue = (database: Database, instance: string) =>
          database.db.transaction(async (tx) => {
            for (let i = 0; i < 500; i++)
              await enqueueJob(tx, 'test.record', { tag: `many-${instance}-${i}` });
          });
        await Promise.all([enqueue(server.database, 'a'), enqueue(second, 'b')]);
        await waitFor(
          'all 1,000 jobs to finish',
          async () => {
            const [row] = await db
              .select({ n: sql<number>`count(*)::int` })
              .from(jobs)
              .where(and(eq(jobs.name, 'test.record'), eq(jobs.status, 'succeeded')));
            return row?.n === 1000 ? true : undefined;
          },
          90_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await runTotals(db, 'many-')).toEqual({ runs: 1000, jobs: 1000 });
        const [attempts] = await db
          .select({ max: sql<number>`max(${jobs.attempts})::int` })
          .from(jobs)
          .where(eq(jobs.name, 'test.record'));
        expect(attempts?.max).toBe(1);
      });
    },
  );
});

// The real entry point as a child process, killed with SIGKILL before its job is due.
describe('a scheduled job across a kill -9', { timeout: 240_000 }, () => {
  const children: ChildProcess[] = [];
  let workDir: string | undefined;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    await dropDatabase?.();
    dropDatabase = undefined;
    databaseUrl = undefined;
  });

  async function launch(dataDir: string, env: Record<string, string>) {
    const launched = await launchServerProcess(dataDir, { databaseUrl, env });
    children.push(launched.child);
    return launched;
  }

  it('runs a job scheduled 2 s ahead exactly once after a SIGKILL and restart', async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-jobs-'));
    const dataDir = path.join(workDir, 'data');
    if (process.env.DATABASE_URL) {
      const created = await createTestDatabase('tandem_jobs');
      databaseUrl = created.url;
      dropDatabase = created.drop;
    } else {
      fs.cpSync(inject('pgliteTemplate'), path.join(dataDir, 'pglite'), { recursive: true });
    }
    // The first instance schedules the purge 2 s after it starts, and is killed as soon as it answers.
    const first = await launch(dataDir, { SESSIONS_PURGE_INTERVAL_MS: '2000' });
    await waitHealthy(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();

    // The second would schedule it an hour ahead; the one already stored is kept, and runs.
    const second = await launch(dataDir, {
      SESSIONS_PURGE_INTERVAL_MS: '3600000',
      JOBS_POLL_INTERVAL_MS: '500',
    });
    await waitHealthy(second);
    const { client } = await setupOwner(second.url);
    const done = await waitFor(
      'the purge job to succeed',
      async () => {
        const found = (await listJobs(client, 'succeeded')).filter(
          (job) => job.name === 'sessions.purge-expired',
        );
        return found.length > 0 ? found : undefined;
      },
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const succeeded = (await listJobs(client, 'succeeded')).filter(
      (job) => job.name === 'sessions.purge-expired',
    );
    expect(succeeded).toHaveLength(1);
    const [job] = succeeded;
    expect(job!.id).toBe(done[0]!.id);
    expect(job!.attempts).toBe(1);
    // Created by the first instance, run by the second, not before its time.
    expect(new Date(job!.createdAt).getTime()).toBeLessThan(killedAt);
    expect(new Date(job!.startedAt!).getTime()).toBeGreaterThanOrEqual(killedAt);
    expect(new Date(job!.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(job!.runAt).getTime());
    expect(new Date(job!.runAt).getTime() - new Date(job!.createdAt).getTime()).toBeGreaterThanOrEqual(1_900);
    // The next occurrence is scheduled by the second instance's interval (an hour ahead).
    const pending = (await listJobs(client, 'pending')).filter(
      (entry) => entry.name === 'sessions.purge-expired',
    );
    expect(pending).toHaveLength(1);
    expect(new Date(pending[0]!.runAt).getTime() - Date.now()).toBeGreaterThan(3_000_000);
  });
});
