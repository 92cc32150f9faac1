// The retrospective of a big campaign: 10,000 tasks (about a third late: finished after due or
// still open past it), 200 engagements with deliverables, drafts, feedback and agreements (some
// late), a published brief with acknowledgements, escalations whose clock ran out, and 50,000
// audit events; then GET /api/campaigns/:id/retrospective (and its CSV) timed over sequential
// requests. The owner and the campaign are created through the API; everything else is written
// straight into the tables with a few bulk inserts (set-up only, not what is measured).
//
// Runs on PGlite (a fresh data directory; the server is stopped while the bench process seeds it,
// PGlite has one writer) unless DATABASE_URL is set, in which case a fresh database is created on
// that server for the run and dropped afterwards. Target: p50 < 300 ms (printed, never asserted).
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/server/db/index.ts';
import { createOwner } from './lib/api.ts';
import { freshPostgresDatabase, HttpClient, percentile } from './lib/http.ts';
import { createCampaign, envNumber, machineLoad } from './lib/measurement.ts';
import { type Benchmark, type Figure, log } from './lib/report.ts';
import { type RunningServer, startServer, tempDir } from './lib/server.ts';

const TASKS = envNumber('BENCH_RETRO_TASKS', 10_000);
const ENGAGEMENTS = envNumber('BENCH_RETRO_ENGAGEMENTS', 200);
const AUDIT_EVENTS = envNumber('BENCH_RETRO_AUDIT_EVENTS', 50_000);
const ESCALATIONS = envNumber('BENCH_RETRO_ESCALATIONS', 60);
const REQUESTS = envNumber('BENCH_RETRO_REQUESTS', 40);
const WARMUP = 5;
const PEOPLE = 40;

