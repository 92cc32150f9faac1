import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildUser, PASSWORD, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe('setup and registration', () => {
  it('makes the first account the owner, then requires an invitation', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needsSetup: true });

    const { client, user } = await setupOwner(server.url, { email: ' Owner@Tandem.TEST ' });
    expect(user).toMatchObject({
      email: 'owner@tandem.test',
      role: 'owner',
      locale: 'en',
      timeZone: 'Europe/Moscow',
    });
    expect((await anonymous.get('/api/setup')).body).toEqual({ needsSetup: false });
    expect((await client.get('/api/me')).body).toEqual(user);

    const second = await anonymous.post<ErrorBody>('/api/auth/register', {
      email: 'intruder@tandem.test',
      password: PASSWORD,
      name: 'Intruder',
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(second.status).toBe(403);
    expect(second.body.error.code).toBe('invite_required');
  });

  it('sets an httpOnly SameSite session cookie and never returns the password hash', async () => {
    const client = new Client(server.url);
    const res = await client.post('/api/auth/register', {
      email: 'o@tandem.test',
      password: PASSWORD,
      name: 'O',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tandem_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  it('lets only one of two simultaneous set-ups become the owner', async () => {
    const attempts = await Promise.all(
      ['a', 'b', 'c'].map((who) =>
        new Client(server.url).post('/api/auth/register', {
          email: `${who}@tandem.test`,
          password: PASSWORD,
          name: who,
          locale: 'en',
          timeZone: 'UTC',
        }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 403, 403]);
  });

  it('rejects a short password and an unknown time zone with field details', async () => {
    const res = await new Client(server.url, 'ru').post<ErrorBody>('/api/auth/register', {
      email: 'o@tandem.test',
      password: 'short',
      name: 'O',
      locale: 'en',
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details!.map((d) => d.path).sort();
    expect(paths).toEqual(['body.password', 'body.timeZone']);
    expect(res.body.error.details!.find((d) => d.path === 'body.timeZone')!.message).toBe(
      '«Mars/Olympus_Mons» — неизвестный часовой пояс IANA.',
    );
    expect(res.body.error.details!.find((d) => d.path === 'body.password')!.message).toBe(
      'Не короче 10 символов.',
    );
    expect((await new Client(server.url).get('/api/setup')).body).toEqual({ needsSetup: true });
  });
});

describe('login and logout', () => {
  it('signs in, signs out, and refuses wrong passwords without saying which part was wrong', async () => {
    await setupOwner(server.url);
    const client = new Client(server.url);
    const wrong = await client.post<ErrorBody>('/api/auth/login', {
      email: 'owner@tandem.test',
      password: 'nope nope nope',
    });
    const unknown = await client.post<ErrorBody>('/api/auth/login', {
      email: 'ghost@tandem.test',
      password: PASSWORD,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);

    const ok = await client.post<{ user: UserBody }>('/api/auth/login', {
      email: 'OWNER@tandem.test',
      password: PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.role).toBe('owner');
    expect((await client.get('/api/me')).status).toBe(200);

    const sessionCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    // The old cookie is dead on the server, not merely forgotten by the browser.
    const replay = new Client(server.url);
    replay.cookie = sessionCookie;
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('rate-limits repeated login attempts with a translated message', async () => {
    await setupOwner(server.url);
    const client = new Client(server.url, 'ru');
    const statuses: number[] = [];
    let last: ErrorBody | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await client.post<ErrorBody>('/api/auth/login', {
        email: 'owner@tandem.test',
        password: 'wrong password',
      });
      statuses.push(res.status);
      last = res.body;
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(last!.error.code).toBe('rate_limited');
    expect(last!.error.message).toMatch(/^Слишком много попыток\. Повторите через \d+ секунд/);
    // Even the right password waits out the window.
    const right = await client.post('/api/auth/login', { email: 'owner@tandem.test', password: PASSWORD });
    expect(right.status).toBe(429);
  });
});

describe('profile', () => {
  it('changes language and time zone and audits the change', async () => {
    const { client, user } = await setupOwner(server.url);
    const res = await client.patch<UserBody>('/api/me', { locale: 'ru', timeZone: 'America/Los_Angeles' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ locale: 'ru', timeZone: 'America/Los_Angeles' });
    const audit = await client.get<{ events: Array<{ action: string; before: unknown; after: unknown }> }>(
      `/api/audit?entityType=user&entityId=${user.id}&action=user.profile_updated`,
    );
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({
      before: { locale: 'en', timeZone: 'Europe/Moscow' },
      after: { locale: 'ru', timeZone: 'America/Los_Angeles' },
    });
    // Errors now come in the saved language when the caller does not ask for another.
    const bad = await client.patch<ErrorBody>('/api/me', { timeZone: 'Nowhere/Special' });
    expect(bad.body.error.message).toMatch(/^Некоторые поля/);
  });
});

describe('API tokens', () => {
  it('authenticates with a bearer token until it is revoked', async () => {
    const { client, user } = await setupOwner(server.url);
    const created = await client.post<{ id: string; token: string }>('/api/tokens', { name: 'CI script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tdm_/);

    const script = new Client(server.url);
    script.bearer = created.body.token;
    expect((await script.get<UserBody>('/api/me')).body.id).toBe(user.id);

    const listed = await client.get<{ tokens: Array<{ id: string; name: string }> }>('/api/tokens');
    expect(listed.body.tokens.map((t) => t.name)).toEqual(['CI script']);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    expect((await client.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await script.get('/api/me')).status).toBe(401);
  });

  it('does not let one user revoke another user’s token', async () => {
    const { client: owner } = await setupOwner(server.url);
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const created = await owner.post<{ id: string }>('/api/tokens', { name: 'mine' });
    expect((await member.delete(`/api/tokens/${created.body.id}`)).status).toBe(404);
    expect((await owner.get<{ tokens: unknown[] }>('/api/tokens')).body.tokens).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('invites by link with a role and markets; the link works once, for that email', async () => {
    const { client: owner } = await setupOwner(server.url);
    const invite = await owner.post<{ token: string; url: string }>('/api/invites', {
      email: 'Lead@Tandem.test',
      role: 'market_lead',
      marketCodes: ['RU'],
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toBe(`${server.url}/invite/${invite.body.token}`);

    const anonymous = new Client(server.url);
    const preview = await anonymous.get(`/api/invites/${invite.body.token}`);
    expect(preview.body).toMatchObject({
      email: 'lead@tandem.test',
      role: 'market_lead',
      marketCodes: ['RU'],
      invitedByName: 'Olga Owner',
    });

    const wrongEmail = await anonymous.post<ErrorBody>('/api/auth/register', {
      email: 'someone-else@tandem.test',
      password: PASSWORD,
      name: 'X',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      inviteToken: invite.body.token,
    });
    expect(wrongEmail.body.error.code).toBe('invite_email_mismatch');

    const lead = new Client(server.url);
    const registered = await lead.post<{ user: UserBody }>('/api/auth/register', {
      email: 'lead@tandem.test',
      password: PASSWORD,
      name: 'Лена',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      inviteToken: invite.body.token,
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({ role: 'market_lead', markets: ['RU'], locale: 'ru' });

    const again = await new Client(server.url).post<ErrorBody>('/api/auth/register', {
      email: 'lead@tandem.test',
      password: PASSWORD,
      name: 'Again',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      inviteToken: invite.body.token,
    });
    expect(again.body.error.code).toBe('invite_invalid');
    expect((await anonymous.get(`/api/invites/${invite.body.token}`)).status).toBe(404);
  });

  it('revoked invitations stop working', async () => {
    const { client: owner } = await setupOwner(server.url);
    const invite = await owner.post<{ id: string; token: string }>('/api/invites', {
      email: 'm@tandem.test',
      role: 'member',
    });
    expect((await owner.delete(`/api/invites/${invite.body.id}`)).status).toBe(204);
    expect((await new Client(server.url).get(`/api/invites/${invite.body.token}`)).status).toBe(404);
    expect((await owner.get<{ invites: unknown[] }>('/api/invites')).body.invites).toHaveLength(0);
  });

  it('enforces who may invite whom', async () => {
    const { client: owner } = await setupOwner(server.url);
    const { client: admin } = await buildUser(owner, { role: 'admin' });
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'] });
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['RU'] });
    const { client: stakeholder } = await buildUser(owner, { role: 'stakeholder' });
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['RU'] });
    const invite = (client: Client, role: string, marketCodes: string[] = []) =>
      client
        .post('/api/invites', { email: `x${Math.random()}@tandem.test`, role, marketCodes })
        .then((r) => r.status);

    expect(await invite(admin, 'owner')).toBe(403);
    expect(await invite(admin, 'admin')).toBe(201);
    expect(await invite(lead, 'member', ['RU'])).toBe(201);
    expect(await invite(lead, 'member', ['US'])).toBe(403);
    expect(await invite(lead, 'admin')).toBe(403);
    expect(await invite(member, 'member', ['RU'])).toBe(403);
    expect(await invite(stakeholder, 'member')).toBe(403);
    expect(await invite(creator, 'creator', ['RU'])).toBe(403);

    expect((await member.get('/api/invites')).status).toBe(403);
    expect((await admin.get('/api/invites')).status).toBe(200);
    expect((await creator.get('/api/users')).status).toBe(403);
    expect((await stakeholder.get('/api/users')).status).toBe(200);
  });

  it('requires a signed-in caller for every private route', async () => {
    await setupOwner(server.url);
    const anonymous = new Client(server.url);
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['PATCH', '/api/me'],
      ['GET', '/api/users'],
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens'],
      ['GET', '/api/invites'],
      ['POST', '/api/invites'],
      ['GET', '/api/audit'],
      ['GET', '/api/events'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      const body = method === 'GET' ? undefined : {};
      const res = await anonymous.request<ErrorBody>(method, path, body);
      // Validation may run first for bodies; either way nothing is revealed or changed.
      expect([400, 401], `${method} ${path}`).toContain(res.status);
    }
    expect((await anonymous.get<ErrorBody>('/api/me')).body.error.code).toBe('unauthenticated');
  });
});
