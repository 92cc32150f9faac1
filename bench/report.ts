// The joint report: a RU + US campaign with 200 creators (fees in RUB and USD, fixed exchange
// rates, a measurement framework, go-live milestones in the past so every checkpoint is computed),
// 10,000 post-metric rows and some thousands of Shopify orders, imported through the API; then
// GET /api/campaigns/:id/report timed over sequential requests.
//
// Runs on PGlite (a fresh data directory) unless DATABASE_URL is set, in which case a fresh
// database is created on that server for the run and dropped afterwards (BENCH_KEEP_DB=1 keeps it).
import { percentile } from './lib/http.ts';
import {
  type BenchCreator,
  CsvWriter,
  createCampaign,
  createCreators,
  envNumber,
  machineLoad,
  random,
  startBenchServer,
  uploadFile,
  waitForImport,
  workFile,
  writeShopifyOrders,
} from './lib/measurement.ts';
import { type Benchmark, type Figure, log } from './lib/report.ts';
import { cpuTimeMs } from './lib/server.ts';

const CREATORS = envNumber('BENCH_REPORT_CREATORS', 200);
const METRIC_ROWS = envNumber('BENCH_REPORT_METRIC_ROWS', 10_000);
const ORDER_ROWS = envNumber('BENCH_REPORT_ORDER_ROWS', 20_000);
const REQUESTS = envNumber('BENCH_REPORT_REQUESTS', 50);
const WARMUP = 5;
const MEASUREMENTS_PER_POST = 5;
const DAY = 86_400_000;

const fmt = (n: number) => n.toLocaleString('en-US');
const pad = (n: number) => n.toString().padStart(2, '0');