/** Everything but the owner and the campaign, in bulk: `n` and `random()` shape the history. */
async function seed(database: Database, campaignId: string, ownerId: string): Promise<void> {
  const { db } = database;
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  // The team: leads and members of both markets.
  await run(sql`
    insert into users (email, name, password_hash, role, market_codes, time_zone)
    select 'person' || n || '@bench.example', 'Person ' || n, 'x',
           case when n % 10 = 0 then 'market_lead' else 'member' end,
           case when n % 2 = 0 then '{RU}'::text[] else '{US}'::text[] end,
           case when n % 2 = 0 then 'Europe/Moscow' else 'America/New_York' end
    from generate_series(1, ${PEOPLE}) as n`);
  // Tasks due over the last 60 days and the next 20: 10 % done late, 80 % done on time, 10 % open
  // (those due in the past are open and overdue): about 1,750 late tasks.
  await run(sql`
    insert into tasks (campaign_id, number, title, owner_id, market_code, status, due_at, done_at, rank, created_by)
    select ${campaignId}, n, 'Task ' || n, p.id,
           case when n % 5 = 0 then null when n % 2 = 0 then 'RU' else 'US' end,
           case when n % 20 < 18 then 'done' else 'todo' end,
           now() - interval '60 days' + make_interval(mins => (n * 11) % 115200),
           case when n % 20 < 2 then now() - interval '60 days' + make_interval(mins => (n * 11) % 115200 + 30 + n % 3000)
                when n % 20 < 18 then now() - interval '60 days' + make_interval(mins => (n * 11) % 115200 - 60)
                else null end,
           n, ${ownerId}
    from generate_series(1, ${TASKS}) as n
    join users p on p.email = 'person' || (n % ${PEOPLE} + 1) || '@bench.example'`);
  // Creators and engagements (half per market), respond-by dates, a first post for most.
  await run(sql`
    insert into creators (name, market_code, language, time_zone, created_by)
    select 'Creator ' || n, case when n % 2 = 0 then 'RU' else 'US' end,
           case when n % 2 = 0 then 'ru' else 'en' end,
           case when n % 2 = 0 then 'Europe/Moscow' else 'America/New_York' end, ${ownerId}
    from generate_series(1, ${ENGAGEMENTS}) as n`);
  await run(sql`
    insert into engagements (campaign_id, creator_id, status, fee_currency, respond_by, posted_at, post_url, created_by)
    select ${campaignId}, c.id,
           case when c.n % 25 = 0 then 'dropped' when c.n % 3 = 0 then 'live' else 'in_production' end,
           case when c.market_code = 'RU' then 'RUB' else 'USD' end,
           now() - interval '30 days' + make_interval(hours => c.n % 48),
           case when c.n % 3 = 0 then now() - interval '5 days' + make_interval(hours => c.n % 72) else null end,
           case when c.n % 3 = 0 then 'https://posts.example/' || c.n else null end,
           ${ownerId}
    from (select id, market_code, (row_number() over (order by name))::int as n from creators) c`);
  // Two deliverables per engagement, due over the last three weeks.
  await run(sql`
    insert into deliverables (engagement_id, campaign_id, position, platform, format, count, due_at, due_zone)
    select e.id, ${campaignId}, p, 'instagram', case when p = 0 then 'reel' else 'story' end, 1 + p,
           now() - interval '21 days' + make_interval(hours => (abs(hashtext(e.id::text)) % 300) + p * 48),
           'UTC'
    from engagements e cross join generate_series(0, 1) as p where e.campaign_id = ${campaignId}`);
  // One to three drafts per engagement; feedback due a day after, answered 2–60 h after submitting.
  await run(sql`
    insert into submissions (engagement_id, round, url, submitted_at, submitted_by, feedback_due_at,
                             decision, feedback, feedback_at, feedback_by)
    select e.id, r, 'https://drafts.example/' || e.id || '/' || r, s.at, ${ownerId}, s.at + interval '24 hours',
           case when s.answered then 'approved' end, case when s.answered then 'ok' end,
           case when s.answered then s.at + make_interval(hours => 2 + (abs(hashtext(e.id::text || r)) % 58)) end,
           case when s.answered then ${ownerId}::uuid end
    from engagements e
    cross join generate_series(1, 3) as r
    cross join lateral (
      select now() - interval '20 days' + make_interval(hours => (abs(hashtext(e.id::text)) % 200) + r * 72) as at,
             (abs(hashtext(e.id::text || 'a' || r)) % 10) < 8 as answered
    ) s
    where e.campaign_id = ${campaignId} and r <= 1 + abs(hashtext(e.id::text)) % 3`);
  // A signed agreement each, a third of them after the respond-by date.
  await run(sql`
    insert into agreements (engagement_id, version, language, body, terms, status, sent_at, signed_at, signed_name, signed_method, created_by)
    select e.id, 1, 'en', 'Agreement', '{}'::jsonb, 'signed', e.respond_by - interval '5 days',
           e.respond_by + make_interval(hours => (abs(hashtext(e.id::text)) % 90) - 60), 'Creator', 'portal', ${ownerId}
    from engagements e where e.campaign_id = ${campaignId}`);
  // Go-lives: RU planned first, US 30 h later.
  await run(sql`
    insert into milestones (campaign_id, title, kind, market_code, at, time_zone, created_by)
    values (${campaignId}, 'Go-live RU', 'go_live', 'RU', now() - interval '6 days', 'Europe/Moscow', ${ownerId}),
           (${campaignId}, 'Go-live US', 'go_live', 'US', now() - interval '6 days' + interval '30 hours', 'America/New_York', ${ownerId})`);
  // A published brief, acknowledged by the leads within a day or up to three days late.
  await run(sql`insert into briefs (campaign_id, revision, published_version, published_revision)
    values (${campaignId}, 1, 1, 1) on conflict (campaign_id) do update set published_version = 1, published_revision = 1`);
  await run(sql`insert into brief_versions (campaign_id, number, snapshot, published_at, published_by)
    values (${campaignId}, 1, '{}'::jsonb, now() - interval '30 days', ${ownerId})`);
  await run(sql`
    insert into brief_acknowledgements (campaign_id, version, user_id, acknowledged_at)
    select ${campaignId}, 1, u.id, now() - interval '30 days' + make_interval(hours => 2 + (abs(hashtext(u.id::text)) % 90))
    from users u where u.role = 'market_lead' and u.email like '%@bench.example' and abs(hashtext(u.id::text)) % 4 <> 0`);
  // Escalations: two thirds ran out their first hour and were handed over (half then decided).
  await run(sql`
    insert into escalations (campaign_id, rule_id, rule, summary, market_code, raised_by, status, decider_id, level,
                             due_at, decision, decided_by, decided_at, created_at)
    select ${campaignId}, 'r1', '{"id":"r1","withinMinutes":60}'::jsonb, 'Question ' || n,
           case when n % 2 = 0 then 'RU' else 'US' end, ${ownerId},
           case when n % 3 = 0 then 'decided' when n % 3 = 1 then 'decided' else 'open' end,
           ${ownerId}, case when n % 3 = 0 then 1 else 2 end,
           now() - make_interval(hours => n) + interval '1 hour',
           case when n % 3 < 2 then 'Decided' end, case when n % 3 < 2 then ${ownerId}::uuid end,
           case when n % 3 = 0 then now() - make_interval(hours => n) + interval '30 minutes'
                when n % 3 = 1 then now() - make_interval(hours => n) + interval '5 hours' end,
           now() - make_interval(hours => n)
    from generate_series(1, ${ESCALATIONS}) as n`);
  await run(sql`
    insert into escalation_steps (escalation_id, at, action, user_id, decider_id, level, due_at)
    select e.id, e.created_at, 'raised', ${ownerId}::uuid, ${ownerId}::uuid, 1, e.created_at + interval '1 hour'
    from escalations e where e.campaign_id = ${campaignId}
    union all
    select e.id, e.created_at + interval '1 hour', 'handed_over', null::uuid, ${ownerId}::uuid, 2, e.created_at + interval '2 hours'
    from escalations e where e.campaign_id = ${campaignId} and e.level = 2`);
  // The audit trail the campaign would have: 50,000 events over its tasks.
  await run(sql`
    insert into audit_events (at, actor_id, actor_name, action, entity_type, entity_id, campaign_id, market_code, entity_label, before, after)
    select now() - make_interval(secs => n * 60), ${ownerId}, 'Bench Owner', 'task.updated', 'task',
           gen_random_uuid()::text, ${campaignId}, case when n % 2 = 0 then 'RU' else 'US' end, 'Task ' || n,
           '{"status":"todo"}'::jsonb, '{"status":"done"}'::jsonb
    from generate_series(1, ${AUDIT_EVENTS}) as n`);
  await run(sql`analyze`);
}

