import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// How many statements the hot writes send to the database (BEGIN and COMMIT not counted): each
// costs a round trip on PostgreSQL and most of a write's CPU on PGlite, so this fails when one
// creeps back in. Budgets are what the code sends today; lower them when a statement goes.
const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-sql-')), 'statements.log');
let server: TestServer;
let owner: Client;
let member: UserBody;
let ownerUser: UserBody;
let campaignId: string;

beforeAll(async () => {
  process.env.TANDEM_SQL_LOG = log;
  try {
    // No background jobs: their polling would land among the statements counted.
    server = await startServer({ env: { JOBS_ENABLED: 'false' } });
  } finally {
    delete process.env.TANDEM_SQL_LOG;
  }
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  ({ user: member } = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'] }));
  campaignId = (await buildCampaign(owner)).id;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
});

async function statementsOf(write: () => Promise<void>): Promise<string[]> {
  const before = fs.readFileSync(log, 'utf8').split('\n').length;
  await write();
  // Signing the request in (a cached session, read again now and then) is not part of the write.
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .slice(before - 1, -1)
    .filter((statement) => !statement.includes(' from "sessions"'));
}

describe('statements per write', () => {
  // The task, its watchers, the campaign and the people checked in one statement each; the audit
  // event and every realtime event in one; telling the new owner (a notification) takes four more.
  let taskId = '';
  let version = 0;

  it('a task create assigned to someone else', async () => {
    const sent = await statementsOf(async () => {
      const res = await owner.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/tasks`, {
        title: 'Send the brief',
        ownerId: member.id,
        marketCode: 'RU',
        dueAt: '2026-12-20T12:00:00Z',
        labels: ['brief'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      taskId = res.body.id;
      version = res.body.version;
    });
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(9);
  });

  it('a task create for oneself', async () => {
    const sent = await statementsOf(async () => {
      const res = await owner.post(`/api/campaigns/${campaignId}/tasks`, {
        title: 'Mine',
        ownerId: ownerUser.id,
      });
      expect(res.status).toBe(201);
    });
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(5);
  });

  it('a status move', async () => {
    const sent = await statementsOf(async () => {
      const res = await owner.patch(`/api/tasks/${taskId}`, { version, status: 'in_progress' });
      expect(res.status).toBe(200);
    });
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(3);
  });
});
