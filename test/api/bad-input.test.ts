import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let owner: Client;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
});
afterAll(async () => {
  await server.close();
});

describe('bad input gets a 4xx in the error shape, in the caller’s language, and changes nothing', () => {
  it('malformed JSON', async () => {
    const en = await new Client(server.url, 'en').request<ErrorBody>('POST', '/api/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(en.status).toBe(400);
    expect(en.body).toEqual({
      error: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
    });
    const ru = await new Client(server.url, 'ru').request<ErrorBody>('POST', '/api/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(ru.body.error.message).toBe('Тело запроса — некорректный JSON.');
  });

  it('wrong types and missing fields, each named', async () => {
    const res = await owner.post<ErrorBody>('/api/invites', { email: 42, marketCodes: 'RU' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const byPath = Object.fromEntries(res.body.error.details!.map((d) => [d.path, d]));
    expect(byPath['body.email']?.code).toBe('invalid_type');
    expect(byPath['body.role']?.message).toBe('Required.');
    expect(byPath['body.marketCodes']?.code).toBe('invalid_type');
  });

  it('unknown fields are refused, not ignored', async () => {
    const res = await new Client(server.url, 'ru').post<ErrorBody>('/api/auth/login', {
      email: 'owner@tandem.test',
      password: 'x',
      remember: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'body', code: 'unrecognized_keys', message: 'Неизвестное поле: remember.' },
    ]);
  });

  it('oversized bodies get 413 before anything is parsed', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await owner.request<ErrorBody>('PATCH', '/api/me', huge, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
    expect(res.body.error.message).toMatch(/1,024 KB/);
    expect((await owner.get<{ name: string }>('/api/me')).body.name).toBe('Olga Owner');
  });

  it('unsupported content types get 415', async () => {
    const res = await owner.request<ErrorBody>('POST', '/api/tokens', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('invalid ids and query values are 400, unknown routes 404', async () => {
    expect((await owner.delete<ErrorBody>('/api/tokens/not-a-uuid')).body.error.code).toBe(
      'validation_failed',
    );
    expect((await owner.get<ErrorBody>('/api/audit?limit=0')).status).toBe(400);
    expect((await owner.get<ErrorBody>('/api/audit?from=yesterday')).status).toBe(400);
    expect((await owner.get<ErrorBody>('/api/audit?bogus=1')).status).toBe(400);
    const missing = await owner.get<ErrorBody>('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('a failed change leaves no audit trace', async () => {
    const before = (await owner.get<{ events: unknown[] }>('/api/audit')).body.events.length;
    await owner.patch('/api/me', { locale: 'de' });
    await owner.post('/api/invites', { email: 'not-an-email', role: 'member' });
    const after = (await owner.get<{ events: unknown[] }>('/api/audit')).body.events.length;
    expect(after).toBe(before);
  });
});

describe('the contract', () => {
  it('reports health and the database in use', async () => {
    const res = await new Client(server.url).get<{ status: string; database: string; version: string }>(
      '/api/health',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('serves the web app for pages, and 404 for missing files and API paths', async () => {
    const anonymous = new Client(server.url);
    for (const page of ['/', '/campaigns/123/brief', '/invite/abc']) {
      const res = await anonymous.get<string>(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
    expect((await anonymous.get('/assets/missing-0000.js')).status).toBe(404);
    expect((await anonymous.get<ErrorBody>('/api/missing')).body.error.code).toBe('not_found');
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await new Client(server.url).get<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>('/api/openapi.json');
    expect(res.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(res.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = server.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/api/'));
    expect(registered.length).toBeGreaterThan(0);
    for (const route of [
      'GET /api/health',
      'POST /api/auth/register',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/me',
      'PATCH /api/me',
      'POST /api/tokens',
      'POST /api/invites',
      'GET /api/audit',
      'GET /api/events',
    ]) {
      expect(documented).toContain(route.replace(/:(\w+)/g, '{$1}'));
    }
  });
});
