// Tasks (issue 4): a campaign with 10,000 tasks; board/list and filtered queries, status updates
// (sequential and concurrent) and realtime delivery of those updates to 200 SSE clients.
//
// Runs on PGlite (a fresh data directory) unless DATABASE_URL is set, in which case a fresh
// database is created on that server for the run and dropped afterwards (BENCH_KEEP_DB=1 keeps it).
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
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

const TASK_COUNT = env('BENCH_TASKS', 10_000);
const SEED_CONCURRENCY = env('BENCH_SEED_CONCURRENCY', 8);
const QUERY_REQUESTS = env('BENCH_QUERY_REQUESTS', 200);
const QUERY_WARMUP = 20;
const SEQUENTIAL_UPDATES = env('BENCH_SEQUENTIAL_UPDATES', 200);
const UPDATE_CONNECTIONS = env('BENCH_UPDATE_CONNECTIONS', 16);
const UPDATE_SECONDS = env('BENCH_UPDATE_SECONDS', 10);
const SSE_CLIENTS = env('BENCH_SSE_CLIENTS', 200);
const SSE_UPDATES = env('BENCH_SSE_UPDATES', 50);
const SSE_SPACING_MS = env('BENCH_SSE_SPACING_MS', 50);
const SSE_GRACE_MS = 3000;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL;

const STATUSES = ['todo', 'in_progress', 'blocked', 'in_review', 'done'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_WEIGHTS: Array<[Status, number]> = [
  ['todo', 30],
  ['in_progress', 25],
  ['blocked', 10],
  ['in_review', 15],
  ['done', 20],
];
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
  'giveaway rules',
  'tracking links',
  'press kit',
  'thumbnail',
  'product seeding',
  'payment schedule',
  'legal disclaimer',
  'livestream plan',
  'brand safety check',
  'post-campaign report',
];
const LABELS = ['video', 'legal', 'design', 'urgent', 'paid', 'organic', 'localisation', 'finance'];
/** In one title in twenty (OBJECTS has twenty entries), never in the descriptions. */
const SEARCH_WORD = 'unboxing';

interface TaskState {
  id: string;
  version: number;
  status: Status;
}

interface TaskBody {
  id: string;
  version: number;
  status: Status;
}

const round = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : String(n));

/** A different status than the current one (every update moves the card to another column). */
const nextStatus = (status: Status): Status => STATUSES[(STATUSES.indexOf(status) + 1) % STATUSES.length]!;

function latencyFigures(
  label: string,
  samples: number[],
  target: number | undefined,
  note: string,
  figures: Figure[],
): void {
  figures.push({
    metric: `${label} p50`,
    value: percentile(samples, 50),
    unit: 'ms',
    ...(target ? { target: { op: '<' as const, value: target } } : {}),
    note,
  });
  figures.push({ metric: `${label} p99`, value: percentile(samples, 99), unit: 'ms' });
}