/** `dd.mm.yyyy HH:MM` in Moscow (UTC+3 all year): how a Russian export writes a local time. */
function moscowLocal(ms: number): string {
  const d = new Date(ms + 3 * 3_600_000);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The generic post-metrics layout: every creator has posts measured several times (1, 3, 7, 14
 * and 30 days after posting, never in the future), figures growing between measurements.
 */
async function writePostMetrics(
  file: string,
  creators: readonly BenchCreator[],
  rows: number,
  goLive: Record<'RU' | 'US', number>,
  now: number,
) {
  const rand = random(23);
  const out = new CsvWriter(file);
  await out.line([
    'creator',
    'platform',
    'post_url',
    'measured_at',
    'reach',
    'impressions',
    'views',
    'likes',
    'comments',
    'shares',
    'saves',
    'clicks',
  ]);
  const ages = [1, 3, 7, 14, 30];
  const postsPerCreator = Math.ceil(rows / MEASUREMENTS_PER_POST / creators.length);
  let written = 0;
  let posts = 0;
  outer: for (let p = 0; p < postsPerCreator; p++) {
    for (const [c, creator] of creators.entries()) {
      const ru = creator.marketCode === 'RU';
      const platform = ru ? (rand() < 0.7 ? 'telegram' : 'vk') : rand() < 0.6 ? 'instagram' : 'tiktok';
      const url = `https://${platform}.example/${c + 1}/posts/${p + 1}`;
      const postedAt = goLive[creator.marketCode] + Math.floor(rand() * 20 * DAY);
      const finalReach = 2_000 + Math.floor(rand() * 200_000);
      posts++;
      for (const [m, age] of ages.entries()) {
        if (written >= rows) break outer;
        const measuredAt = Math.min(postedAt + age * DAY, now - 3_600_000 + m * 60_000);
        const share = [0.35, 0.6, 0.8, 0.93, 1][m]!;
        const reach = Math.round(finalReach * share);
        const likes = Math.round(reach * (0.02 + rand() * 0.05));
        await out.line([
          creator.name,
          platform,
          url,
          ru ? moscowLocal(measuredAt) : new Date(measuredAt).toISOString(),
          reach,
          Math.round(reach * 1.4),
          Math.round(reach * 1.1),
          likes,
          Math.round(likes * 0.08),
          Math.round(likes * 0.05),
          Math.round(likes * 0.1),
          ru ? '' : Math.round(reach * 0.012),
        ]);
        written++;
      }
    }
  }
  await out.close();
  return { rows: written, posts, bytes: out.bytes };
}

interface Report {
  currency: string;
  missingRates: string[];
  markets: Array<{
    code: string;
    goLive: string | null;
    creators: number;
    kpis: Array<{
      metric: string;
      target: number | null;
      actual: number | null;
      checkpoints: Array<{ days: number; actual: number | null }>;
    }>;
  }>;
  creators: Array<{ orders: number }>;
}

const reportBenchmark: Benchmark = {
  name: 'report',
  description: `joint report: ${CREATORS} creators, ${fmt(METRIC_ROWS)} post-metric rows, ${fmt(ORDER_ROWS)} order rows; ${REQUESTS} sequential GET /report`,
  async run() {
    const figures: Figure[] = [];
    const bench = await startBenchServer('tandem_bench_report');
    const { server, http, notes } = bench;
    try {
      // 1. The campaign, its creators, rates, measurement framework and go-lives.
      const campaignId = await createCampaign(http, 'Bench report launch');
      const base = `/api/campaigns/${campaignId}`;
      const setupStart = performance.now();
      const creators = await createCreators(http, campaignId, CREATORS);
      await http.json('PUT', `${base}/fx`, { baseCurrency: 'USD', rates: { RUB: 0.011 } });
      await http.json('PUT', `${base}/brief/sections/measurement/data`, {
        baseRevision: 0,
        data: {
          markets: [
            {
              marketCode: 'RU',
              kpis: [
                { metric: 'reach', target: 1e6 },
                { metric: 'engagement_rate', target: 5 },
              ],
            },
            {
              marketCode: 'US',
              kpis: [
                { metric: 'orders', target: 5000 },
                { metric: 'roas', target: 2 },
              ],
            },
          ],
        },
      });
      const now = Date.now();
      // Far enough back for both default checkpoints (7 and 30 days) to be computed.
      const goLive = { RU: now - 40 * DAY, US: now - 39 * DAY };
      for (const code of ['RU', 'US'] as const) {
        await http.json(
          'POST',
          `${base}/milestones`,
          {
            title: `Go-live ${code}`,
            kind: 'go_live',
            marketCode: code,
            at: new Date(goLive[code]).toISOString(),
          },
          201,
        );
      }
      log(
        `campaign, ${CREATORS} creators, rates, KPIs, go-lives in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
      );

      // 2. Post metrics and orders, imported as files.
      const metricsFile = workFile(bench.workDir, 'post-metrics.csv');
      const metrics = await writePostMetrics(metricsFile, creators, METRIC_ROWS, goLive, now);
      const ordersFile = workFile(bench.workDir, 'orders_export.csv');
      const orders = await writeShopifyOrders(ordersFile, {
        rows: ORDER_ROWS,
        codes: creators.map((c) => ({ code: c.promoCode, currency: c.fee.currency })),
        creatorShare: 0.6,
        from: goLive.RU,
        to: now - 3_600_000,
      });
      const imported: string[] = [];
      for (const [format, file] of [
        ['post-metrics', metricsFile],
        ['shopify-orders', ordersFile],
      ] as const) {
        const t0 = performance.now();
        const up = await uploadFile(
          server.baseUrl,
          bench.owner.token,
          `${base}/imports?format=${format}`,
          file,
        );
        if (up.status !== 202) throw new Error(`${format} upload: ${up.status} ${up.body.slice(0, 300)}`);
        const { state } = await waitForImport(http, (JSON.parse(up.body) as { id: string }).id, {
          everyMs: 100,
        });
        if (state.status !== 'completed' || state.rowsRejected)
          throw new Error(
            `${format} import ${state.status}: ${state.rowsRejected} rejected, ${state.failureMessage ?? ''} ${JSON.stringify(state.errors.slice(0, 3))}`,
          );
        const line = `${format}: ${fmt(state.rowsImported)} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
        log(line);
        imported.push(line);
      }

      // 3. The report, sequentially on one keep-alive connection.
      const path = `${base}/report`;
      const first = await http.request('GET', path);
      if (first.status !== 200) throw new Error(`GET ${path}: ${first.status} ${first.body.slice(0, 300)}`);
      const report = JSON.parse(first.body) as Report;
      for (let i = 0; i < WARMUP; i++) await http.request('GET', path);
      const samples: number[] = [];
      let failed = 0;
      const cpuBefore = cpuTimeMs(server.pid);
      const backendBefore = await bench.backendCpuMs();
      const loadStart = performance.now();
      for (let i = 0; i < REQUESTS; i++) {
        const res = await http.request('GET', path);
        if (res.status !== 200) failed++;
        samples.push(res.ms);
      }
      const loadMs = performance.now() - loadStart;
      const cpuMs = cpuTimeMs(server.pid) - cpuBefore;
      const backendAfter = await bench.backendCpuMs();
      const loadDuring = machineLoad();
      const p50 = percentile(samples, 50);
      const p99 = percentile(samples, 99);
      log(`GET /report: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);

      const checkpoints = report.markets.flatMap((m) =>
        m.kpis.flatMap((k) => k.checkpoints.filter((c) => c.actual !== null)),
      ).length;
      const kpiSummary = report.markets
        .map(
          (m) =>
            `${m.code}: ${m.kpis.map((k) => `${k.metric} ${k.actual ?? '—'}/${k.target ?? '—'}`).join(', ')}`,
        )
        .join('; ');
      figures.push({
        metric: `GET /api/campaigns/:id/report p50 (${REQUESTS} sequential)`,
        value: p50,
        unit: 'ms',
        target: { op: '<', value: 200 },
        note: `${(first.body.length / 1024).toFixed(0)} KB JSON, ${report.creators.length} creators, ${checkpoints} checkpoint figures${failed ? `; ${failed} non-200` : ''}`,
      });
      figures.push({
        metric: 'GET /report p99',
        value: p99,
        unit: 'ms',
        note: `max ${Math.max(...samples).toFixed(1)} ms`,
      });
      figures.push({
        metric: 'server CPU per report',
        value: cpuMs / REQUESTS,
        unit: 'ms',
        note: `server at ${((cpuMs / loadMs) * 100).toFixed(0)} % of one CPU${
          backendBefore !== null && backendAfter !== null
            ? `; PostgreSQL backends ${((backendAfter - backendBefore) / REQUESTS).toFixed(1)} ms CPU per report`
            : bench.database === 'pglite'
              ? ' (PGlite runs in it)'
              : ''
        }`,
      });
      notes.push(
        `data: ${CREATORS} creators (RU fees in RUB, US in USD; RUB→USD 0.011), ${fmt(metrics.rows)} post-metric rows (${fmt(metrics.posts)} posts × ${MEASUREMENTS_PER_POST} measurements), ${fmt(orders.orders)} orders (${fmt(orders.creatorOrders)} with a creator code, RUB and USD)`,
        `imports: ${imported.join('; ')}`,
        `machine after the timed requests: ${loadDuring}`,
        `report: currency ${report.currency}, missing rates [${report.missingRates.join(', ')}]; ${kpiSummary}`,
      );
      return { figures, notes };
    } catch (error) {
      process.stderr.write(`\n--- server log (tail) ---\n${server.logTail()}\n---\n`);
      throw error;
    } finally {
      await bench.close();
    }
  },
};

export default reportBenchmark;
