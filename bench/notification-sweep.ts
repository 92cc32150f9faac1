// Reminder sweep: 10,000 open tasks a few hours past their due time, spread over 50 owners, then
// one run of the notifications sweep (modules/notifications/reminders) as the notifications.sweep
// job runs it: 10,000 task.overdue notifications, each with its e-mail job queued (mail is
// configured, nothing is sent). Prints the time of that sweep, the peak RSS and heap above the
// level before it, and the time of a second sweep that finds nothing new (the cost every
// NOTIFICATIONS_SWEEP_INTERVAL_MS in the steady state). On the database in use: embedded PGlite by
// default, PostgreSQL when DATABASE_URL is set (a fresh database is created there and dropped).
import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/index.ts';
import { jobs } from '../src/server/jobs/tables.ts';
import { configureMail } from '../src/server/mail/settings.ts';
import { sweepReminders } from '../src/server/modules/notifications/reminders/sweep-reminders.ts';
import { notifications } from '../src/server/modules/notifications/tables.ts';
import { freshPostgresDatabase } from './lib/http.ts';
import { type Benchmark, log } from './lib/report.ts';
import { tempDir } from './lib/server.ts';

const TASKS = 10_000;
const OWNERS = 50;

/** Samples RSS and heap every 20 ms; returns the peaks above the level at the start. */
function memoryPeaks() {
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  return () => {
    clearInterval(timer);
    sample();
    return { rss: rss - start.rss, heap: heap - start.heapUsed };
  };
}

/** Owners, a US campaign and the overdue tasks, written straight into the tables (set-up only). */
async function seed(database: Database): Promise<void> {
  const { db } = database;
  await db.execute(sql`
    insert into users (email, name, password_hash, role, market_codes, time_zone)
    select 'owner' || n || '@bench.example', 'Owner ' || n, 'x', 'member', '{US}',
           (array['America/New_York', 'Europe/Moscow', 'Asia/Tokyo'])[n % 3 + 1]
    from generate_series(0, ${OWNERS}) as n`);
  await db.execute(
    sql`update users set role = 'owner', market_codes = '{}' where email = 'owner0@bench.example'`,
  );
  await db.execute(sql`
    insert into campaigns (name, brand, created_by)
    select 'Sweep bench', 'Bench brand', id from users where email = 'owner0@bench.example'`);
  await db.execute(sql`
    insert into markets (campaign_id, code, name, language, time_zone, currency, objective, position)
    select id, 'US', 'United States', 'en', 'America/New_York', 'USD', 'conversion', 0 from campaigns`);
  // Due between 1 and 20 hours ago: overdue for their owners, not yet a day late for a lead.
  await db.execute(sql`
    insert into tasks (campaign_id, number, title, owner_id, market_code, status, due_at, rank, created_by)
    select c.id, n, 'Task ' || n, o.id, 'US', 'todo',
           now() - interval '1 hour' - make_interval(secs => (n % 68400)), n, c.created_by
    from generate_series(1, ${TASKS}) as n
    cross join campaigns c
    join users o on o.email = 'owner' || (n % ${OWNERS} + 1) || '@bench.example'`);
}

const benchmark: Benchmark = {
  name: 'notification-sweep',
  description: `${TASKS.toLocaleString('en-US')} overdue tasks over ${OWNERS} owners: one reminder sweep`,
  async run() {
    const base = process.env.DATABASE_URL;
    const dataDir = tempDir('tandem-bench-sweep-');
    const pg = base ? await freshPostgresDatabase(base, 'tandem_bench_sweep') : undefined;
    let database: Database | undefined;
    try {
      database = await openDatabase({ dataDir, databaseUrl: pg?.url });
      // Configured but never sent from: every notification queues its e-mail job, as in production.
      configureMail({
        ...loadConfig({ SMTP_URL: 'smtp://127.0.0.1:9', PUBLIC_URL: 'http://bench.example' }),
      });
      const seedStart = performance.now();
      await seed(database);
      log(`seeded ${TASKS} tasks in ${Math.round(performance.now() - seedStart)} ms`);

      global.gc?.();
      const peaks = memoryPeaks();
      const start = performance.now();
      const first = await sweepReminders(database.db);
      const sweepMs = performance.now() - start;
      const memory = peaks();
      log(`first sweep: ${first.tasksOverdue} overdue reminders in ${Math.round(sweepMs)} ms`);

      const idleStart = performance.now();
      const second = await sweepReminders(database.db);
      const idleMs = performance.now() - idleStart;

      const [written] = await database.db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.kind, 'task.overdue'));
      const [queued] = await database.db
        .select({ n: count() })
        .from(jobs)
        .where(eq(jobs.name, 'notifications.email'));
      const sent = first.tasksOverdue;
      return {
        figures: [
          { metric: `one sweep, ${TASKS.toLocaleString('en-US')} reminders due`, value: sweepMs, unit: 'ms' },
          { metric: 'reminders per second', value: (sent / sweepMs) * 1000, unit: '/s' },
          {
            metric: 'peak RSS above the start, during the sweep',
            value: memory.rss / 2 ** 20,
            unit: 'MB',
            target: { op: '<', value: 256 },
          },
          { metric: 'peak heap above the start, during the sweep', value: memory.heap / 2 ** 20, unit: 'MB' },
          {
            metric: 'next sweep, nothing new due',
            value: idleMs,
            unit: 'ms',
            target: { op: '<', value: 1000 },
          },
          {
            metric: 'notifications written (expected 10,000)',
            value: Number(written?.n ?? 0),
            unit: 'rows',
          },
          {
            metric: 'sent again by the second sweep',
            value: second.tasksOverdue,
            unit: 'rows',
            target: { op: '<', value: 1 },
          },
        ],
        notes: [
          `database: ${database.kind}; batches of 500 reminders per transaction; ${Number(queued?.n ?? 0)} e-mail jobs queued`,
          'in process (no HTTP): the sweep function the notifications.sweep job calls; RSS includes PGlite’s memory when embedded',
        ],
      };
    } finally {
      await database?.close();
      await pg?.drop();
      fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
    }
  },
};

export default benchmark;
