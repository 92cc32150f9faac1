import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/index.ts';
import { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run <script> -- args` the way an operator would (without npm's own start-up). */
function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const entry = `src/server/modules/backup/${script}-cli.ts`;
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

// Backups of the embedded database only: PostgreSQL is backed up with pg_dump (see the README).
describe.skipIf(Boolean(process.env.DATABASE_URL))('backup and restore of the embedded database', () => {
  let server: TestServer;
  let owner: Client;
  let ownerId: string;
  let token: string;
  const workDir = path.join(inject('testWorkDir'), `backup-${Date.now()}`);
  beforeAll(async () => {
    server = await startServer();
    const setup = await setupOwner(server.url);
    owner = setup.client;
    ownerId = setup.user.id;
    token = (await owner.post<{ token: string }>('/api/tokens', { name: 'backups' })).body.token;
    fs.mkdirSync(workDir, { recursive: true });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('keeps every write acknowledged before a backup taken under load', { timeout: 240_000 }, async () => {
    const campaign = await buildCampaign(owner);
    const acknowledged: Array<{ title: string; at: number }> = [];
    let stop = false;
    let failures = 0;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const title = `lane ${lane} task ${i}`;
        const res = await owner.post(`/api/campaigns/${campaign.id}/tasks`, { title, ownerId });
        if (res.status === 201) acknowledged.push({ title, at: Date.now() });
        else failures += 1;
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    // Under load: wait for writes to be acknowledged, not for a fixed time (a busy machine is slow).
    for (let waited = 0; acknowledged.length < 10 && waited < 60_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const file = path.join(workDir, 'tandem.tar.gz');
    const began = Date.now();
    const backup = await run('backup', [file], { TANDEM_URL: server.url, TANDEM_TOKEN: token });
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(writers);
    expect(backup.code, backup.output).toBe(0);
    expect(failures).toBe(0);
    const before = acknowledged.filter((w) => w.at < began).map((w) => w.title);
    expect(before.length).toBeGreaterThan(5);
    expect(acknowledged.length).toBeGreaterThan(before.length); // the load went on during the backup

    const restoredDir = path.join(workDir, 'restored');
    const restore = await run('restore', [file], { DATA_DIR: restoredDir });
    expect(restore.code, restore.output).toBe(0);

    const database = await openDatabase({ dataDir: restoredDir });
    const app = await buildApp({ config: { ...loadConfig({}), port: 0, dataDir: restoredDir }, database });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const restored = new Client(`http://127.0.0.1:${address.port}`);
      restored.bearer = token;
      const titles = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { tasks: Array<{ title: string }>; nextCursor: string | null } } =
          await restored.get(
            `/api/campaigns/${campaign.id}/tasks?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        expect(page.status).toBe(200);
        for (const task of page.body.tasks) titles.add(task.title);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(before.filter((title) => !titles.has(title))).toEqual([]);
    } finally {
      await app.close();
      await database.close();
    }

    // A directory that already holds a database is refused without --force, replaced with it.
    const again = await run('restore', [file], { DATA_DIR: restoredDir });
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/is not empty.*--force/);
    const forced = await run('restore', [file, '--force'], { DATA_DIR: restoredDir });
    expect(forced.code, forced.output).toBe(0);
  });

  it('is for admins only', async () => {
    const { client: member } = await buildUser(owner, { role: 'member' });
    const res = await member.post('/api/admin/backup');
    expect(res.status).toBe(403);
  });

  it('refuses offline mode while a server holds the data directory', async () => {
    const res = await run('backup', [path.join(workDir, 'offline.tar.gz')], { DATA_DIR: server.dataDir });
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/in use by process.*TANDEM_URL/s);
    expect(fs.existsSync(path.join(workDir, 'offline.tar.gz'))).toBe(false);
  });
});
