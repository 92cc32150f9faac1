import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { Client } from '../support/client.ts';
import { setupOwner } from '../support/factories.ts';

// These tests run the real entry point (`src/server/main.ts`) as a child process and kill it.
const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
let workDir: string;
let databaseUrl: string | undefined;
let port = 40_000 + Math.floor(Math.random() * 10_000);

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-process-'));
});
// On PostgreSQL every test gets its own database, as every test gets its own data directory.
beforeEach(async () => {
  if (!process.env.DATABASE_URL) return;
  const name = `tandem_process_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  if (databaseUrl) {
    const name = new URL(databaseUrl).pathname.slice(1);
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    databaseUrl = undefined;
  }
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** A data directory that already holds a migrated cluster (the first start is tested on its own). */
function seededDataDir(name: string): string {
  const dir = path.join(workDir, name);
  if (!process.env.DATABASE_URL)
    fs.cpSync(inject('pgliteTemplate'), path.join(dir, 'pglite'), { recursive: true });
  return dir;
}

function launch(dataDir: string, env: Record<string, string> = {}) {
  port += 1;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
      ...env,
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
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}

async function waitHealthy(url: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

// Child processes start slowly on a busy two-core machine; these tests allow for it.
describe('the server process', { timeout: 240_000 }, () => {
  it('never loses an acknowledged write to SIGKILL', async () => {
    const dataDir = seededDataDir('kill');
    const first = launch(dataDir);
    await waitHealthy(first.url);
    const { client } = await setupOwner(first.url, { email: 'durable@tandem.test' });
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await client.post<{ id: string }>('/api/tokens', { name: `token ${i}` });
      expect(res.status).toBe(201);
      acknowledged.push(`token ${i}`);
    }
    first.child.kill('SIGKILL');
    await first.exited;

    const second = launch(dataDir);
    await waitHealthy(second.url);
    const again = new Client(second.url);
    again.cookie = client.cookie;
    const tokens = await again.get<{ tokens: Array<{ name: string }> }>('/api/tokens');
    expect(tokens.status).toBe(200);
    expect(tokens.body.tokens.map((t) => t.name).sort()).toEqual(acknowledged.sort());
  });

  it('shuts down gracefully on SIGTERM, ending open event streams', async () => {
    const dataDir = seededDataDir('term');
    const server = launch(dataDir);
    await waitHealthy(server.url);
    const { client } = await setupOwner(server.url, { email: 'term@tandem.test' });
    const stream = await fetch(`${server.url}/api/events`, { headers: { cookie: client.cookie ?? '' } });
    expect(stream.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    if (!databaseUrl) expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });

  describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded data directory', () => {
    it('survives a kill during its first initialisation', async () => {
      const dataDir = path.join(workDir, 'first-start');
      const first = launch(dataDir);
      const started = Date.now();
      while (!fs.existsSync(dataDir) || !fs.readdirSync(dataDir).some((f) => f.startsWith('.pglite-init-'))) {
        if (Date.now() - started > 120_000) throw new Error('initialisation never started');
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300));
      first.child.kill('SIGKILL');
      await first.exited;
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);

      const second = launch(dataDir);
      await waitHealthy(second.url);
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.pglite-init-'))).toEqual([]);
      expect((await new Client(second.url).get('/api/setup')).body).toEqual({ needsSetup: true });
    });

    it('refuses a second process on the same data directory with a clear message', async () => {
      const dataDir = seededDataDir('locked');
      const first = launch(dataDir);
      await waitHealthy(first.url);
      const second = launch(dataDir);
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toMatch(/data directory is in use by process \d+/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    });
  });
});
