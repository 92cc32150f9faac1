import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/index.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface ChangeEvent {
  type: string;
  entityType: string;
  entityId: string;
  scope: string;
}

/** Opens an SSE stream and collects `change` events until closed. */
async function subscribe(baseUrl: string, client: Client, path = '/api/events') {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${path}`, {
    headers: { cookie: client.cookie ?? '', accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ChangeEvent[] = [];
  const waiters: Array<() => void> = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            events.push(JSON.parse(data.slice(6)) as ChangeEvent);
            for (const wake of waiters.splice(0)) wake();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  // Events are read in order; one that arrived before `next()` was called is not skipped.
  let read = 0;
  return {
    events,
    async next(timeoutMs = 10_000): Promise<ChangeEvent> {
      const started = Date.now();
      while (events.length <= read) {
        if (Date.now() - started > timeoutMs) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events[read++]!;
    },
    close: () => controller.abort(),
  };
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0).reverse()) await s.close();
});

describe('realtime', () => {
  it('streams a committed change to another signed-in screen', async () => {
    const server: TestServer = await startServer();
    servers.push(server);
    const { client: owner, user } = await setupOwner(server.url);
    const stream = await subscribe(server.url, owner);
    await owner.patch('/api/me', { name: 'Olga P.' });
    // How fast is measured by `npm run bench -- tasks` (delivery to 200 clients), not asserted here.
    const event = await stream.next();
    expect(event).toMatchObject({
      type: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      scope: 'workspace',
    });
    stream.close();
  });

  it('sends nothing for a change that failed', async () => {
    const server = await startServer();
    servers.push(server);
    const { client: owner } = await setupOwner(server.url);
    const stream = await subscribe(server.url, owner);
    expect((await owner.patch('/api/me', { timeZone: 'Not/AZone' })).status).toBe(400);
    expect((await owner.post('/api/invites', { email: 'owner@tandem.test', role: 'member' })).status).toBe(
      409,
    );
    await expect(stream.next(300)).rejects.toThrow(/no event/);
    stream.close();
  });

  it('shows another user’s brief edit and new version on a campaign stream', async () => {
    const server = await startServer();
    servers.push(server);
    const { client: owner } = await setupOwner(server.url);
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'] });
    const campaign = await buildCampaign(owner);
    const stream = await subscribe(server.url, lead, `/api/campaigns/${campaign.id}/events`);
    await owner.put(`/api/campaigns/${campaign.id}/brief/sections/objective`, {
      language: 'en',
      text: 'Hi',
      baseRevision: 0,
    });
    expect(await stream.next()).toMatchObject({
      type: 'brief.text_edited',
      entityId: 'objective',
      scope: `campaign:${campaign.id}`,
    });
    await owner.post(`/api/campaigns/${campaign.id}/brief/versions`);
    expect(await stream.next()).toMatchObject({ type: 'brief.version_published', entityId: '1' });
    stream.close();
  });

  it.runIf(process.env.DATABASE_URL)('fans out across server instances through LISTEN/NOTIFY', async () => {
    const first = await startServer();
    servers.push(first);
    // A second instance on the same PostgreSQL database, as behind a load balancer.
    const databaseUrl = first.database.kind === 'postgres' ? await currentDatabaseUrl(first) : undefined;
    const database = await openDatabase({ databaseUrl, dataDir: first.dataDir });
    const app = await buildApp({ config: { ...loadConfig({}), databaseUrl }, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    servers.push({
      close: async () => {
        await app.close();
        await database.close();
      },
    });
    const { client: owner, user } = await setupOwner(first.url);
    const onSecond = await subscribe(secondUrl, owner);
    await owner.patch('/api/me', { locale: 'ru' });
    expect(await onSecond.next()).toMatchObject({ type: 'user.updated', entityId: user.id });
    onSecond.close();
  });
});

async function currentDatabaseUrl(server: TestServer): Promise<string> {
  const rows = await server.database.db.execute<{ name: string }>(
    'select current_database() as name' as never,
  );
  const name = (rows as unknown as Array<{ name: string }>)[0]!.name;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
