import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/index.ts';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface ListedUser extends UserBody {
  active: boolean;
  deactivatedAt: string | null;
}
interface AuditPage {
  events: Array<{ action: string; actorId: string | null; before: unknown; after: unknown }>;
}

const NEW_PASSWORD = 'a brand new passphrase';
const servers: Array<{ close(): Promise<void> }> = [];
const savedTrustProxy = process.env.TRUST_PROXY;

async function start(): Promise<TestServer> {
  const server = await startServer();
  servers.push(server);
  return server;
}

afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close();
  if (savedTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = savedTrustProxy;
});

async function signIn(url: string, email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const client = new Client(url);
  const res = await client.post<{ user: UserBody } & ErrorBody>(
    '/api/auth/login',
    { email, password },
    headers,
  );
  return { client, res };
}

async function listed(admin: Client, id: string): Promise<ListedUser> {
  const res = await admin.get<{ users: ListedUser[] }>('/api/users');
  const user = res.body.users.find((u) => u.id === id);
  if (!user) throw new Error(`user ${id} not listed`);
  return user;
}

describe('deactivation', () => {
  it("ends a user's session and token at once, refuses sign-in and marks their tasks", async () => {
    const server = await start();
    const { client: owner, user: ownerUser } = await setupOwner(server.url);
    const { client: member, user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const token = await member.post<{ token: string }>('/api/tokens', { name: 'script' });
    const script = new Client(server.url);
    script.bearer = token.body.token;
    // Both credentials are now cached by the instance.
    expect((await member.get('/api/me')).status).toBe(200);
    expect((await script.get('/api/me')).status).toBe(200);
    const campaign = await buildCampaign(owner);
    const task = await owner.post<{ id: string; ownerActive: boolean }>(
      `/api/campaigns/${campaign.id}/tasks`,
      {
        title: 'Brief the US creators',
        ownerId: user.id,
      },
    );
    expect(task.status).toBe(201);
    expect(task.body.ownerActive).toBe(true);

    const link = await owner.post<{ url: string }>(`/api/users/${user.id}/password-reset`);
    const res = await owner.patch<ListedUser>(`/api/users/${user.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, active: false });
    expect(res.body.deactivatedAt).not.toBeNull();

    expect((await member.get('/api/me')).status).toBe(401);
    expect((await script.get('/api/me')).status).toBe(401);
    const refused = await signIn(server.url, user.email);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.error.code).toBe('account_deactivated');
    expect(refused.res.body.error.message).toMatch(/deactivated/);
    // A wrong password says nothing about the account.
    expect((await signIn(server.url, user.email, 'not the password')).res.status).toBe(401);

    expect(await listed(owner, user.id)).toMatchObject({ active: false });
    const shown = await owner.get<{ ownerActive: boolean }>(`/api/tasks/${task.body.id}`);
    expect(shown.body.ownerActive).toBe(false);
    const board = await owner.get<{ tasks: Array<{ id: string; ownerActive: boolean }> }>(
      `/api/campaigns/${campaign.id}/tasks`,
    );
    expect(board.body.tasks.find((t) => t.id === task.body.id)?.ownerActive).toBe(false);
    // The tasks that need a new owner, found in one query.
    await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
      title: 'Owned by the owner',
      ownerId: ownerUser.id,
    });
    const orphaned = await owner.get<{ tasks: Array<{ id: string }>; total: number }>(
      `/api/campaigns/${campaign.id}/tasks?ownerActive=false`,
    );
    expect(orphaned.body.tasks.map((t) => t.id)).toEqual([task.body.id]);
    expect(orphaned.body.total).toBe(1);
    const staffed = await owner.get<{ tasks: Array<{ title: string }> }>(
      `/api/campaigns/${campaign.id}/tasks?ownerActive=true`,
    );
    expect(staffed.body.tasks.map((t) => t.title)).toEqual(['Owned by the owner']);
    const assign = await owner.post<ErrorBody>(`/api/campaigns/${campaign.id}/tasks`, {
      title: 'Another',
      ownerId: user.id,
    });
    expect(assign.status).toBe(400);
    expect(assign.body.error.code).toBe('user_deactivated');
    const audit = await owner.get<AuditPage>(
      `/api/audit?entityType=user&entityId=${user.id}&action=user.deactivated`,
    );
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({ before: { active: true }, after: { active: false } });

    // Reactivation: the user signs in again and their token works again.
    const back = await owner.patch<ListedUser>(`/api/users/${user.id}`, { active: true });
    expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await script.get('/api/me')).status).toBe(200);
    expect((await signIn(server.url, user.email)).res.status).toBe(200);
    // A reset link issued before the deactivation died with it.
    const stale = await new Client(server.url).post<ErrorBody>('/api/auth/password-reset/confirm', {
      token: link.body.url.split('/reset/')[1],
      newPassword: NEW_PASSWORD,
    });
    expect(stale.body.error.code).toBe('reset_invalid');
    // While deactivated, no reset link is issued either.
    await owner.patch(`/api/users/${user.id}`, { active: false });
    const refusedLink = await owner.post<ErrorBody>(`/api/users/${user.id}/password-reset`);
    expect(refusedLink.status).toBe(409);
    expect(refusedLink.body.error.code).toBe('user_deactivated');
    await owner.patch(`/api/users/${user.id}`, { active: true });
    expect((await owner.get<{ ownerActive: boolean }>(`/api/tasks/${task.body.id}`)).body.ownerActive).toBe(
      true,
    );
  });

  it("ends the user's open event stream when their access changes", async () => {
    const server = await start();
    const { client: owner } = await setupOwner(server.url);
    const { client: member, user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const openStream = async () => {
      const res = await fetch(`${server.url}/api/events`, { headers: { cookie: member.cookie! } });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      await reader.read(); // the "connected" comment
      return reader;
    };
    const endsWithin = async (reader: ReadableStreamDefaultReader<Uint8Array>, ms: number) => {
      const timeout = new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms));
      const ended = (async () => {
        for (;;) if ((await reader.read()).done) return 'ended' as const;
      })();
      return Promise.race([ended, timeout]);
    };
    // A role change ends the stream; the reconnect is authorized again and works.
    const first = await openStream();
    expect((await owner.patch(`/api/users/${user.id}`, { role: 'stakeholder' })).status).toBe(200);
    expect(await endsWithin(first, 2_000)).toBe('ended');
    const second = await openStream();
    expect((await owner.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect(await endsWithin(second, 2_000)).toBe('ended');
    const refused = await fetch(`${server.url}/api/events`, { headers: { cookie: member.cookie! } });
    expect(refused.status).toBe(401);
    await refused.body?.cancel();
  });

  it('protects the owner and the caller, and lets only admins manage users', async () => {
    const server = await start();
    const { client: owner, user: ownerUser } = await setupOwner(server.url);
    const { client: admin, user: adminUser } = await buildUser(owner, { role: 'admin' });
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const { user: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const { user: otherAdmin } = await buildUser(owner, { role: 'admin' });
    const { user: creator } = await buildUser(owner, { role: 'creator' });

    const expectError = async (
      res: Promise<{ status: number; body: unknown }>,
      status: number,
      code: string,
    ) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect((r.body as ErrorBody).error.code).toBe(code);
    };
    await expectError(lead.patch(`/api/users/${member.id}`, { active: false }), 403, 'forbidden');
    await expectError(lead.post(`/api/users/${member.id}/password-reset`), 403, 'forbidden');
    await expectError(admin.patch(`/api/users/${ownerUser.id}`, { active: false }), 403, 'owner_protected');
    await expectError(admin.patch(`/api/users/${ownerUser.id}`, { role: 'member' }), 403, 'owner_protected');
    await expectError(
      owner.patch(`/api/users/${ownerUser.id}`, { active: false }),
      403,
      'cannot_change_self',
    );
    await expectError(
      admin.patch(`/api/users/${adminUser.id}`, { active: false }),
      403,
      'cannot_change_self',
    );
    await expectError(
      admin.patch(`/api/users/${adminUser.id}`, { role: 'member' }),
      403,
      'cannot_change_self',
    );
    await expectError(admin.patch(`/api/users/${member.id}`, { role: 'admin' }), 403, 'role_not_allowed');
    await expectError(admin.patch(`/api/users/${member.id}`, { role: 'owner' }), 403, 'role_not_allowed');
    await expectError(owner.patch(`/api/users/${member.id}`, { role: 'owner' }), 403, 'role_not_allowed');
    await expectError(admin.patch(`/api/users/${otherAdmin.id}`, { active: false }), 403, 'role_not_allowed');
    await expectError(owner.patch(`/api/users/${member.id}`, { role: 'creator' }), 400, 'creator_role_fixed');
    await expectError(owner.patch(`/api/users/${creator.id}`, { role: 'member' }), 400, 'creator_role_fixed');
    await expectError(owner.patch(`/api/users/${member.id}`, { active: 'no' }), 400, 'validation_failed');
    await expectError(
      owner.patch(`/api/users/${member.id}`, { marketCodes: ['us'] }),
      400,
      'validation_failed',
    );
    await expectError(
      owner.patch('/api/users/00000000-0000-4000-8000-000000000000', { active: false }),
      404,
      'not_found',
    );
    // Nothing was half written by the refusals.
    expect(await listed(owner, member.id)).toMatchObject({ role: 'member', markets: ['US'], active: true });
    expect(await listed(owner, ownerUser.id)).toMatchObject({ role: 'owner', active: true });

    // The owner makes admins and manages them; an admin manages everyone below admin.
    expect((await owner.patch(`/api/users/${member.id}`, { role: 'admin' })).status).toBe(200);
    expect((await owner.patch(`/api/users/${otherAdmin.id}`, { active: false })).status).toBe(200);
    expect((await admin.patch(`/api/users/${creator.id}`, { active: false })).status).toBe(200);
    // Nobody manages their own account here, not even their markets.
    await expectError(
      admin.patch(`/api/users/${adminUser.id}`, { marketCodes: ['RU'] }),
      403,
      'cannot_change_self',
    );
  });

  it('changes role and markets with before/after in the audit, effective at once', async () => {
    const server = await start();
    const { client: owner } = await setupOwner(server.url);
    const { client: admin } = await buildUser(owner, { role: 'admin' });
    const { client: member, user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    expect((await member.get<UserBody>('/api/me')).body).toMatchObject({ role: 'member', markets: ['US'] });

    const res = await admin.patch<ListedUser>(`/api/users/${user.id}`, {
      role: 'market_lead',
      marketCodes: ['RU', 'US'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'market_lead', markets: ['RU', 'US'], active: true });
    // The member's cached credentials were forgotten: their next request sees the new role.
    expect((await member.get<UserBody>('/api/me')).body).toMatchObject({
      role: 'market_lead',
      markets: ['RU', 'US'],
    });
    const audit = await owner.get<AuditPage>(
      `/api/audit?entityType=user&entityId=${user.id}&action=user.access_changed`,
    );
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({
      before: { role: 'member', marketCodes: ['US'] },
      after: { role: 'market_lead', marketCodes: ['RU', 'US'] },
    });
  });
});

describe('passwords', () => {
  it('changes the password, ends the other sessions but not this one, and audits without the password', async () => {
    const server = await start();
    const { client: owner } = await setupOwner(server.url);
    const { client: here, user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const { client: elsewhere } = await signIn(server.url, user.email);
    expect((await elsewhere.get('/api/me')).status).toBe(200);

    const wrong = await here.post<ErrorBody>('/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    const weak = await here.post<ErrorBody>('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details?.[0]?.path).toBe('body.newPassword');
    expect((await elsewhere.get('/api/me')).status).toBe(200);

    const ok = await here.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await signIn(server.url, user.email, PASSWORD)).res.status).toBe(401);
    expect((await signIn(server.url, user.email, NEW_PASSWORD)).res.status).toBe(200);

    const audit = await owner.get<AuditPage>(
      `/api/audit?entityType=user&entityId=${user.id}&action=user.password_changed`,
    );
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]!.after).toEqual({ otherSessionsEnded: 1 });
    const everything = JSON.stringify((await owner.get('/api/audit')).body);
    expect(everything).not.toContain(NEW_PASSWORD);
    expect(everything).not.toContain(PASSWORD);
  });

  it('issues a one-time reset link that works once and ends every session', async () => {
    const server = await start();
    const { client: owner, user: ownerUser } = await setupOwner(server.url);
    const { client: admin } = await buildUser(owner, { role: 'admin' });
    const { client: member, user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });

    expect((await admin.post<ErrorBody>(`/api/users/${ownerUser.id}/password-reset`)).status).toBe(403);
    expect((await member.post<ErrorBody>(`/api/users/${user.id}/password-reset`)).status).toBe(403);

    const first = await admin.post<{ url: string; expiresAt: string }>(
      `/api/users/${user.id}/password-reset`,
    );
    expect(first.status).toBe(201);
    const hours = (Date.parse(first.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // Only the newest link works.
    const second = await admin.post<{ url: string }>(`/api/users/${user.id}/password-reset`);
    const tokenOf = (url: string) => {
      const match = /\/reset\/([^/]+)$/.exec(url);
      if (!match) throw new Error(`not a reset url: ${url}`);
      return match[1]!;
    };
    const anonymous = new Client(server.url, 'ru');
    const stale = await anonymous.post<ErrorBody>('/api/auth/password-reset/confirm', {
      token: tokenOf(first.body.url),
      newPassword: NEW_PASSWORD,
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error).toMatchObject({ code: 'reset_invalid' });
    expect(stale.body.error.message).toMatch(/^Ссылка/);

    const token = tokenOf(second.body.url);
    const weak = await anonymous.post('/api/auth/password-reset/confirm', { token, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await member.get('/api/me')).status).toBe(200);
    const used = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(used.status).toBe(204);
    expect((await member.get('/api/me')).status).toBe(401);
    const again = await anonymous.post<ErrorBody>('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect((await signIn(server.url, user.email, NEW_PASSWORD)).res.status).toBe(200);
    const audit = await owner.get<AuditPage>(`/api/audit?entityType=user&entityId=${user.id}`);
    const actions = audit.body.events.map((e) => e.action);
    expect(actions.filter((a) => a === 'user.password_reset_issued')).toHaveLength(2);
    expect(actions.filter((a) => a === 'user.password_reset')).toHaveLength(1);
  });

  it('answers a reset request the same for known and unknown addresses', async () => {
    const server = await start();
    const { client: owner } = await setupOwner(server.url);
    const { user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const anonymous = new Client(server.url);
    const known = await anonymous.post('/api/auth/password-reset', { email: user.email });
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'nobody@tandem.test' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const count = async () => {
      const rows = (await server.database.db.execute(
        sql`select u.email from password_resets r join users u on u.id = r.user_id`,
      )) as unknown as Array<{ email: string }> | { rows: Array<{ email: string }> };
      return (Array.isArray(rows) ? rows : rows.rows).map((r) => r.email);
    };
    expect(await count()).toEqual([user.email]);
    const bad = await anonymous.post<ErrorBody>('/api/auth/password-reset', { email: 'not an address' });
    expect(bad.status).toBe(400);
  });
});

describe('login limits', () => {
  async function failTimes(
    url: string,
    email: string,
    times: number,
    headers?: (i: number) => Record<string, string>,
  ) {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      statuses.push((await signIn(url, email, 'wrong password', headers?.(i))).res.status);
    }
    return statuses;
  }

  it('locks one account without locking another behind the same address', async () => {
    const server = await start();
    const { client: owner } = await setupOwner(server.url);
    const { user } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    expect(await failTimes(server.url, 'owner@tandem.test', 10)).toEqual(Array(10).fill(401));
    const locked = await signIn(server.url, 'owner@tandem.test');
    expect(locked.res.status).toBe(429);
    expect(locked.res.body.error.code).toBe('rate_limited');
    const retryAfter = Number(locked.res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another account from the same address signs in, and its success does not unlock the owner.
    expect((await signIn(server.url, user.email)).res.status).toBe(200);
    expect((await signIn(server.url, 'owner@tandem.test')).res.status).toBe(429);
  });

  it('keeps the account limit when X-Forwarded-For rotates, and limits one address across accounts', async () => {
    process.env.TRUST_PROXY = 'true';
    const server = await start();
    await setupOwner(server.url);
    const rotating = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` });
    expect(await failTimes(server.url, 'owner@tandem.test', 10, rotating)).toEqual(Array(10).fill(401));
    const locked = await signIn(server.url, 'owner@tandem.test', PASSWORD, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(locked.res.status).toBe(429);

    // One address spraying many accounts hits the address limit (50 in 15 minutes).
    const spray = (_i: number) => ({ 'x-forwarded-for': '192.0.2.99' });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      statuses.push((await signIn(server.url, `nobody${i}@tandem.test`, 'guess', spray(i))).res.status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const sprayed = await signIn(server.url, 'someone-else@tandem.test', 'guess', spray(0));
    expect(sprayed.res.status).toBe(429);
    // Other addresses are unaffected by that one.
    const other = await signIn(server.url, 'someone-else@tandem.test', 'guess', {
      'x-forwarded-for': '192.0.2.100',
    });
    expect(other.res.status).toBe(401);
  });

  it('lets a browser that signed in before, or a reset link, past an attacker’s lock', async () => {
    const server = await start();
    const { client: owner, user } = await setupOwner(server.url);
    // The owner signs in once from their browser and keeps its device cookie.
    const first = await signIn(server.url, user.email);
    const device = first.res.headers
      .getSetCookie()
      .find((c) => c.startsWith('tandem_device='))
      ?.split(';')[0];
    expect(device).toBeDefined();
    await failTimes(server.url, user.email, 10);
    expect((await signIn(server.url, user.email)).res.status).toBe(429);
    const known = await signIn(server.url, user.email, PASSWORD, { cookie: device! });
    expect(known.res.status).toBe(200);
    // A device cookie does not help with another account.
    const { user: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    await failTimes(server.url, member.email, 10);
    expect((await signIn(server.url, member.email, PASSWORD, { cookie: device! })).res.status).toBe(429);
    // A reset link clears the member's lock.
    const link = await owner.post<{ url: string }>(`/api/users/${member.id}/password-reset`);
    const token = link.body.url.split('/reset/')[1]!;
    expect(
      (
        await new Client(server.url).post('/api/auth/password-reset/confirm', {
          token,
          newPassword: NEW_PASSWORD,
        })
      ).status,
    ).toBe(204);
    expect((await signIn(server.url, member.email, NEW_PASSWORD)).res.status).toBe(200);
  });
});

describe.runIf(process.env.DATABASE_URL)('several instances on one PostgreSQL', () => {
  async function secondInstance(first: TestServer) {
    const rows = (await first.database.db.execute(
      sql`select current_database() as name`,
    )) as unknown as Array<{
      name: string;
    }>;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    const databaseUrl = url.toString();
    const database: Database = await openDatabase({ databaseUrl, dataDir: first.dataDir });
    const app: FastifyInstance = await buildApp({ config: { ...loadConfig({}), databaseUrl }, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    servers.unshift({
      close: async () => {
        await app.close();
        await database.close();
      },
    });
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it('shares the login counter and deactivation between instances', async () => {
    const first = await start();
    const secondUrl = await secondInstance(first);
    const { client: owner } = await setupOwner(first.url);
    const { user, client: memberOnFirst } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });

    for (let i = 0; i < 5; i++) expect((await signIn(first.url, user.email, 'wrong')).res.status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await signIn(secondUrl, user.email, 'wrong')).res.status).toBe(401);
    expect((await signIn(first.url, user.email)).res.status).toBe(429);
    expect((await signIn(secondUrl, user.email)).res.status).toBe(429);

    // The member's session, cached by the second instance, ends there when the first deactivates.
    const onSecond = new Client(secondUrl);
    onSecond.cookie = memberOnFirst.cookie;
    expect((await onSecond.get('/api/me')).status).toBe(200);
    expect((await owner.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    const deadline = Date.now() + 2_000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await onSecond.get('/api/me')).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Well within the cache's 10-second lifetime: the NOTIFY did it.
    expect(status).toBe(401);
  });
});
