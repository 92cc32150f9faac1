// Audit explorer (issue 12): a campaign with 50,000 audit events (four markets, a dozen actions,
// twenty actors, bulk-inserted) plus 50,000 events of other campaigns and the workspace as noise;
// then the explorer's first page (GET /api/audit?campaignId=…&marketCode=…&limit=50), p50/p99 over
// a few hundred requests, as an admin (no scope) and as a market lead (scoped to their market);
// also the next page by cursor, the facets and one CSV export. Target (issue 12): p50 < 100 ms
// for the first page filtered by campaign and market. Printed, never asserted.
//
// Runs on PGlite (a fresh data directory) and, when DATABASE_URL is set, again on PostgreSQL (a
// fresh database next to it, dropped afterwards). In process: the real Fastify app on a port.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/index.ts';
import { campaigns } from '../src/server/modules/campaigns/tables.ts';
import { api, createOwner } from './lib/api.ts';
import { freshPostgresDatabase, percentile } from './lib/http.ts';
import { type Benchmark, type Figure, log } from './lib/report.ts';
import { tempDir } from './lib/server.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const EVENTS = env('BENCH_AUDIT_EVENTS', 50_000);
const NOISE = env('BENCH_AUDIT_NOISE', 50_000);
const REQUESTS = env('BENCH_AUDIT_REQUESTS', 300);
const WARMUP = 20;
const MARKETS = ['RU', 'US', 'DE', 'BR'];
const ACTIONS = [
  ['task', 'task.created'],
  ['task', 'task.updated'],
  ['task', 'task.status_changed'],
  ['task', 'task.commented'],
  ['milestone', 'milestone.updated'],
  ['engagement', 'engagement.status_changed'],
  ['engagement', 'engagement.updated'],
  ['agreement', 'agreement.signed'],
  ['submission', 'submission.feedback'],
  ['creator', 'creator.updated'],
  ['meeting', 'meeting.updated'],
  ['escalation', 'escalation.raised'],
] as const;

/** Users, the campaign with its markets, the events and the noise, straight into the tables. */
async function seed(database: Database, ownerEmail: string): Promise<{ campaignId: string }> {
  const { db } = database;
  await db.execute(sql`
    insert into users (email, name, password_hash, role, market_codes, time_zone)
    select 'person' || n || '@bench.example', 'Person ' || n, 'x', 'member',
           array[(array['RU','US','DE','BR'])[n % 4 + 1]], 'Europe/Moscow'
    from generate_series(1, 20) as n`);
  await db.execute(sql`
    insert into campaigns (name, brand, created_by)
    select 'Audit bench ' || n, 'Bench brand', (select id from users where email = ${ownerEmail})
    from generate_series(0, 4) as n`);
  await db.execute(sql`
    insert into markets (campaign_id, code, name, language, time_zone, currency, objective, position)
    select c.id, m.code, m.code, 'en', 'UTC', 'USD', 'awareness', m.position
    from campaigns c
    cross join (values ('RU', 0), ('US', 1), ('DE', 2), ('BR', 3)) as m(code, position)`);
  const actions = sql.raw(`array[${ACTIONS.map(([, a]) => `'${a}'`).join(',')}]`);
  const types = sql.raw(`array[${ACTIONS.map(([t]) => `'${t}'`).join(',')}]`);
  const markets = sql.raw(`array[${MARKETS.map((m) => `'${m}'`).join(',')}]`);
  // One campaign's events: every fifth campaign-wide (no market), the rest over four markets.
  const insert = (count: number, campaign: ReturnType<typeof sql>) => sql`
    insert into audit_events (at, actor_id, actor_name, action, entity_type, entity_id, campaign_id,
                              market_code, entity_label, before, after)
    select now() - make_interval(secs => ${count} - n), p.id, p.name,
           (${actions})[n % ${ACTIONS.length} + 1], (${types})[n % ${ACTIONS.length} + 1],
           gen_random_uuid()::text, ${campaign},
           case when n % 5 = 0 then null else (${markets})[n % 4 + 1] end,
           'Bench entity ' || (n % 997),
           jsonb_build_object('v', 1, 'status', 'todo'), jsonb_build_object('v', 1, 'status', 'done', 'n', n)
    from generate_series(1, ${count}) as n
    join users p on p.email = 'person' || (n % 20 + 1) || '@bench.example'`;
  const [target] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.name, 'Audit bench 0'));
  const id = target!.id;
  // Noise first (older), then the campaign's events interleaved with more noise, so its rows are
  // spread over the whole id range as in a busy workspace.
  const half = Math.floor(NOISE / 2);
  await db.execute(insert(half, sql`(select id from campaigns where name = 'Audit bench ' || (n % 4 + 1))`));
  await db.execute(insert(EVENTS, sql`${id}::uuid`));
  await db.execute(
    insert(NOISE - half, sql`(select id from campaigns where name = 'Audit bench ' || (n % 4 + 1))`),
  );
  await db.execute(sql`analyze audit_events`);
  return { campaignId: id };
}

