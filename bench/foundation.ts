// Foundation: cold start, idle memory and authenticated request throughput of one server process.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { api, createOwner } from './lib/api.ts';
import { type Benchmark, type Figure, log, median } from './lib/report.ts';
import { type RunningServer, startServer, tempDir } from './lib/server.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const COLD_STARTS = env('BENCH_COLD_STARTS', 5);
const IDLE_SECONDS = env('BENCH_IDLE_SECONDS', 3);
const CONNECTIONS = env('BENCH_CONNECTIONS', 32);
const DURATION_S = env('BENCH_DURATION', 10);
const WARMUP_S = env('BENCH_WARMUP', 2);
// The server's own default (info) logs two lines per request; BENCH_LOG_LEVEL=warn shows the cost.
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const foundation: Benchmark = {
  name: 'foundation',
  description: 'cold start to first 200, idle RSS, authenticated GET /api/me throughput',
  async run() {
    const figures: Figure[] = [];
    const dataDir = path.join(tempDir(), 'data'); // does not exist yet: the first start creates it
    const serverEnv = LOG_LEVEL ? { LOG_LEVEL } : {};
    let server: RunningServer | undefined;
    try {
      // 1. First start on a fresh data directory (creates and migrates the database).
      server = await startServer({ dataDir, env: serverEnv });
      log(`first start (fresh data dir): ${server.readyMs.toFixed(0)} ms`);
      figures.push({ metric: 'first start, fresh data dir', value: server.readyMs, unit: 'ms' });
      const owner = await createOwner(server.baseUrl);
      log('owner registered, API token created');
      const firstStop = await server.stop();
      server = undefined;
      log(`stopped in ${firstStop.ms.toFixed(0)} ms (code ${firstStop.code}, signal ${firstStop.signal})`);

      // 2. Cold starts on the existing data directory; the last one stays up for the other figures.
      const starts: number[] = [];
      const stops: number[] = [];
      for (let i = 0; i < COLD_STARTS; i++) {
        server = await startServer({ dataDir, env: serverEnv });
        starts.push(server.readyMs);
        log(`cold start ${i + 1}/${COLD_STARTS}: ${server.readyMs.toFixed(0)} ms`);
        if (i < COLD_STARTS - 1) {
          const stopped = await server.stop();
          server = undefined;
          stops.push(stopped.ms);
          if (stopped.code !== 0) log(`server exited with code ${stopped.code}, signal ${stopped.signal}`);
        }
      }
      figures.push({
        metric: `cold start to first 200 (median of ${COLD_STARTS})`,
        value: median(starts),
        unit: 'ms',
        target: { op: '<', value: 2000 },
        note: `min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)}`,
      });
      if (stops.length)
        figures.push({ metric: 'graceful stop (SIGTERM to exit, median)', value: median(stops), unit: 'ms' });

      // 3. Idle memory.
      const live = server!;
      await sleep(IDLE_SECONDS * 1000);
      figures.push({
        metric: `idle RSS (${IDLE_SECONDS} s after first 200)`,
        value: live.rssMb(),
        unit: 'MB',
        target: { op: '<', value: 200 },
      });

      // 4. Authenticated GET /api/me.
      const headers = { authorization: `Bearer ${owner.token}` };
      const check = await api<{ email?: string }>(live.baseUrl, 'GET', '/api/me', { token: owner.token });
      if (check.status !== 200 || check.body?.email !== owner.email) {
        throw new Error(`GET /api/me with the token: ${check.status} ${JSON.stringify(check.body)}`);
      }
      log(`GET /api/me: ${WARMUP_S} s warm-up, then ${DURATION_S} s at ${CONNECTIONS} connections`);
      const result = await autocannon({
        url: `${live.baseUrl}/api/me`,
        headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
        warmup: { connections: CONNECTIONS, duration: WARMUP_S },
      });
      const failed = result.non2xx + result.errors + result.timeouts;
      const codes = Object.entries(result.statusCodeStats)
        .map(([code, s]) => `${code}×${s.count}`)
        .join(' ');
      figures.push({
        metric: `GET /api/me (Bearer), ${CONNECTIONS} conn, ${DURATION_S} s`,
        value: result.requests.average,
        unit: 'req/s',
        target: { op: '>', value: 5000 },
        note: `${result.requests.total} requests; ${failed ? `${failed} failed (${codes}, ${result.errors} errors, ${result.timeouts} timeouts)` : 'all 200'}`,
      });
      figures.push({ metric: 'GET /api/me latency p50', value: result.latency.p50, unit: 'ms' });
      figures.push({ metric: 'GET /api/me latency p99', value: result.latency.p99, unit: 'ms' });
      figures.push({ metric: 'peak RSS (VmHWM) after load', value: live.peakRssMb(), unit: 'MB' });
      const notes = [
        `server LOG_LEVEL: ${LOG_LEVEL ?? 'unset (server default)'}; logs written to a file`,
        `load generator (autocannon) runs in this process on the same machine (${availableParallelism()} CPUs)`,
      ];
      return { figures, notes };
    } catch (error) {
      if (server) process.stderr.write(`\n--- server log (tail) ---\n${server.logTail()}\n---\n`);
      throw error;
    } finally {
      if (server) await server.stop(5000);
    }
  },
};

export default foundation;
