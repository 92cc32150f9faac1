import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, min, or, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/index.ts';
import { backoffDelay, type JobDefinition } from './define.ts';
import { enqueueJob, JOBS_CHANNEL } from './enqueue.ts';
import { findJobDefinition, registeredJobNames } from './registry.ts';
import { jobs } from './tables.ts';

export interface RunnerOptions {
  /** Safety net: the longest the runner sleeps without looking for due jobs. */
  pollIntervalMs: number;
  /** Jobs run at once by this instance. */
  concurrency: number;
  /** How long a claimed job is this instance's; renewed while it runs, claimable by others after. */
  leaseMs: number;
  /** Jobs that repeat: enqueued `everyMs` after start and again `everyMs` after each run ends. */
  schedules?: Array<{ name: string; everyMs: number }>;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** The dedupe key of a scheduled (repeating) job: one pending or running occurrence at a time. */
export const SCHEDULE_KEY = 'schedule';

type ClaimedJob = Pick<
  typeof jobs.$inferSelect,
  'id' | 'name' | 'payload' | 'attempts' | 'maxAttempts' | 'runAt' | 'dedupeKey'
>;

/**
 * Runs due jobs from the jobs table. Any number of instances may share one PostgreSQL: a job is
 * claimed in one statement (`FOR UPDATE SKIP LOCKED`) and leased; a lease left by a dead
 * instance runs out and the job is claimed again. Wakes on NOTIFY (a job enqueued anywhere), at
 * the next known due time, and at least every pollIntervalMs.
 */
export class JobRunner {
  readonly instanceId = randomUUID();
  private stopped = false;
  private started = false;
  private claiming = false;
  private wakeAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  /** Claimed (leased) but not started yet: claiming a batch at a time saves a statement per job. */
  private readonly ready: ClaimedJob[] = [];
  private readyClaimedAt = 0;
  /** Successes waiting to be written together (one UPDATE for many jobs). */
  private successes: ClaimedJob[] = [];
  private successesWritten: Promise<void> | undefined;
  private lastExhaustedCheck = 0;

  constructor(
    private readonly database: Database,
    private readonly options: RunnerOptions,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { db } = this.database;
    // The embedded database has exactly one process: a job left running was this process's
    // before a crash, so it is due again now rather than when its lease would run out.
    if (this.database.kind === 'pglite') {
      await db
        .update(jobs)
        .set({ lockedUntil: sql`now() - interval '1 millisecond'` })
        .where(eq(jobs.status, 'running'));
    }
    this.unlisten = await this.database.listen(JOBS_CHANNEL, () => this.wake());
    for (const schedule of this.options.schedules ?? []) {
      await db.transaction((tx) => this.scheduleNext(tx, schedule.name));
    }
    this.wake();
  }

  /** Stops claiming; waits up to `waitMs` for running jobs (their leases cover the rest). */
  async stop(waitMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.unlisten?.().catch(() => {});
    await this.release();
    if (this.running.size === 0) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timeout);
  }