async function timed(n: number, request: () => Promise<{ status: number }>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await request();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await request();
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`explorer request failed: ${res.status}`);
  }
  return times;
}

async function runOn(kind: 'pglite' | 'postgres', databaseUrl?: string): Promise<Figure[]> {
  const dataDir = tempDir('tandem-bench-audit-');
  const pg = databaseUrl ? await freshPostgresDatabase(databaseUrl, 'tandem_bench_audit') : undefined;
  let database: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    database = await openDatabase({ dataDir, databaseUrl: pg?.url });
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', dataDir, databaseUrl: pg?.url };
    app = await buildApp({ config, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const owner = await createOwner(base);
    const seedStart = performance.now();
    const { campaignId } = await seed(database, owner.email);
    log(`${kind}: seeded ${EVENTS + NOISE} audit events in ${Math.round(performance.now() - seedStart)} ms`);

    // A market lead of RU (scoped reads), signed in through the API like anyone.
    const invite = await api<{ token: string }>(base, 'POST', '/api/invites', {
      token: owner.token,
      body: { email: 'lead@bench.example', role: 'market_lead', marketCodes: ['RU'] },
    });
    const inviteToken = invite.body.token;
    const lead = await api(base, 'POST', '/api/auth/register', {
      body: {
        email: 'lead@bench.example',
        password: 'bench-password-1234',
        name: 'Bench Lead',
        locale: 'en',
        timeZone: 'Europe/Moscow',
        inviteToken,
      },
    });
    const leadCookie = lead.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('tandem_session='));

    const first = `/api/audit?campaignId=${campaignId}&marketCode=RU&limit=50`;
    const admin = await timed(REQUESTS, () => api(base, 'GET', first, { token: owner.token }));
    const scoped = leadCookie
      ? await timed(REQUESTS, () => api(base, 'GET', first, { cookie: leadCookie }))
      : [];
    const page = await api<{ nextCursor: string }>(base, 'GET', first, { token: owner.token });
    const next = await timed(REQUESTS, () =>
      api(base, 'GET', `${first}&cursor=${page.body.nextCursor}`, { token: owner.token }),
    );
    const byAction = await timed(REQUESTS, () =>
      api(base, 'GET', `/api/audit?campaignId=${campaignId}&action=agreement.signed&limit=50`, {
        token: owner.token,
      }),
    );
    const facets = await timed(20, () =>
      api(base, 'GET', `/api/audit/facets?campaignId=${campaignId}`, { token: owner.token }),
    );
    const csvStart = performance.now();
    const csv = await api<string>(
      base,
      'GET',
      `/api/audit/export.csv?campaignId=${campaignId}&marketCode=RU`,
      {
        token: owner.token,
      },
    );
    const csvMs = performance.now() - csvStart;
    const csvRows = typeof csv.body === 'string' ? csv.body.split('\n').length - 2 : 0;

    const target = { op: '<' as const, value: 100 };
    const figures: Figure[] = [
      {
        metric: `${kind}: first page, campaign + market (admin) p50`,
        value: percentile(admin, 50),
        unit: 'ms',
        target,
      },
      {
        metric: `${kind}: first page, campaign + market (admin) p99`,
        value: percentile(admin, 99),
        unit: 'ms',
      },
      { metric: `${kind}: next page by cursor p50`, value: percentile(next, 50), unit: 'ms' },
      { metric: `${kind}: campaign + one action p50`, value: percentile(byAction, 50), unit: 'ms' },
      { metric: `${kind}: facets of the campaign p50`, value: percentile(facets, 50), unit: 'ms' },
      { metric: `${kind}: CSV export, campaign + market (${csvRows} rows)`, value: csvMs, unit: 'ms' },
    ];
    if (scoped.length) {
      figures.splice(
        2,
        0,
        {
          metric: `${kind}: first page, campaign + market (RU lead) p50`,
          value: percentile(scoped, 50),
          unit: 'ms',
          target,
        },
        {
          metric: `${kind}: first page, campaign + market (RU lead) p99`,
          value: percentile(scoped, 99),
          unit: 'ms',
        },
      );
    }
    return figures;
  } finally {
    await app?.close();
    await database?.close();
    await pg?.drop();
    fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'audit-explorer',
  description: `${EVENTS.toLocaleString('en-US')} audit events in a campaign (+${NOISE.toLocaleString('en-US')} noise): the explorer's first page by campaign and market`,
  async run() {
    const figures = await runOn('pglite');
    const base = process.env.DATABASE_URL;
    if (base) figures.push(...(await runOn('postgres', base)));
    return {
      figures,
      notes: [
        `${REQUESTS} sequential requests each after ${WARMUP} warm-up ones, 50 events a page, over HTTP to the app in this process`,
        base
          ? 'PGlite, then PostgreSQL (DATABASE_URL)'
          : 'PGlite only: set DATABASE_URL to measure PostgreSQL too',
      ],
    };
  },
};

export default benchmark;
