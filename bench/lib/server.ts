// Starting and stopping real server processes for the benchmarks.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/server/main.ts');
// What `npm start` runs: the server bundled by `npm run build:server` (built once per bench run).
const BUNDLE = path.join(ROOT, 'dist/server/main.mjs');
let bundleBuilt = false;
function ensureBundle(): void {
  if (bundleBuilt) return;
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  bundleBuilt = true;
}

const running = new Set<ChildProcess>();

/** Kills every server still running (used on exit, on signals and on errors). */
export function killAllServers(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

export function serverEntryExists(): boolean {
  return fs.existsSync(MAIN);
}

/** A fresh temporary directory, removed when the bench process exits. */
export function tempDir(prefix = 'tandem-bench-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  dataDir: string;
  /** Extra environment for the server (LOG_LEVEL, DATABASE_URL…). */
  env?: Record<string, string | undefined>;
  /** Give up waiting for the first 200 after this long. */
  timeoutMs?: number;
}

export interface RunningServer {
  pid: number;
  port: number;
  baseUrl: string;
  /** From spawn to the first 200 on GET /api/health. */
  readyMs: number;
  /** Resident set size now (VmRSS), in MB. */
  rssMb(): number;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** SIGTERM, wait for exit (SIGKILL after `graceMs`); resolves with the time it took. */
  stop(graceMs?: number): Promise<{ ms: number; code: number | null; signal: string | null }>;
  /** Last lines the server wrote (stdout and stderr), for diagnostics. */
  logTail(lines?: number): string;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm'));
  if (!match) throw new Error(`${field} not found in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** One GET; resolves with the status code, or 0 when the connection failed. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns `node dist/server/main.mjs`, as `npm start` does (the process itself, no npm or shell in
 * between, so its pid is the server's) and polls GET /api/health every 5 ms until it answers 200.
 */
export async function startServer({
  dataDir,
  env = {},
  timeoutMs = 60_000,
}: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(path.dirname(dataDir), `server-${port}.log`);
  // Logs go to a file: the kernel does the writing, the bench process spends no CPU on them.
  const logFd = fs.openSync(logFile, 'w');
  const started = performance.now();
  ensureBundle();
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  let exit: { code: number | null; signal: string | null } | undefined;
  void exited.then((e) => {
    exit = e;
  });

  const logTail = (lines = 30) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let lastStatus = 0;
  for (;;) {
    lastStatus = await probe(`${baseUrl}/api/health`);
    if (lastStatus === 200) break;
    if (exit) {
      throw new Error(
        `server exited (code ${exit.code}, signal ${exit.signal}) before /api/health answered 200\n${logTail()}`,
      );
    }
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(
        `no 200 from /api/health within ${timeoutMs} ms (last status ${lastStatus})\n${logTail()}`,
      );
    }
    await sleep(5);
  }
  const readyMs = performance.now() - started;
  const pid = child.pid!;

  return {
    pid,
    port,
    baseUrl,
    readyMs,
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    logTail,
    async stop(graceMs = 15_000) {
      const t0 = performance.now();
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      const result = await exited;
      return { ms: performance.now() - t0, ...result };
    },
  };
}