  /** Looks for due jobs now (coalesced: a wake during a claim round triggers one more round). */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.wakeAgain = true;
      return;
    }
    this.claiming = true;
    void this.claimRound().finally(() => {
      this.claiming = false;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async claimRound(): Promise<void> {
    let delay = this.options.pollIntervalMs;
    try {
      // Claims never take exhausted jobs, so failing them can wait a little (not every round).
      if (Date.now() - this.lastExhaustedCheck >= 1_000) {
        this.lastExhaustedCheck = Date.now();
        await this.failExhausted();
      }
      do {
        this.wakeAgain = false;
        while (!this.stopped && this.running.size < this.options.concurrency) {
          if (this.ready.length === 0) {
            const claimed = await this.claim(this.batchSize());
            if (claimed.length === 0) break;
            this.ready.push(...claimed);
            this.readyClaimedAt = Date.now();
          }
          // Leases of waiting jobs are not renewed: give back a batch that waited too long.
          if (Date.now() - this.readyClaimedAt > this.options.leaseMs / 3) {
            await this.release();
            continue;
          }
          while (this.ready.length > 0 && this.running.size < this.options.concurrency && !this.stopped)
            this.track(this.execute(this.ready.shift()!));
        }
      } while (this.wakeAgain && !this.stopped);
      if (!this.stopped && this.running.size < this.options.concurrency) delay = await this.untilNextDue();
    } catch (error) {
      if (!this.stopped) this.options.log?.error({ err: error }, 'jobs: could not claim');
    }
    this.arm(delay);
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(0, delayMs));
    this.timer.unref();
  }

  /** A few rounds of work per claim; small enough that other instances still get their share. */
  private batchSize(): number {
    return Math.min(64, this.options.concurrency * 8);
  }

  /** Claimed jobs this instance will not start (it is stopping) go back to the queue at once. */
  private async release(): Promise<void> {
    // Claims that were never started are not attempts.
    const unstarted = this.ready.splice(0);
    if (unstarted.length === 0) return;
    await this.database.db
      .update(jobs)
      .set({ status: 'pending', attempts: sql`${jobs.attempts} - 1`, lockedBy: null, lockedUntil: null })
      .where(
        and(
          inArray(
            jobs.id,
            unstarted.map((job) => job.id),
          ),
          eq(jobs.lockedBy, this.instanceId),
        ),
      )
      .catch(() => {});
  }

  private track(promise: Promise<void>): void {
    this.running.add(promise);
    void promise.finally(() => {
      this.running.delete(promise);
      this.wake();
    });
  }

  /** Milliseconds until the next pending job (or expiring lease) is due, capped by the poll interval. */
  private async untilNextDue(): Promise<number> {
    const names = registeredJobNames();
    const [pending] = await this.database.db
      .select({ next: min(jobs.runAt) })
      .from(jobs)
      .where(and(inArray(jobs.name, names), eq(jobs.status, 'pending')));
    const [running] = await this.database.db
      .select({ next: min(jobs.lockedUntil) })
      .from(jobs)
      .where(
        and(
          inArray(jobs.name, names),
          eq(jobs.status, 'running'),
          sql`${jobs.attempts} < ${jobs.maxAttempts}`,
        ),
      );
    // postgres-js returns aggregated timestamps as strings.
    const times = [pending?.next, running?.next].filter(Boolean).map((value) => new Date(value!).getTime());
    if (times.length === 0) return this.options.pollIntervalMs;
    return Math.min(this.options.pollIntervalMs, Math.max(0, Math.min(...times) - Date.now()) + 5);
  }

  /** A job whose instance died during its last attempt (perhaps because of the job) is not run again. */
  private async failExhausted(): Promise<void> {
    const { db } = this.database;
    await db
      .update(jobs)
      .set({
        status: 'failed',
        finishedAt: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
        lastError: 'The instance running the last attempt stopped before it finished (its lease ran out).',
      })
      .where(
        and(
          eq(jobs.status, 'running'),
          lt(jobs.lockedUntil, sql`now()`),
          sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
        ),
      );
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const { db } = this.database;
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.name, registeredJobNames()),
          or(
            and(eq(jobs.status, 'pending'), sql`${jobs.runAt} <= now()`),
            and(
              eq(jobs.status, 'running'),
              lt(jobs.lockedUntil, sql`now()`),
              sql`${jobs.attempts} < ${jobs.maxAttempts}`,
            ),
          ),
        ),
      )
      .orderBy(jobs.runAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: this.instanceId,
        lockedUntil: sql`now() + make_interval(secs => ${this.options.leaseMs / 1000})`,
        startedAt: sql`now()`,
      })
      .where(inArray(jobs.id, due))
      .returning({
        id: jobs.id,
        name: jobs.name,
        payload: jobs.payload,
        attempts: jobs.attempts,
        maxAttempts: jobs.maxAttempts,
        runAt: jobs.runAt,
        dedupeKey: jobs.dedupeKey,
      });
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const definition = findJobDefinition(job.name);
    // Renew the lease while the handler runs, so a slow job is not claimed by another instance.
    const renew = setInterval(
      () => {
        void this.database.db
          .update(jobs)
          .set({ lockedUntil: sql`now() + make_interval(secs => ${this.options.leaseMs / 1000})` })
          .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.instanceId)))
          .catch(() => {});
      },
      Math.max(50, Math.floor(this.options.leaseMs / 3)),
    );
    renew.unref();
    let failure: unknown;
    let permanent = false;
    try {
      if (!definition) throw new Error(`unknown job ${job.name}`);
      const parsed = definition.schema.safeParse(job.payload);
      if (!parsed.success) {
        permanent = true;
        throw new Error(`invalid payload: ${parsed.error.message}`);
      }
      const handler = await definition.handler();
      await handler(parsed.data, {
        db: this.database.db,
        job: {
          id: job.id,
          name: job.name,
          attempt: job.attempts,
          maxAttempts: job.maxAttempts,
          runAt: job.runAt,
        },
        signal: this.abort.signal,
      });
    } catch (error) {
      failure = error ?? new Error('job failed');
    } finally {
      clearInterval(renew);
    }
    try {
      // One statement for the common case; a transaction when a next occurrence is scheduled too.
      if (failure === undefined && job.dedupeKey !== SCHEDULE_KEY) await this.recordSuccess(job);
      else
        await this.database.db.transaction(async (tx) => {
          if (failure === undefined) await this.succeed(tx, job);
          else await this.fail(tx, job, definition, failure, permanent);
        });
    } catch (error) {
      // The database is gone (shutdown) or the lease was lost: the job is claimed again later.
      if (!this.stopped)
        this.options.log?.error({ err: error, job: job.id }, 'jobs: could not record the outcome');
    }
  }

  /**
   * Successes that finish close together are written in one statement: jobs finishing within the
   * same few milliseconds share the write, and each waits for it before its slot frees.
   */
  private recordSuccess(job: ClaimedJob): Promise<void> {
    this.successes.push(job);
    this.successesWritten ??= new Promise<void>((resolve) => setTimeout(resolve, 2)).then(async () => {
      const batch = this.successes;
      this.successes = [];
      this.successesWritten = undefined;
      await this.database.db
        .update(jobs)
        .set({
          status: 'succeeded',
          finishedAt: sql`now()`,
          lockedBy: null,
          lockedUntil: null,
          lastError: null,
        })
        .where(
          and(
            inArray(
              jobs.id,
              batch.map((done) => done.id),
            ),
            eq(jobs.lockedBy, this.instanceId),
          ),
        );
    });
    return this.successesWritten;
  }

  private async succeed(tx: DbOrTx, job: ClaimedJob): Promise<void> {
    const [done] = await tx
      .update(jobs)
      .set({
        status: 'succeeded',
        finishedAt: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
      })
      .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.instanceId)))
      .returning({ id: jobs.id });
    if (done && job.dedupeKey === SCHEDULE_KEY) await this.scheduleNext(tx, job.name);
  }

  private async fail(
    tx: DbOrTx,
    job: ClaimedJob,
    definition: JobDefinition | undefined,
    failure: unknown,
    permanent: boolean,
  ): Promise<void> {
    const message = (failure instanceof Error ? failure.message : String(failure)).slice(0, 4000);
    const final = permanent || !definition || job.attempts >= job.maxAttempts;
    const [done] = await tx
      .update(jobs)
      .set(
        final
          ? {
              status: 'failed',
              finishedAt: sql`now()`,
              lockedBy: null,
              lockedUntil: null,
              lastError: message,
            }
          : {
              status: 'pending',
              runAt: sql`now() + make_interval(secs => ${backoffDelay(definition, job.attempts) / 1000})`,
              lockedBy: null,
              lockedUntil: null,
              lastError: message,
            },
      )
      .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.instanceId)))
      .returning({ id: jobs.id });
    if (!done) return;
    if (final) {
      this.options.log?.warn({ job: job.id, name: job.name, error: message }, 'jobs: a job failed for good');
      // A failing repeating job must not end its schedule.
      if (job.dedupeKey === SCHEDULE_KEY) await this.scheduleNext(tx, job.name);
    }
  }

  private async scheduleNext(tx: DbOrTx, name: string): Promise<void> {
    const schedule = this.options.schedules?.find((entry) => entry.name === name);
    if (!schedule) return;
    await enqueueJob(
      tx,
      name,
      {},
      { runAt: new Date(Date.now() + schedule.everyMs), dedupeKey: SCHEDULE_KEY },
    );
  }
}
