// Workloads W1–W4 of issue 14, as its table defines them, so every later change can be compared:
//   W1  create 10,000 tasks at 16 concurrent connections: creates/s, server-process CPU per create
//   W2  open a 10k-task board, first screen (5 columns × 200, as the web app asks for them):
//       p50 and bytes on the wire with Accept-Encoding: br, gzip
//   W2-full  all 10,000 tasks (the list paged at its largest page, 500), and the CSV export
//   W3  5,000 status moves at 16 connections: moves/s, server CPU per move
//   W4  one write seen by 50 subscribed SSE clients: p50/p99 from the write sent to the event read
// and, in the same run, the raw database's own single-row INSERT transaction rate (PGlite in this
// process with fsync on, as the server opens it; PostgreSQL through the `postgres` package when
// DATABASE_URL is set) with the ratio creates ÷ raw.
//
// BENCH_SCALE (default 1) scales the task, move and sample counts, e.g. BENCH_SCALE=0.1 for a quick
// try. BENCH_W4_CLIENTS sets the number of SSE clients (default 50; the issue also asks for 500).
// Server CPU is read from /proc/<pid>/stat: on PGlite the database runs inside that process; on
// PostgreSQL the backends are other processes and are not counted (Node CPU only).
import fs from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { api, createOwner } from './lib/api.ts';
import { freshPostgresDatabase, HttpClient, percentile } from './lib/http.ts';
import { random } from './lib/measurement.ts';
import { type Benchmark, type Figure, log } from './lib/report.ts';
import { cpuTimeMs, type RunningServer, startServer, tempDir } from './lib/server.ts';
import { measureSseDelivery } from './lib/sse-delivery.ts';
import { trackerTeam } from './lib/tracker.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const SCALE = env('BENCH_SCALE', 1);
const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));
const TASK_COUNT = scaled(10_000, 100);
const CONNECTIONS = 16;
const MOVES = Math.min(scaled(5_000, 50), TASK_COUNT);
const BOARD_COLUMN_PAGE = 200; // BOARD_PAGE_SIZE in src/web/api/tracker.ts
const FULL_PAGE = 500; // the API's largest page
const BOARD_SAMPLES = scaled(30, 5);
const FULL_SAMPLES = scaled(10, 3);
const WARMUP = 3;
const SSE_CLIENTS = env('BENCH_W4_CLIENTS', 50);
const SSE_WRITES = scaled(30, 5);
const SSE_SPACING_MS = 100;
const SSE_GRACE_MS = 3_000;
const RAW_SECONDS = Math.max(1, 5 * Math.min(1, SCALE));
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

const STATUSES = ['todo', 'in_progress', 'blocked', 'in_review', 'done'] as const;
type Status = (typeof STATUSES)[number];
const VERBS = ['Draft', 'Review', 'Approve', 'Translate', 'Schedule', 'Negotiate', 'Brief', 'Edit'];
const OBJECTS = [
  'creator shortlist',
  'unboxing video',
  'story sequence',
  'landing page copy',
  'promo code',
  'usage rights',
  'contract',
  'moodboard',
  'caption set',
  'reel script',
];
const LABELS = ['video', 'legal', 'design', 'urgent', 'paid', 'organic', 'localisation', 'finance'];

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : String(n));

/** Runs `count` jobs on `workers` concurrent loops. */
async function inParallel(count: number, workers: number, job: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < count; i = next++) await job(i);
    }),
  );
}

// --- A GET that asks for compression and counts the bytes on the wire --------------------------

interface WireResponse {
  status: number;
  /** Status line, headers and body as received (before decoding). */
  wireBytes: number;
  /** The decoded body. */
  body: string;
  encoding: string;
}

