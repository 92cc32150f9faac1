import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * A port that is free right now, chosen by the OS. A random pick from a fixed range can land on
 * a port an outgoing connection (the test's own PostgreSQL clients, say) is holding.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Waits until the server process answers /api/health. If the process exits first, fails at once
 * with what it printed, instead of waiting out the timeout with nothing to show.
 */
export async function waitHealthy(
  server: { url: string; exited: Promise<unknown>; output?: () => string },
  timeoutMs = 120_000,
): Promise<void> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`${server.url} exited before it answered:\n${server.output?.() ?? ''}`);
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${server.url} did not become healthy in ${timeoutMs} ms:\n${server.output?.() ?? ''}`);
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The real entry point (`src/server/main.ts`) as a child process on a free port, with its output
 * kept for the failure message. DATABASE_URL is the one given, or none (the embedded database).
 */
export async function launchServerProcess(
  dataDir: string,
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl ?? '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}
