import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/index.ts';
import { webhooks } from '../../src/server/modules/webhooks/tables.ts';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string;
  status: 'active' | 'paused';
  pausedReason: string | null;
  consecutiveFailures: number;
  secret?: string;
}

interface Delivery {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  body: string;
}

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; at: string; campaignId: string | null; data: Record<string, unknown> };
}

/** A real HTTP receiver on 127.0.0.1; `respond` picks the status of each request. */
async function startReceiver(respond: (received: Received, index: number) => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry = { headers: request.headers, raw, body: JSON.parse(raw) };
      received.push(entry);
      response.statusCode = respond(entry, received.length - 1);
      response.end(response.statusCode >= 400 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/hooks`, received };
}

const servers: TestServer[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const server of servers.splice(0)) await server.close();
});

const FAST = {
  JOBS_POLL_INTERVAL_MS: '100',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_RETRY_BASE_MS: '50',
};

async function start(env: Record<string, string> = FAST) {
  const server = await startServer({ env });
  servers.push(server);
  const { client: admin, user } = await setupOwner(server.url);
  return { server, admin, user };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

async function register(admin: Client, url: string, events: string[] = ['*']) {
  const res = await admin.post<Webhook>('/api/webhooks', { url, events });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function deliveries(admin: Client, webhookId: string, query = '') {
  const res = await admin.get<{ deliveries: Delivery[]; nextCursor: string | null }>(
    `/api/webhooks/${webhookId}/deliveries${query}`,
  );
  expect(res.status).toBe(200);
  return res.body;
}

function signatureOf(secret: string, raw: string) {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

describe('webhooks', { timeout: 90_000 }, () => {
  it('delivers the events asked for, signed over the raw body, and logs them', async () => {
    const { admin, user } = await start();
    const receiver = await startReceiver();
    const created = await register(admin, receiver.url, ['campaign.created']);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.events).toEqual(['campaign.created']);

    const listed = await admin.get<{ webhooks: Webhook[] }>('/api/webhooks');
    expect(listed.body.webhooks.map((hook) => hook.id)).toEqual([created.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret!);
    const one = await admin.get<Webhook>(`/api/webhooks/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('secret');

    const campaign = await buildCampaign(admin);
    // Not asked for: an API token.
    expect((await admin.post('/api/tokens', { name: 'CI' })).status).toBe(201);

    const [hit] = await waitFor('the delivery', () =>
      receiver.received.length ? receiver.received : undefined,
    );
    await settle();
    expect(receiver.received).toHaveLength(1);
    expect(hit!.headers['x-tandem-signature']).toBe(signatureOf(created.secret!, hit!.raw));
    expect(hit!.headers['x-tandem-event']).toBe('campaign.created');
    expect(hit!.headers['x-tandem-delivery']).toBe(hit!.body.id);
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['user-agent']).toMatch(/^Tandem-Webhooks\//);
    expect(hit!.body).toMatchObject({
      event: 'campaign.created',
      campaignId: campaign.id,
      data: { entityType: 'campaign', entityId: campaign.id, actor: { id: user.id, name: user.name } },
    });
    expect(new Date(hit!.body.at).toISOString()).toBe(hit!.body.at);

    const log = await waitFor('the log to say delivered', async () => {
      const page = await deliveries(admin, created.id);
      return page.deliveries[0]?.status === 'delivered' ? page : undefined;
    });
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0]).toMatchObject({
      id: hit!.body.id,
      event: 'campaign.created',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      body: hit!.raw,
    });
  });

  it('retries a failing target with backoff until it answers 2xx', async () => {
    const { admin } = await start();
    const receiver = await startReceiver((_, index) => (index < 2 ? 500 : 204));
    const hook = await register(admin, receiver.url, ['campaign.created']);
    await buildCampaign(admin);
    await waitFor('three attempts', () => (receiver.received.length >= 3 ? true : undefined));
    await settle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((entry) => entry.raw)).size).toBe(1);
    const [delivery] = (await deliveries(admin, hook.id)).deliveries;
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 204,
      lastError: null,
    });
  });

  it('records a failure, pauses a webhook after five deliveries in a row gave up, and resumes it', async () => {
    const { admin, user } = await start({ ...FAST, WEBHOOK_MAX_ATTEMPTS: '2' });
    let up = false;
    const receiver = await startReceiver(() => (up ? 200 : 503));
    const hook = await register(admin, receiver.url, ['campaign.created']);
    for (let i = 0; i < 5; i++) await buildCampaign(admin, { name: `Campaign ${i}` });

    const paused = await waitFor('the webhook to pause', async () => {
      const res = await admin.get<Webhook>(`/api/webhooks/${hook.id}`);
      return res.body.status === 'paused' ? res.body : undefined;
    });
    expect(paused).toMatchObject({ pausedReason: 'delivery_failures', consecutiveFailures: 5 });
    const log = await deliveries(admin, hook.id);
    expect(log.deliveries).toHaveLength(5);
    for (const delivery of log.deliveries) {
      expect(delivery).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 503 });
      expect(delivery.lastError).toContain('503');
    }
    const audit = await admin.get<{ events: Array<{ action: string; actor: unknown; entityId: string }> }>(
      `/api/audit?entityType=webhook&entityId=${hook.id}`,
    );
    expect(audit.body.events.find((event) => event.action === 'webhook.paused')).toMatchObject({
      actor: null,
    });
    const bell = await admin.get<{
      items: Array<{ kind: string; title: string; body: string; link: string }>;
    }>('/api/notifications');
    const notice = bell.body.items.find((item) => item.kind === 'webhook.paused');
    expect(notice).toMatchObject({ link: '/webhooks' });
    expect(notice!.title).toContain(receiver.url);
    expect(notice!.body).toContain('5 deliveries in a row');

    // While paused nothing new is recorded for it; a test ping still goes.
    const before = receiver.received.length;
    await buildCampaign(admin, { name: 'While paused' });
    up = true;
    const ping = await admin.post<Delivery>(`/api/webhooks/${hook.id}/test`);
    expect(ping.status).toBe(202);
    expect(ping.body.event).toBe('ping');
    const pinged = await waitFor('the ping', () =>
      receiver.received.find((entry) => entry.body.event === 'ping'),
    );
    expect(pinged.body.data).toMatchObject({ webhookId: hook.id, actor: { id: user.id } });
    await settle();
    expect(receiver.received.length).toBe(before + 1);
    expect((await deliveries(admin, hook.id)).deliveries).toHaveLength(6);

    // Redelivery sends the same body under the same id.
    const failed = log.deliveries[0]!;
    const again = await admin.post<Delivery>(`/api/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    const twice = await admin.post<ErrorBody>(`/api/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('webhook_delivery_pending');

    const resumed = await admin.patch<Webhook>(`/api/webhooks/${hook.id}`, { status: 'active' });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0, pausedReason: null });
    const redelivered = await waitFor('the redelivery', () =>
      receiver.received.find((entry, index) => index > before && entry.body.id === failed.id),
    );
    expect(redelivered.raw).toBe(failed.body);
    await buildCampaign(admin, { name: 'After resume' });
    await waitFor('the next event', () =>
      receiver.received.find(
        (entry) =>
          entry.body.event === 'campaign.created' && JSON.stringify(entry.body).includes('After resume'),
      ),
    );
  });

  it('edits, pauses by hand and deletes a webhook; pages through its deliveries', async () => {
    const { admin } = await start();
    const receiver = await startReceiver();
    const hook = await register(admin, receiver.url, ['task.created']);
    const edited = await admin.patch<Webhook>(`/api/webhooks/${hook.id}`, {
      events: ['campaign.updated', 'campaign.created', 'campaign.created'],
      description: 'Slack relay',
    });
    expect(edited.body).toMatchObject({
      events: ['campaign.created', 'campaign.updated'],
      description: 'Slack relay',
    });
    for (let i = 0; i < 3; i++) expect((await admin.post(`/api/webhooks/${hook.id}/test`)).status).toBe(202);
    const first = await deliveries(admin, hook.id, '?limit=2');
    expect(first.deliveries).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await deliveries(admin, hook.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.deliveries, ...second.deliveries].map((delivery) => delivery.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(3);
    const bad = await admin.get<ErrorBody>(`/api/webhooks/${hook.id}/deliveries?cursor=nonsense`);
    expect(bad.status).toBe(400);
    const all = await admin.patch<Webhook>(`/api/webhooks/${hook.id}`, { events: ['task.created', '*'] });
    expect(all.body.events).toEqual(['*']);

    const paused = await admin.patch<Webhook>(`/api/webhooks/${hook.id}`, { status: 'paused' });
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'paused_by_admin' });
    await waitFor('the pings', () => (receiver.received.length >= 3 ? true : undefined));
    await settle();
    const count = receiver.received.length;
    await buildCampaign(admin);
    await settle();
    expect(receiver.received.length).toBe(count);

    expect((await admin.delete(`/api/webhooks/${hook.id}`)).status).toBe(204);
    expect((await admin.get(`/api/webhooks/${hook.id}`)).status).toBe(404);
    expect((await admin.get(`/api/webhooks/${hook.id}/deliveries`)).status).toBe(404);
    const audit = await admin.get<{ events: Array<{ action: string }> }>(
      `/api/audit?entityType=webhook&entityId=${hook.id}`,
    );
    expect(audit.body.events.map((event) => event.action).sort()).toEqual(
      [
        'webhook.created',
        'webhook.deleted',
        'webhook.paused',
        'webhook.tested',
        'webhook.tested',
        'webhook.tested',
        'webhook.updated',
        'webhook.updated',
      ].sort(),
    );
  });

  it('refuses private and loopback targets without WEBHOOK_ALLOW_PRIVATE_NETWORKS, at registration and delivery', async () => {
    const { server, admin } = await start({ JOBS_POLL_INTERVAL_MS: '100' });
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:3000/hook',
      'http://app.localhost/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0x7f000001/hook',
      'http://100.64.0.1/hook',
      'http://[fd00::1]/hook',
    ]) {
      const res = await admin.post<ErrorBody>('/api/webhooks', { url, events: ['*'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('webhook_private_address');
    }
    for (const url of ['ftp://example.com/hook', 'https://user:pass@example.com/hook', 'not a url']) {
      const res = await admin.post<ErrorBody>('/api/webhooks', { url, events: ['*'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('webhook_invalid_url');
    }
    const unknown = await admin.post<ErrorBody>('/api/webhooks', {
      url: 'https://example.com/hook',
      events: ['task.created', 'task.exploded', 'nope'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('webhook_unknown_event');
    expect(unknown.body.error.message).toContain('"task.exploded"');
    const russian = new Client(server.url, 'ru');
    russian.cookie = admin.cookie;
    const inRussian = await russian.post<ErrorBody>('/api/webhooks', {
      url: 'http://127.0.0.1/x',
      events: ['*'],
    });
    expect(inRussian.body.error.message).toContain('внутреннюю сеть');

    // A target stored before the rule (or resolving inward later) is refused when it is sent to.
    const receiver = await startReceiver();
    const [row] = await server.database.db
      .insert(webhooks)
      .values({
        url: receiver.url,
        events: ['*'],
        secret: 'whsec_x',
        createdBy: (await admin.get<{ id: string }>('/api/me')).body.id,
      })
      .returning();
    // Written behind the app's back: tell the instances, as the app's own changes do.
    await server.database.db.execute(sql`select pg_notify('tandem_webhooks', '')`);
    await settle(200);
    await buildCampaign(admin);
    const [delivery] = await waitFor('the refused attempt', async () => {
      const page = await deliveries(admin, row!.id);
      return page.deliveries[0]?.attempts ? page.deliveries : undefined;
    });
    expect(delivery!.lastError).toContain('private_address');
    expect(delivery!.lastStatusCode).toBeNull();
    expect(receiver.received).toHaveLength(0);
  });

  it('is for owners and admins only', async () => {
    const { admin } = await start();
    const receiver = await startReceiver();
    const hook = await register(admin, receiver.url);
    const { client: other } = await buildUser(admin, { role: 'admin' });
    expect((await other.get(`/api/webhooks/${hook.id}`)).status).toBe(200);
    for (const role of ['market_lead', 'member', 'stakeholder'] as const) {
      const { client } = await buildUser(admin, { role, marketCodes: role === 'stakeholder' ? [] : ['US'] });
      const checks = [
        await client.get('/api/webhooks'),
        await client.get('/api/webhooks/events'),
        await client.post('/api/webhooks', { url: receiver.url, events: ['*'] }),
        await client.get(`/api/webhooks/${hook.id}`),
        await client.patch(`/api/webhooks/${hook.id}`, { status: 'paused' }),
        await client.post(`/api/webhooks/${hook.id}/test`),
        await client.get(`/api/webhooks/${hook.id}/deliveries`),
        await client.delete(`/api/webhooks/${hook.id}`),
      ];
      expect(
        checks.map((res) => res.status),
        role,
      ).toEqual(Array(checks.length).fill(403));
    }
    expect((await new Client(admin.baseUrl).get('/api/webhooks')).status).toBe(401);
    const groups = await admin.get<{ groups: Array<{ entityType: string; events: string[] }> }>(
      '/api/webhooks/events',
    );
    expect(groups.body.groups.find((group) => group.entityType === 'task')?.events).toContain('task.created');
  });

  it('never sends passwords, tokens or secrets', async () => {
    const { admin } = await start();
    const receiver = await startReceiver();
    const hook = await register(admin, receiver.url, ['*']);
    const invite = await admin.post<{ token: string }>('/api/invites', {
      email: 'new@tandem.test',
      role: 'member',
    });
    const joined = new Client(admin.baseUrl);
    await joined.post('/api/auth/register', {
      email: 'new@tandem.test',
      password: PASSWORD,
      name: 'New Member',
      locale: 'en',
      timeZone: 'UTC',
      inviteToken: invite.body.token,
    });
    const token = await admin.post<{ token: string }>('/api/tokens', { name: 'CI' });
    await admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` });
    await admin.post('/api/auth/password-reset', { email: 'new@tandem.test' });
    await waitFor('the events', () =>
      receiver.received.some((entry) => entry.body.event === 'user.password_changed') ? true : undefined,
    );
    await settle();
    const events = receiver.received.map((entry) => entry.body.event);
    expect(events).toEqual(
      expect.arrayContaining(['invite.created', 'user.registered', 'api_token.created']),
    );
    const everything = receiver.received.map((entry) => entry.raw).join('\n');
    expect(everything).not.toContain(invite.body.token);
    expect(everything).not.toContain(token.body.token);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(hook.secret!);
    expect(everything).not.toMatch(/scrypt\$|"[a-zA-Z]*(password|token|secret|hash)[a-zA-Z]*"\s*:/i);
  });

  describe.skipIf(!process.env.DATABASE_URL)('two instances on one PostgreSQL', () => {
    it('sends each event exactly once, whichever instance wrote it', async () => {
      const { server, admin } = await start();
      const config = { ...loadConfig(FAST), port: 0, host: '127.0.0.1', databaseUrl: server.databaseUrl };
      const database = await openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      const secondApp = await buildApp({ config, database });
      await secondApp.listen({ port: 0, host: '127.0.0.1' });
      cleanups.push(async () => {
        await secondApp.close();
        await database.close();
      });
      const secondUrl = `http://127.0.0.1:${(secondApp.server.address() as AddressInfo).port}`;
      const viaSecond = new Client(secondUrl);
      viaSecond.cookie = admin.cookie;

      const receiver = await startReceiver();
      // Registered on one instance, heard on the other at once (the cache is cleared by NOTIFY).
      await register(admin, receiver.url, ['campaign.created']);
      await settle(300);
      const names = Array.from({ length: 10 }, (_, i) => `Campaign ${i}`);
      await Promise.all(names.map((name, i) => buildCampaign(i % 2 ? admin : viaSecond, { name })));
      await waitFor('ten deliveries', () => (receiver.received.length >= 10 ? true : undefined));
      await settle(1_000);
      expect(receiver.received).toHaveLength(10);
      expect(new Set(receiver.received.map((entry) => entry.body.id)).size).toBe(10);
      expect(new Set(receiver.received.map((entry) => entry.body.data.entityId)).size).toBe(10);
    });
  });
});
