import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { Client } from '../support/client.ts';
import { buildCampaign, setupOwner } from '../support/factories.ts';
import { launchServerProcess, waitHealthy } from '../support/process.ts';
import { createTestDatabase } from '../support/server.ts';

// These tests run the real entry point (`src/server/main.ts`) as a child process and kill it.
const children: ChildProcess[] = [];
let workDir: string;
let databaseUrl: string | undefined;
let cookie = '';

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-process-'));
});
// On PostgreSQL every test gets its own database, as every test gets its own data directory.
let dropDatabase: (() => Promise<void>) | undefined;
beforeEach(async () => {
  if (!process.env.DATABASE_URL) return;
  const created = await createTestDatabase('tandem_process');
  databaseUrl = created.url;
  dropDatabase = created.drop;
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await dropDatabase?.();
  dropDatabase = undefined;
  databaseUrl = undefined;
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** A data directory that already holds a migrated cluster (the first start is tested on its own). */
function seededDataDir(name: string): string {
  const dir = path.join(workDir, name);
  if (!process.env.DATABASE_URL)
    fs.cpSync(inject('pgliteTemplate'), path.join(dir, 'pglite'), { recursive: true });
  return dir;
}

async function launch(dataDir: string, env: Record<string, string> = {}) {
  const launched = await launchServerProcess(dataDir, { databaseUrl, env });
  children.push(launched.child);
  return launched;
}

// Child processes start slowly on a busy two-core machine; these tests allow for it.
describe('the server process', { timeout: 240_000 }, () => {
  it('never loses an acknowledged write to SIGKILL', async () => {
    const dataDir = seededDataDir('kill');
    const first = await launch(dataDir);
    await waitHealthy(first);
    const { client } = await setupOwner(first.url, { email: 'durable@tandem.test' });
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await client.post<{ id: string }>('/api/tokens', { name: `token ${i}` });
      expect(res.status).toBe(201);
      acknowledged.push(`token ${i}`);
    }
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await launch(dataDir);
    await waitHealthy(second);
    const again = new Client(second.url);
    again.cookie = client.cookie;
    const tokens = await again.get<{ tokens: Array<{ name: string }> }>('/api/tokens');
    expect(tokens.status).toBe(200);
    expect(tokens.body.tokens.map((t) => t.name).sort()).toEqual(acknowledged.sort());
  });

  it('shuts down gracefully on SIGTERM, ending open event streams', async () => {
    const dataDir = seededDataDir('term');
    const server = await launch(dataDir);
    await waitHealthy(server);
    const { client } = await setupOwner(server.url, { email: 'term@tandem.test' });
    const stream = await fetch(`${server.url}/api/events`, { headers: { cookie: client.cookie ?? '' } });
    expect(stream.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    if (!databaseUrl) expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('always exits within its grace time after SIGTERM, whatever is still open', async () => {
    const grace = 3_000;
    const dataDir = seededDataDir('term-loop');
    for (let round = 0; round < 4; round++) {
      const server = await launch(dataDir, { SHUTDOWN_GRACE_MS: String(grace) });
      await waitHealthy(server);
      const client = new Client(server.url);
      if (round === 0) {
        const { client: owner } = await setupOwner(server.url, { email: 'loop@tandem.test' });
        cookie = owner.cookie ?? '';
      }
      client.cookie = cookie;
      const campaign = await buildCampaign(client);
      const headers = { cookie };
      const streams = await Promise.all([
        fetch(`${server.url}/api/events`, { headers }),
        fetch(`${server.url}/api/campaigns/${campaign.id}/events`, { headers }),
      ]);
      for (const stream of streams) expect(stream.status).toBe(200);
      // An upload whose body arrives a line a second and would take minutes to finish: a task's
      // JSON, or (every other round) a CSV import, which is streamed to disk as it arrives.
      const upload = net.connect({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
      upload.on('error', () => {});
      upload.resume();
      const csv = round % 2 === 1;
      const target = csv ? `imports?format=shopify-orders` : 'tasks';
      upload.write(
        `POST /api/campaigns/${campaign.id}/${target} HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n` +
          `Content-Type: ${csv ? 'text/csv' : 'application/json'}\r\nContent-Length: 1000000\r\n\r\n` +
          (csv ? 'Name,Email,Currency,Total\n' : '{"title": "'),
      );
      const dribble = setInterval(() => upload.write(csv ? '#1001,a@b.c,USD,10\n' : 'a'), 1_000);
      await new Promise((r) => setTimeout(r, 1_500));
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const code = await Promise.race([
        server.exited,
        new Promise((r) => setTimeout(() => r('still running'), grace + 5_000)),
      ]);
      clearInterval(dribble);
      upload.destroy();
      expect(code, `round ${round} (${target})`).not.toBe('still running');
      expect(Date.now() - signalled).toBeLessThan(grace + 2_000);
    }
  });

  describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded data directory', () => {
    it('starts over a stale lock whose PID now belongs to an unrelated process', async () => {
      const dataDir = seededDataDir('reused-pid');
      // An unrelated live process that happens to have the PID the lock names (as after a restart).
      const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
      children.push(unrelated);
      const lock = {
        pid: unrelated.pid,
        startTicks: '1', // the dead holder started long before the process now using its PID
        bootId: fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
        hostname: os.hostname(),
        dataDir: fs.realpathSync(dataDir),
        instance: 'dead',
        createdAt: new Date().toISOString(),
      };
      fs.writeFileSync(path.join(dataDir, 'pglite.lock'), JSON.stringify(lock));
      const server = await launch(dataDir);
      await waitHealthy(server);
      const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8'));
      expect(stored.pid).toBe(server.child.pid);
    });

    it('opens a copy of a data directory made while its server was stopped, lock file included', async () => {
      const dataDir = seededDataDir('original');
      const original = await launch(dataDir);
      await waitHealthy(original);
      const { client } = await setupOwner(original.url, { email: 'copied@tandem.test' });
      expect((await client.post('/api/tokens', { name: 'before the copy' })).status).toBe(201);
      // Stopped (SIGSTOP): the process, and so the PID in its lock file, is still alive.
      original.child.kill('SIGSTOP');
      const copyDir = path.join(workDir, 'copy');
      fs.cpSync(dataDir, copyDir, { recursive: true });
      expect(fs.existsSync(path.join(copyDir, 'pglite.lock'))).toBe(true);
      const copy = await launch(copyDir);
      await waitHealthy(copy);
      const again = new Client(copy.url);
      again.cookie = client.cookie;
      const tokens = await again.get<{ tokens: Array<{ name: string }> }>('/api/tokens');
      expect(tokens.body.tokens.map((t) => t.name)).toEqual(['before the copy']);
      original.child.kill('SIGCONT');
      expect((await fetch(`${original.url}/api/health`)).status).toBe(200);
    });

    it('survives a kill during its first initialisation', async () => {
      const dataDir = path.join(workDir, 'first-start');
      const first = await launch(dataDir);
      const started = Date.now();
      while (!fs.existsSync(dataDir) || !fs.readdirSync(dataDir).some((f) => f.startsWith('.pglite-init-'))) {
        if (Date.now() - started > 120_000) throw new Error('initialisation never started');
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300));
      first.child.kill('SIGKILL');
      await first.exited;
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);

      const second = await launch(dataDir);
      await waitHealthy(second);
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.pglite-init-'))).toEqual([]);
      expect((await new Client(second.url).get('/api/setup')).body).toEqual({ needsSetup: true });
    });

    it('refuses a second process on the same data directory with a clear message', async () => {
      const dataDir = seededDataDir('locked');
      const first = await launch(dataDir);
      await waitHealthy(first);
      const second = await launch(dataDir);
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toMatch(/data directory is in use by process \d+/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    });
  });
});