const tasksBenchmark: Benchmark = {
  name: 'tasks',
  description: `${TASK_COUNT.toLocaleString('en-US')} tasks: seeding, board/list/filter queries, status updates, SSE delivery to ${SSE_CLIENTS} clients`,
  async run() {
    const figures: Figure[] = [];
    const notes: string[] = [];
    const dataDir = path.join(tempDir(), 'data');
    const serverEnv: Record<string, string> = LOG_LEVEL ? { LOG_LEVEL } : {};
    let server: RunningServer | undefined;
    let client: HttpClient | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;
    try {
      if (process.env.DATABASE_URL) {
        const fresh = await freshPostgresDatabase(process.env.DATABASE_URL, 'tandem_bench_tasks');
        serverEnv.DATABASE_URL = fresh.url;
        if (!process.env.BENCH_KEEP_DB) dropDatabase = fresh.drop;
        log(`PostgreSQL: fresh database ${fresh.name}`);
        notes.push(
          `database: PostgreSQL, fresh database ${fresh.name} (${process.env.BENCH_KEEP_DB ? 'kept' : 'dropped after the run'}); pool size ${process.env.DATABASE_POOL_SIZE ?? 'server default'}`,
        );
      } else {
        notes.push('database: PGlite (fresh data directory, fsync on)');
      }

      server = await startServer({ dataDir, env: serverEnv });
      const live = server;
      const health = await api<{ database?: string }>(live.baseUrl, 'GET', '/api/health');
      log(`server up in ${live.readyMs.toFixed(0)} ms (database: ${health.body?.database})`);
      const peakAtStart = live.peakRssMb();
      // Reset the kernel's high-water mark so that the run's peak is not the start-up one.
      let hwmReset = true;
      try {
        fs.writeFileSync(`/proc/${live.pid}/clear_refs`, '5');
      } catch {
        hwmReset = false;
      }

      // 1. Set-up: owner, campaign, three invited members.
      const owner = await createOwner(live.baseUrl);
      client = new HttpClient(live.baseUrl, owner.token, 64);
      const http = client;
      const { campaignId, ownerIds } = await trackerTeam(live.baseUrl, http, 'Bench launch');
      const base = `/api/campaigns/${campaignId}`;

      // Seeding.
      const rand = random(42);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
      const pickStatus = (): Status => {
        let r = rand() * 100;
        for (const [status, weight] of STATUS_WEIGHTS) {
          r -= weight;
          if (r < 0) return status;
        }
        return 'todo';
      };
      const now = Date.now();
      const day = 86_400_000;
      const bodies = Array.from({ length: TASK_COUNT }, (_, i) => {
        const market = rand() < 0.4 ? 'RU' : rand() < 0.67 ? 'US' : undefined;
        const labels = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(LABELS)))];
        return {
          title: `${pick(VERBS)} ${OBJECTS[i % OBJECTS.length]}${market ? ` (${market})` : ''} ${i + 1}`,
          description: rand() < 0.5 ? 'Check with the market lead before sign-off.' : undefined,
          ownerId: ownerIds[i % ownerIds.length]!,
          ...(market ? { marketCode: market } : {}),
          status: pickStatus(),
          // 15 % without a due date; the others between 20 days ago and 40 days ahead.
          ...(rand() < 0.15
            ? {}
            : { dueAt: new Date(now - 20 * day + Math.floor(rand() * 60 * day)).toISOString() }),
          ...(labels.length ? { labels } : {}),
        };
      });
      const tasks: TaskState[] = new Array(TASK_COUNT);
      const seedLatencies: number[] = [];
      let nextSeed = 0;
      let lastReport = performance.now();
      const seedStart = performance.now();
      await Promise.all(
        Array.from({ length: SEED_CONCURRENCY }, async () => {
          for (let i = nextSeed++; i < TASK_COUNT; i = nextSeed++) {
            const res = await http.request('POST', `${base}/tasks`, bodies[i]);
            if (res.status !== 201)
              throw new Error(`create task ${i}: ${res.status} ${res.body.slice(0, 300)}`);
            seedLatencies.push(res.ms);
            const task = JSON.parse(res.body) as TaskBody;
            tasks[i] = { id: task.id, version: task.version, status: task.status };
            if (performance.now() - lastReport > 10_000) {
              lastReport = performance.now();
              const rate = seedLatencies.length / ((lastReport - seedStart) / 1000);
              log(`seeded ${seedLatencies.length}/${TASK_COUNT} (${rate.toFixed(0)} tasks/s)`);
            }
          }
        }),
      );
      const seedSeconds = (performance.now() - seedStart) / 1000;
      log(`seeded ${TASK_COUNT} tasks in ${seedSeconds.toFixed(1)} s`);
      figures.push({
        metric: `seed ${TASK_COUNT.toLocaleString('en-US')} tasks, ${SEED_CONCURRENCY} concurrent POSTs`,
        value: TASK_COUNT / seedSeconds,
        unit: 'tasks/s',
        note: `${seedSeconds.toFixed(1)} s; POST latency p50 ${round(percentile(seedLatencies, 50))} ms, p99 ${round(percentile(seedLatencies, 99))} ms`,
      });
      figures.push({ metric: 'server RSS after seeding', value: live.rssMb(), unit: 'MB' });

      // 2-3. Queries: sequential requests on one keep-alive connection.
      const query = async (label: string, pathAndQuery: string, target: number) => {
        const first = await http.json<{ tasks: unknown[]; nextCursor: string | null }>('GET', pathAndQuery);
        for (let i = 0; i < QUERY_WARMUP; i++) await http.request('GET', pathAndQuery);
        const samples: number[] = [];
        let failed = 0;
        for (let i = 0; i < QUERY_REQUESTS; i++) {
          const res = await http.request('GET', pathAndQuery);
          if (res.status !== 200) failed++;
          samples.push(res.ms);
        }
        log(`${label}: p50 ${round(percentile(samples, 50))} ms, p99 ${round(percentile(samples, 99))} ms`);
        latencyFigures(
          label,
          samples,
          target,
          `${first.tasks.length} rows${first.nextCursor ? ' + cursor' : ''}, ${QUERY_REQUESTS} seq.${failed ? `, ${failed} non-200` : ''}`,
          figures,
        );
      };
      const member = ownerIds[1]!;
      await query('board column ?status=todo&limit=50', `${base}/tasks?status=todo&limit=50`, 30);
      await query('list ?sort=due&limit=100', `${base}/tasks?limit=100&sort=due`, 30);
      await query(
        'filter owner+US+in_progress,blocked, sort=due',
        `${base}/tasks?ownerId=${member}&marketCode=US&status=in_progress,blocked&sort=due&limit=100`,
        50,
      );
      await query('filter ?overdue=true', `${base}/tasks?overdue=true`, 50);
      await query(`filter ?q=${SEARCH_WORD}`, `${base}/tasks?q=${SEARCH_WORD}`, 50);
      await query('filter ?label=urgent&sort=due', `${base}/tasks?label=urgent&sort=due`, 50);

      // 4. Status updates. Tasks are taken in turn; none is updated twice at the same time.
      let cursor = 0;
      const busy = new Set<number>();
      const takeTask = () => {
        for (;;) {
          const index = cursor++ % TASK_COUNT;
          if (!busy.has(index)) {
            busy.add(index);
            return index;
          }
        }
      };
      let conflicts = 0;
      const update = async (index: number) => {
        const task = tasks[index]!;
        const status = nextStatus(task.status);
        const res = await http.request('PATCH', `/api/tasks/${task.id}`, { version: task.version, status });
        if (res.status === 200) {
          const body = JSON.parse(res.body) as TaskBody;
          task.version = body.version;
          task.status = body.status;
        } else if (res.status === 409) {
          conflicts++;
          const current = await http.json<TaskBody>('GET', `/api/tasks/${task.id}`);
          task.version = current.version;
          task.status = current.status;
        }
        return res;
      };

      const sequential: number[] = [];
      const sequentialCodes = new Map<number, number>();
      for (let i = 0; i < SEQUENTIAL_UPDATES + QUERY_WARMUP; i++) {
        const index = takeTask();
        const res = await update(index);
        busy.delete(index);
        if (i < QUERY_WARMUP) continue;
        sequential.push(res.ms);
        sequentialCodes.set(res.status, (sequentialCodes.get(res.status) ?? 0) + 1);
      }
      const seqNon200 = [...sequentialCodes].filter(([code]) => code !== 200);
      log(`sequential PATCH: p50 ${round(percentile(sequential, 50))} ms`);
      latencyFigures(
        'PATCH /api/tasks/:id {version,status}, sequential',
        sequential,
        10,
        `${SEQUENTIAL_UPDATES} updates${seqNon200.length ? `; non-200: ${seqNon200.map(([c, n]) => `${c}×${n}`).join(' ')}` : ', all 200'}`,
        figures,
      );

      const concurrent: number[] = [];
      const codes = new Map<number, number>();
      let errors = 0;
      conflicts = 0;
      log(`PATCH: ${UPDATE_SECONDS} s at ${UPDATE_CONNECTIONS} concurrent connections`);
      const cpuBefore = cpuTimeMs(live.pid);
      const loadStart = performance.now();
      const deadline = loadStart + UPDATE_SECONDS * 1000;
      await Promise.all(
        Array.from({ length: UPDATE_CONNECTIONS }, async () => {
          while (performance.now() < deadline) {
            const index = takeTask();
            try {
              const res = await update(index);
              concurrent.push(res.ms);
              codes.set(res.status, (codes.get(res.status) ?? 0) + 1);
            } catch {
              errors++;
            } finally {
              busy.delete(index);
            }
          }
        }),
      );
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const serverCpuMs = cpuTimeMs(live.pid) - cpuBefore;
      const ok = codes.get(200) ?? 0;
      const non200 = [...codes].filter(([code]) => code !== 200);
      const non200Count = non200.reduce((sum, [, n]) => sum + n, 0) + errors;
      log(`concurrent PATCH: ${(ok / loadSeconds).toFixed(0)} updates/s`);
      figures.push({
        metric: `PATCH status, ${UPDATE_CONNECTIONS} conn, ${UPDATE_SECONDS} s`,
        value: ok / loadSeconds,
        unit: 'updates/s',
        target: { op: '>', value: 1000 },
        note: `${ok} × 200 in ${loadSeconds.toFixed(1)} s; ${non200Count ? `${non200Count} non-200 (${non200.map(([c, n]) => `${c}×${n}`).join(' ')}${errors ? ` ${errors} errors` : ''}; ${conflicts} re-read after 409)` : '0 non-200'}`,
      });
      latencyFigures(`PATCH status at ${UPDATE_CONNECTIONS} conn`, concurrent, undefined, '', figures);
      figures.push({
        metric: `server CPU per update at ${UPDATE_CONNECTIONS} conn`,
        value: ok ? serverCpuMs / ok : null,
        unit: 'ms',
        note: `server process at ${((serverCpuMs / 1000 / loadSeconds) * 100).toFixed(0)} % of one CPU${health.body?.database === 'postgres' ? ' (PostgreSQL backends not counted)' : ' (PGlite runs in it)'}`,
      });
      figures.push({
        metric: `PATCH status at ${UPDATE_CONNECTIONS} conn, non-200`,
        value: non200Count,
        unit: 'responses',
      });

      // 5. Realtime delivery to SSE clients.
      const sseCodes = new Map<number, number>();
      const sse = await measureSseDelivery({
        streamUrl: `${live.baseUrl}${base}/events`,
        token: owner.token,
        clients: SSE_CLIENTS,
        writes: SSE_UPDATES,
        spacingMs: SSE_SPACING_MS,
        graceMs: SSE_GRACE_MS,
        async write(_w, sent) {
          const index = takeTask();
          const task = tasks[index]!;
          sent(task.id);
          const res = await update(index);
          busy.delete(index);
          sseCodes.set(res.status, (sseCodes.get(res.status) ?? 0) + 1);
          return res.status === 200 ? { entityId: task.id, ms: res.ms } : null;
        },
        beforeClose: () =>
          figures.push({
            metric: `server RSS with ${SSE_CLIENTS} SSE streams`,
            value: live.rssMb(),
            unit: 'MB',
          }),
      });
      const { deliveries } = sse;
      log(`${SSE_CLIENTS} SSE streams open in ${sse.openMs.toFixed(0)} ms`);
      figures.push({
        metric: `open ${SSE_CLIENTS} SSE streams (all at once)`,
        value: sse.openMs,
        unit: 'ms',
      });
      log(
        `SSE: ${deliveries.length}/${sse.expected} deliveries, p50 ${round(percentile(deliveries, 50))} ms, p99 ${round(percentile(deliveries, 99))} ms`,
      );
      const ssNon200 = [...sseCodes].filter(([code]) => code !== 200);
      figures.push({
        metric: `SSE delivery p50 (PATCH sent → event read, ${SSE_CLIENTS} clients)`,
        value: percentile(deliveries, 50),
        unit: 'ms',
        note: `${sse.committedWrites} updates ${SSE_SPACING_MS} ms apart${ssNon200.length ? `; PATCH non-200: ${ssNon200.map(([c, n]) => `${c}×${n}`).join(' ')}` : ''}`,
      });
      figures.push({
        metric: 'SSE delivery p99',
        value: percentile(deliveries, 99),
        unit: 'ms',
        target: { op: '<', value: 100 },
        note: `max ${round(Math.max(...deliveries))} ms; PATCH itself p50 ${round(percentile(sse.writeMs, 50))} ms`,
      });
      figures.push({
        metric: 'SSE missed deliveries',
        value: sse.missed,
        unit: 'deliveries',
        note: `of ${sse.expected}${sse.duplicates ? `; ${sse.duplicates} duplicates` : ''}${sse.unparsable ? `; ${sse.unparsable} unparsable` : ''}`,
      });

      // 6. Memory.
      figures.push({
        metric: 'server peak RSS (VmHWM) during the workload',
        value: live.peakRssMb(),
        unit: 'MB',
        note: hwmReset
          ? `from the first request on (start-up peak, before: ${peakAtStart.toFixed(0)} MB)`
          : 'includes start-up (could not reset VmHWM)',
      });

      notes.push(
        `server LOG_LEVEL: ${LOG_LEVEL ?? 'unset (server default)'}; logs written to a file`,
        `load generator runs in this process on the same machine (${availableParallelism()} CPUs); latencies include its HTTP client and, for SSE, parsing ${SSE_CLIENTS} streams in one thread`,
        `seed data: ${TASK_COUNT} tasks, 4 owners, RU 40 % / US 40 % / no market 20 %, statuses todo 30 / in_progress 25 / blocked 10 / in_review 15 / done 20 %, 85 % with a due date (a third of them past), 0-3 labels`,
      );
      return { figures, notes };
    } catch (error) {
      if (server) process.stderr.write(`\n--- server log (tail) ---\n${server.logTail()}\n---\n`);
      throw error;
    } finally {
      client?.close();
      if (server) await server.stop(5000);
      if (dropDatabase)
        await dropDatabase().catch((e: Error) => log(`could not drop the database: ${e.message}`));
    }
  },
};

export default tasksBenchmark;