function wireGet(agent: http.Agent, baseUrl: string, token: string, pathAndQuery: string) {
  const url = new URL(baseUrl);
  return new Promise<WireResponse>((resolve, reject) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: pathAndQuery,
        agent,
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            headerBytes += res.rawHeaders[i]!.length + 2 + res.rawHeaders[i + 1]!.length + 2;
          const encoding = res.headers['content-encoding'] ?? 'identity';
          try {
            const decoded =
              encoding === 'br'
                ? zlib.brotliDecompressSync(wire)
                : encoding === 'gzip'
                  ? zlib.gunzipSync(wire)
                  : wire;
            resolve({
              status: res.statusCode ?? 0,
              wireBytes: headerBytes + wire.length,
              body: decoded.toString('utf8'),
              encoding,
            });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

// --- The raw database: single-row INSERT transactions ------------------------------------------

const RAW_TABLE = `create table raw_tasks (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null,
  number integer not null,
  title text not null,
  description text not null default '',
  owner_id uuid not null,
  market_code text,
  status text not null default 'todo',
  due_at timestamptz,
  labels text[] not null default '{}',
  rank double precision not null,
  version integer not null default 1,
  created_at timestamptz not null default now()
)`;
const RAW_INSERT =
  'insert into raw_tasks (campaign_id, number, title, description, owner_id, market_code, status, due_at, labels, rank) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';
const CAMPAIGN = '00000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-000000000002';
const rawRow = (i: number) => [
  CAMPAIGN,
  i,
  `Review unboxing video ${i}`,
  'Check with the market lead before sign-off.',
  OWNER,
  'US',
  'todo',
  new Date().toISOString(),
  ['video', 'urgent'],
  i,
];

/** Inserts on `connections` loops for RAW_SECONDS; each INSERT is its own transaction. */
async function rawRate(connections: number, insert: (i: number) => Promise<unknown>): Promise<number> {
  let n = 0;
  for (let i = 0; i < 50; i++) await insert(n++); // warm-up
  const start = performance.now();
  const deadline = start + RAW_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await insert(n++);
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

/** CPU of this process per raw PGlite transaction in the last pgliteRawRate (the database alone). */
let pgliteRawCpuMs = Number.NaN;

/** PGlite in this process, opened as the server opens it (src/server/db/index.ts: fsync on). */
async function pgliteRawRate(): Promise<number> {
  const dir = path.join(tempDir('tandem-bench-raw-'), 'pglite');
  const db = await PGlite.create(dir, {
    startParams: [
      ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
      '-c',
      'shared_buffers=16MB',
    ],
  });
  try {
    await db.query(RAW_TABLE);
    let done = 0;
    const cpu = process.cpuUsage();
    const rate = await rawRate(1, (i) => {
      done++;
      return db.query(RAW_INSERT, rawRow(i));
    });
    const used = process.cpuUsage(cpu);
    pgliteRawCpuMs = (used.user + used.system) / 1000 / done;
    return rate;
  } finally {
    await db.close();
  }
}

async function postgresRawRate(url: string, connections: number): Promise<number> {
  const fresh = await freshPostgresDatabase(url, 'tandem_bench_raw');
  const sql = postgres(fresh.url, { max: connections, onnotice: () => {} });
  try {
    await sql.unsafe(RAW_TABLE);
    return await rawRate(connections, (i) => sql.unsafe(RAW_INSERT, rawRow(i) as never[], { prepare: true }));
  } finally {
    await sql.end({ timeout: 5 });
    await fresh.drop().catch((e: Error) => log(`could not drop ${fresh.name}: ${e.message}`));
  }
}

// --- The run -----------------------------------------------------------------------------------

interface TaskState {
  id: string;
  version: number;
  status: Status;
}

interface TaskPage {
  tasks: Array<{ id: string }>;
  nextCursor: string | null;
}

const workloads: Benchmark = {
  name: 'workloads',
  description: `issue 14's W1–W4 on ${TASK_COUNT.toLocaleString('en-US')} tasks (BENCH_SCALE=${SCALE}), beside the raw database's INSERT rate`,
  async run() {
    const figures: Figure[] = [];
    const notes: string[] = [];
    const dataDir = path.join(tempDir(), 'data');
    // Every statement the server sends, one line each: statements per create and per move.
    const statementLog = path.join(path.dirname(dataDir), 'statements.log');
    const serverEnv: Record<string, string> = { LOG_LEVEL, TANDEM_SQL_LOG: statementLog };
    const statementsSoFar = () => (fs.existsSync(statementLog) ? countLines(statementLog) : 0);
    const databaseUrl = process.env.DATABASE_URL;
    let server: RunningServer | undefined;
    let client: HttpClient | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 }); // a browser's per-host limit
    try {
      // 0. The raw database first, on a quiet machine (no server running yet).
      let raw: number;
      if (databaseUrl) {
        const single = await postgresRawRate(databaseUrl, 1);
        raw = await postgresRawRate(databaseUrl, CONNECTIONS);
        log(`raw PostgreSQL: ${fmt(single)} INSERT tx/s on 1 connection, ${fmt(raw)} on ${CONNECTIONS}`);
        figures.push({
          metric: 'raw PostgreSQL single-row INSERT transactions, 1 connection',
          value: single,
          unit: 'tx/s',
          note: `postgres package, prepared, ${RAW_SECONDS} s`,
        });
        figures.push({
          metric: `raw PostgreSQL single-row INSERT transactions, ${CONNECTIONS} connections`,
          value: raw,
          unit: 'tx/s',
          note: 'the rate W1 is compared with',
        });
        const fresh = await freshPostgresDatabase(databaseUrl, 'tandem_bench_workloads');
        serverEnv.DATABASE_URL = fresh.url;
        if (!process.env.BENCH_KEEP_DB) dropDatabase = fresh.drop;
        notes.push(
          `database: PostgreSQL, fresh database ${fresh.name}; pool size ${process.env.DATABASE_POOL_SIZE ?? 'server default'}; server CPU figures count the Node process only`,
        );
      } else {
        raw = await pgliteRawRate();
        log(`raw PGlite: ${fmt(raw)} INSERT tx/s`);
        figures.push({
          metric: 'raw PGlite single-row INSERT transactions (in-process, fsync on)',
          value: raw,
          unit: 'tx/s',
          note: `one connection (PGlite has one), ${RAW_SECONDS} s, a tasks-shaped table`,
        });
        figures.push({
          metric: 'raw PGlite CPU per single-row INSERT transaction',
          value: pgliteRawCpuMs,
          unit: 'ms',
          note: 'the floor under one statement of a write on PGlite',
        });
        notes.push('database: PGlite (fresh data directory, fsync on); server CPU includes the database');
      }

      // A busy machine can take a while to create and migrate a fresh database.
      server = await startServer({ dataDir, env: serverEnv, timeoutMs: 300_000 });
      const live = server;
      const health = await api<{ database?: string }>(live.baseUrl, 'GET', '/api/health');
      log(`server up in ${live.readyMs.toFixed(0)} ms (database: ${health.body?.database})`);

      // Set-up: owner, campaign, three members to own tasks.
      const owner = await createOwner(live.baseUrl);
      client = new HttpClient(live.baseUrl, owner.token, 64);
      const httpClient = client;
      const { campaignId, ownerIds } = await trackerTeam(live.baseUrl, httpClient, 'Workloads launch');
      const base = `/api/campaigns/${campaignId}`;

      // W1: creates at 16 connections.
      const rand = random(14);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
      const now = Date.now();
      const day = 86_400_000;
      const bodies = Array.from({ length: TASK_COUNT }, (_, i) => {
        const market = rand() < 0.4 ? 'RU' : rand() < 0.67 ? 'US' : undefined;
        const labels = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(LABELS)))];
        return {
          title: `${pick(VERBS)} ${OBJECTS[i % OBJECTS.length]}${market ? ` (${market})` : ''} ${i + 1}`,
          ...(rand() < 0.5 ? { description: 'Check with the market lead before sign-off.' } : {}),
          ownerId: ownerIds[i % ownerIds.length]!,
          ...(market ? { marketCode: market } : {}),
          status: STATUSES[i % STATUSES.length]!,
          ...(rand() < 0.15
            ? {}
            : { dueAt: new Date(now - 20 * day + Math.floor(rand() * 60 * day)).toISOString() }),
          ...(labels.length ? { labels } : {}),
        };
      });
      const tasks: TaskState[] = new Array(TASK_COUNT);
      const createMs: number[] = [];
      let lastReport = performance.now();
      const cpuBeforeCreates = cpuTimeMs(live.pid);
      const statementsBeforeCreates = statementsSoFar();
      const createStart = performance.now();
      // A request that fails at the socket (cut by the server or the machine) is counted, not fatal.
      const createFailures: string[] = [];
      await inParallel(TASK_COUNT, CONNECTIONS, async (i) => {
        const t0 = performance.now();
        const res = await httpClient.request('POST', `${base}/tasks`, bodies[i]).catch((error: Error) => {
          createFailures.push(`${error.message} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          return undefined;
        });
        if (!res) return;
        if (res.status !== 201) throw new Error(`create task ${i}: ${res.status} ${res.body.slice(0, 300)}`);
        createMs.push(res.ms);
        const task = JSON.parse(res.body) as TaskState;
        tasks[i] = { id: task.id, version: task.version, status: task.status };
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          log(`W1: ${createMs.length}/${TASK_COUNT} created`);
        }
      });
      const createSeconds = (performance.now() - createStart) / 1000;
      const createCpu = cpuTimeMs(live.pid) - cpuBeforeCreates;
      const created = tasks.filter(Boolean);
      figures.push({
        metric: 'W1 statements per create (inside its transaction)',
        value: (statementsSoFar() - statementsBeforeCreates) / Math.max(1, created.length),
        unit: 'statements',
        note: 'counted from TANDEM_SQL_LOG; BEGIN and COMMIT not included',
      });
      const createsPerSecond = created.length / createSeconds;
      log(`W1: ${fmt(createsPerSecond)} creates/s, ${fmt(createCpu / created.length)} ms CPU per create`);
      if (createFailures.length)
        log(`W1: ${createFailures.length} failed: ${createFailures.slice(0, 3).join('; ')}`);
      figures.push({
        metric: `W1 create ${TASK_COUNT.toLocaleString('en-US')} tasks at ${CONNECTIONS} connections`,
        value: createsPerSecond,
        unit: 'creates/s',
        note: `${created.length} created in ${createSeconds.toFixed(1)} s; POST p50 ${fmt(percentile(createMs, 50))} ms, p99 ${fmt(percentile(createMs, 99))} ms, max ${fmt(Math.max(...createMs))} ms${createFailures.length ? `; ${createFailures.length} failed at the socket (${createFailures[0]})` : ''}`,
      });
      figures.push({
        metric: 'W1 server-process CPU per create',
        value: createCpu / created.length,
        unit: 'ms',
        target: { op: '<', value: databaseUrl ? 0.7 : 2 },
        note: `server at ${((createCpu / 1000 / createSeconds) * 100).toFixed(0)} % of one CPU`,
      });
      // The raw rate again, right after W1 (the server idle): on a shared machine the two bracket it.
      const rawAfter = databaseUrl ? await postgresRawRate(databaseUrl, CONNECTIONS) : await pgliteRawRate();
      log(`raw rate after W1: ${fmt(rawAfter)} INSERT tx/s`);
      const rawMean = (raw + rawAfter) / 2;
      figures.push({
        metric: `W1 creates ÷ raw ${databaseUrl ? 'PostgreSQL' : 'PGlite'} INSERT transactions`,
        value: (createsPerSecond / rawMean) * 100,
        unit: '%',
        target: { op: '>', value: 25 },
        note: `${fmt(createsPerSecond)} ÷ ${fmt(rawMean)} per second (raw before W1 ${fmt(raw)}, after ${fmt(rawAfter)})`,
      });

      // W2: the board's first screen, five columns of 200 asked for at once, as the web app does.
      const boardOnce = async () => {
        const t0 = performance.now();
        const pages = await Promise.all(
          STATUSES.map((status) =>
            wireGet(
              agent,
              live.baseUrl,
              owner.token,
              `${base}/tasks?status=${status}&sort=board&limit=${BOARD_COLUMN_PAGE}`,
            ),
          ),
        );
        const ms = performance.now() - t0;
        for (const page of pages) if (page.status !== 200) throw new Error(`board column: ${page.status}`);
        return {
          ms,
          wire: pages.reduce((sum, p) => sum + p.wireBytes, 0),
          decoded: pages.reduce((sum, p) => sum + Buffer.byteLength(p.body), 0),
          cards: pages.reduce((sum, p) => sum + (JSON.parse(p.body) as TaskPage).tasks.length, 0),
          encodings: [...new Set(pages.map((p) => p.encoding))].join(','),
        };
      };
      for (let i = 0; i < WARMUP; i++) await boardOnce();
      const board: Array<Awaited<ReturnType<typeof boardOnce>>> = [];
      for (let i = 0; i < BOARD_SAMPLES; i++) board.push(await boardOnce());
      const boardMs = board.map((b) => b.ms);
      const screen = board[0]!;
      log(`W2: p50 ${fmt(percentile(boardMs, 50))} ms, ${(screen.wire / 1024).toFixed(0)} KB on the wire`);
      figures.push({
        metric: `W2 board first screen (5 columns × ${BOARD_COLUMN_PAGE}) p50`,
        value: percentile(boardMs, 50),
        unit: 'ms',
        note: `${BOARD_SAMPLES} opens, 5 requests at once on ≤ 6 keep-alive connections; p99 ${fmt(percentile(boardMs, 99))} ms`,
      });
      figures.push({
        metric: 'W2 board first screen on the wire',
        value: screen.wire / 1024,
        unit: 'KB',
        target: { op: '<', value: 100 },
        note: `${screen.cards} cards, ${screen.encodings}; ${(screen.decoded / 1024).toFixed(0)} KB of JSON decoded`,
      });

      // W2-full: all the tasks, the list paged at 500, and the CSV export.
      const fullOnce = async () => {
        const t0 = performance.now();
        let cursor: string | null = null;
        let wire = 0;
        let decoded = 0;
        let count = 0;
        do {
          const page: WireResponse = await wireGet(
            agent,
            live.baseUrl,
            owner.token,
            `${base}/tasks?sort=board&limit=${FULL_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          if (page.status !== 200)
            throw new Error(`full board page: ${page.status} ${page.body.slice(0, 200)}`);
          const parsed = JSON.parse(page.body) as TaskPage;
          wire += page.wireBytes;
          decoded += Buffer.byteLength(page.body);
          count += parsed.tasks.length;
          cursor = parsed.nextCursor;
        } while (cursor);
        return { ms: performance.now() - t0, wire, decoded, count };
      };
      await fullOnce();
      const full: Array<Awaited<ReturnType<typeof fullOnce>>> = [];
      for (let i = 0; i < FULL_SAMPLES; i++) full.push(await fullOnce());
      const fullMs = full.map((f) => f.ms);
      log(`W2-full: p50 ${fmt(percentile(fullMs, 50))} ms, ${(full[0]!.wire / 1024 / 1024).toFixed(2)} MB`);
      figures.push({
        metric: `W2-full all ${full[0]!.count.toLocaleString('en-US')} tasks (pages of ${FULL_PAGE}) p50`,
        value: percentile(fullMs, 50),
        unit: 'ms',
        target: databaseUrl ? { op: '<', value: 250 } : undefined,
        note: `${Math.ceil(full[0]!.count / FULL_PAGE)} sequential pages, ${FULL_SAMPLES} runs; ${(full[0]!.wire / 1024 / 1024).toFixed(2)} MB on the wire, ${(full[0]!.decoded / 1024 / 1024).toFixed(2)} MB decoded`,
      });
      const csvMs: number[] = [];
      let csv: WireResponse | undefined;
      for (let i = 0; i < FULL_SAMPLES + 1; i++) {
        const t0 = performance.now();
        csv = await wireGet(agent, live.baseUrl, owner.token, `${base}/tasks.csv?sort=number`);
        if (csv.status !== 200) throw new Error(`tasks.csv: ${csv.status}`);
        if (i > 0) csvMs.push(performance.now() - t0);
      }
      figures.push({
        metric: 'W2-full tasks.csv export p50',
        value: percentile(csvMs, 50),
        unit: 'ms',
        note: `${csv!.body.split('\n').length - 2} rows; ${(csv!.wireBytes / 1024).toFixed(0)} KB on the wire (${csv!.encoding}), ${(Buffer.byteLength(csv!.body) / 1024).toFixed(0)} KB decoded`,
      });

      // W3: status moves at 16 connections, each task moved once (no two moves of one task race).
      const moveMs: number[] = [];
      const moveCodes = new Map<number, number>();
      const cpuBeforeMoves = cpuTimeMs(live.pid);
      const statementsBeforeMoves = statementsSoFar();
      const moveStart = performance.now();
      const moveFailures: string[] = [];
      await inParallel(Math.min(MOVES, created.length), CONNECTIONS, async (i) => {
        const task = created[i]!;
        const status = STATUSES[(STATUSES.indexOf(task.status) + 1) % STATUSES.length]!;
        const res = await httpClient
          .request('PATCH', `/api/tasks/${task.id}`, { version: task.version, status })
          .catch((error: Error) => {
            moveFailures.push(error.message);
            return undefined;
          });
        if (!res) return;
        moveMs.push(res.ms);
        moveCodes.set(res.status, (moveCodes.get(res.status) ?? 0) + 1);
        if (res.status === 200) {
          const body = JSON.parse(res.body) as TaskState;
          task.version = body.version;
          task.status = body.status;
        }
      });
      const moveSeconds = (performance.now() - moveStart) / 1000;
      const moveCpu = cpuTimeMs(live.pid) - cpuBeforeMoves;
      const moved = moveCodes.get(200) ?? 0;
      figures.push({
        metric: 'W3 statements per move (inside its transaction)',
        value: (statementsSoFar() - statementsBeforeMoves) / Math.max(1, moved),
        unit: 'statements',
        note: 'counted from TANDEM_SQL_LOG; BEGIN and COMMIT not included',
      });
      const otherCodes = [...moveCodes].filter(([code]) => code !== 200);
      log(`W3: ${fmt(moved / moveSeconds)} moves/s, ${fmt(moveCpu / Math.max(1, moved))} ms CPU per move`);
      figures.push({
        metric: `W3 ${MOVES.toLocaleString('en-US')} status moves at ${CONNECTIONS} connections`,
        value: moved / moveSeconds,
        unit: 'moves/s',
        note: `${moveSeconds.toFixed(1)} s; PATCH p50 ${fmt(percentile(moveMs, 50))} ms, p99 ${fmt(percentile(moveMs, 99))} ms${otherCodes.length ? `; non-200: ${otherCodes.map(([c, n]) => `${c}×${n}`).join(' ')}` : ''}${moveFailures.length ? `; ${moveFailures.length} failed at the socket` : ''}`,
      });
      figures.push({
        metric: 'W3 server-process CPU per move',
        value: moved ? moveCpu / moved : null,
        unit: 'ms',
        target: { op: '<', value: databaseUrl ? 0.7 : 1.5 },
        note: `server at ${((moveCpu / 1000 / moveSeconds) * 100).toFixed(0)} % of one CPU`,
      });

      // W4: one write seen by N subscribed clients.
      const sse = await measureSseDelivery({
        streamUrl: `${live.baseUrl}${base}/events`,
        token: owner.token,
        clients: SSE_CLIENTS,
        writes: SSE_WRITES,
        spacingMs: SSE_SPACING_MS,
        graceMs: SSE_GRACE_MS,
        async write(w, sent) {
          const task = created[(MOVES + w) % created.length]!;
          const status = STATUSES[(STATUSES.indexOf(task.status) + 1) % STATUSES.length]!;
          sent(task.id);
          const res = await httpClient.request('PATCH', `/api/tasks/${task.id}`, {
            version: task.version,
            status,
          });
          if (res.status !== 200) return null;
          const body = JSON.parse(res.body) as TaskState;
          task.version = body.version;
          task.status = body.status;
          return { entityId: task.id, ms: res.ms };
        },
      });
      const { deliveries, expected } = sse;
      log(
        `W4: ${deliveries.length}/${expected} deliveries, p50 ${fmt(percentile(deliveries, 50))} ms, p99 ${fmt(percentile(deliveries, 99))} ms`,
      );
      figures.push({
        metric: `W4 one write seen by ${SSE_CLIENTS} SSE clients, p50`,
        value: percentile(deliveries, 50),
        unit: 'ms',
        note: `${sse.committedWrites} writes ${SSE_SPACING_MS} ms apart; from the PATCH sent to the event read`,
      });
      figures.push({
        metric: `W4 one write seen by ${SSE_CLIENTS} SSE clients, p99`,
        value: percentile(deliveries, 99),
        unit: 'ms',
        target: { op: '<', value: SSE_CLIENTS > 50 ? 200 : 50 },
        note: `${expected - deliveries.length} of ${expected} deliveries missed`,
      });

      figures.push({ metric: 'server RSS at the end', value: live.rssMb(), unit: 'MB' });
      notes.push(
        `server LOG_LEVEL=${LOG_LEVEL}; load generator in this process on the same machine (${availableParallelism()} CPUs)`,
        `tasks: ${TASK_COUNT}, statuses in turn (a fifth per column), 4 owners, RU 40 % / US 40 % / none 20 %, 85 % with a due date, 0-3 labels`,
      );
      return { figures, notes };
    } catch (error) {
      if (server) process.stderr.write(`\n--- server log (tail) ---\n${server.logTail()}\n---\n`);
      throw error;
    } finally {
      agent.destroy();
      client?.close();
      if (server) await server.stop(5000);
      if (dropDatabase)
        await dropDatabase().catch((e: Error) => log(`could not drop the database: ${e.message}`));
    }
  },
};

export default workloads;

function countLines(file: string): number {
  const bytes = fs.readFileSync(file);
  let lines = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}