interface Retro {
  late: Array<{ kind: string; open: boolean }>;
  totals: { late: number; open: number; byKind: Record<string, number> };
}

async function time(http: HttpClient, url: string, requests: number) {
  for (let i = 0; i < WARMUP; i++) await http.request('GET', url);
  const samples: number[] = [];
  let failed = 0;
  for (let i = 0; i < requests; i++) {
    const res = await http.request('GET', url);
    if (res.status !== 200) failed++;
    samples.push(res.ms);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), failed };
}

const benchmark: Benchmark = {
  name: 'retrospective',
  description: `retrospective of one campaign: ${TASKS.toLocaleString('en-US')} tasks, ${ENGAGEMENTS} engagements, ${AUDIT_EVENTS.toLocaleString('en-US')} audit events; ${REQUESTS} sequential GET /retrospective`,
  async run() {
    const workDir = tempDir('tandem-bench-retro-');
    const dataDir = path.join(workDir, 'data');
    const base = process.env.DATABASE_URL;
    const pg = base ? await freshPostgresDatabase(base, 'tandem_bench_retro') : undefined;
    const env = pg ? { DATABASE_URL: pg.url } : {};
    let server: RunningServer | undefined;
    let http: HttpClient | undefined;
    try {
      server = await startServer({ dataDir, env });
      const owner = await createOwner(server.baseUrl);
      http = new HttpClient(server.baseUrl, owner.token, 4);
      const campaignId = await createCampaign(http, 'Bench retrospective');
      const me = await http.json<{ id: string }>('GET', '/api/me');
      if (!pg) {
        // PGlite has one writer: the server lets go of the data directory while we seed it.
        http.close();
        await server.stop();
      }
      const seedStart = performance.now();
      const database = await openDatabase({ dataDir, databaseUrl: pg?.url });
      try {
        await seed(database, campaignId, me.id);
      } finally {
        await database.close();
      }
      log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      if (!pg) {
        server = await startServer({ dataDir, env });
        http = new HttpClient(server.baseUrl, owner.token, 4);
      }
      const url = `/api/campaigns/${campaignId}/retrospective`;
      const first = await http.request('GET', url);
      if (first.status !== 200) throw new Error(`GET ${url}: ${first.status} ${first.body.slice(0, 300)}`);
      const retro = JSON.parse(first.body) as Retro;
      const json = await time(http, url, REQUESTS);
      log(`GET /retrospective: p50 ${json.p50.toFixed(1)} ms, p99 ${json.p99.toFixed(1)} ms`);
      const csv = await time(http, `/api/campaigns/${campaignId}/retrospective.csv`, Math.ceil(REQUESTS / 2));
      log(`GET /retrospective.csv: p50 ${csv.p50.toFixed(1)} ms, p99 ${csv.p99.toFixed(1)} ms`);
      const figures: Figure[] = [
        {
          metric: 'GET /retrospective p50',
          value: json.p50,
          unit: 'ms',
          target: { op: '<', value: 300 },
        },
        { metric: 'GET /retrospective p99', value: json.p99, unit: 'ms' },
        { metric: 'GET /retrospective.csv p50', value: csv.p50, unit: 'ms' },
        { metric: 'GET /retrospective.csv p99', value: csv.p99, unit: 'ms' },
        { metric: 'response size', value: first.body.length / 1024, unit: 'KB' },
        { metric: 'late items listed', value: retro.totals.late, unit: 'rows' },
        {
          metric: 'failed requests',
          value: json.failed + csv.failed,
          unit: 'requests',
          target: { op: '<', value: 1 },
        },
      ];
      const kinds = Object.entries(retro.totals.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      return {
        figures,
        notes: [
          `database: ${pg ? 'PostgreSQL (fresh database, dropped after the run)' : 'PGlite (fresh data directory)'}`,
          `late by kind: ${kinds}; ${retro.totals.open} still open`,
          `${REQUESTS} sequential requests after ${WARMUP} warm-up ones, one keep-alive connection, as the owner (every market)`,
          `machine load during the run: ${machineLoad()}`,
        ],
      };
    } finally {
      http?.close();
      await server?.stop();
      await pg?.drop().catch((e: Error) => log(`could not drop the database: ${e.message}`));
    }
  },
};

export default benchmark;
