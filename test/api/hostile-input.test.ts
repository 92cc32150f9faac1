import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

/**
 * The classes of input an attacker or a careless client sends: text the database cannot store,
 * dates it cannot hold, malformed codes, wrong content types, broken paths and headers. Each is
 * a 4xx in the API's error shape, in the caller's language, and changes nothing.
 */

let server: TestServer;
let owner: Client;
let ownerId: string;
let campaignId: string;
let taskId: string;
let creatorId: string;
let engagementId: string;

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = '\udc00';
const BAD_TEXTS = [NUL, LONE_HIGH, LONE_LOW];

async function auditCount() {
  return (await owner.get<{ events: unknown[] }>('/api/audit?limit=500')).body.events.length;
}

function expectRefused(res: { status: number; body: unknown }, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  const body = res.body as ErrorBody;
  expect(typeof body.error?.code, label).toBe('string');
  expect(typeof body.error?.message, label).toBe('string');
}

beforeAll(async () => {
  server = await startServer();
  const setup = await setupOwner(server.url);
  owner = setup.client;
  ownerId = setup.user.id;
  campaignId = (await buildCampaign(owner)).id;
  const task = await owner.post<{ id: string }>(`/api/campaigns/${campaignId}/tasks`, {
    title: 'Brief the creators',
    ownerId,
  });
  taskId = task.body.id;
  const creator = await owner.post<{ id: string }>('/api/creators', {
    name: 'Anna Petrova',
    marketCode: 'RU',
    language: 'ru',
    timeZone: 'Europe/Moscow',
    channels: [{ platform: 'telegram', handle: '@anna' }],
  });
  creatorId = creator.body.id;
  const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaignId}/engagements`, {
    creatorId,
    fee: { amount: 1000, currency: 'RUB' },
  });
  engagementId = engagement.body.id;
});
afterAll(async () => {
  await server.close();
});

describe('text that cannot be stored is refused with 400, naming the field', () => {
  const writes = (): Array<{
    label: string;
    method: string;
    path: string;
    body: (bad: string) => unknown;
    field: string;
  }> => [
    {
      label: 'task title',
      method: 'POST',
      path: `/api/campaigns/${campaignId}/tasks`,
      body: (bad) => ({ title: bad, ownerId }),
      field: 'body.title',
    },
    {
      label: 'task description',
      method: 'POST',
      path: `/api/campaigns/${campaignId}/tasks`,
      body: (bad) => ({ title: 'x', description: bad, ownerId }),
      field: 'body.description',
    },
    {
      label: 'task label',
      method: 'POST',
      path: `/api/campaigns/${campaignId}/tasks`,
      body: (bad) => ({ title: 'x', ownerId, labels: ['ok', bad] }),
      field: 'body.labels.1',
    },
    {
      label: 'comment',
      method: 'POST',
      path: `/api/tasks/${taskId}/comments`,
      body: (bad) => ({ body: bad }),
      field: 'body.body',
    },
    {
      label: 'campaign name',
      method: 'POST',
      path: '/api/campaigns',
      body: (bad) => ({ name: bad, brand: 'b', markets: [] }),
      field: 'body.name',
    },
    {
      label: 'creator channel handle',
      method: 'POST',
      path: '/api/creators',
      body: (bad) => ({
        name: 'n',
        marketCode: 'RU',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        channels: [{ platform: 'telegram', handle: bad }],
      }),
      field: 'body.channels.0.handle',
    },
    {
      label: 'creator notes',
      method: 'PATCH',
      path: `/api/creators/${creatorId}`,
      body: (bad) => ({ notes: bad }),
      field: 'body.notes',
    },
    {
      label: 'policy notes',
      method: 'PUT',
      path: `/api/campaigns/${campaignId}/policies/RU`,
      body: (bad) => ({
        revisionRounds: 2,
        feedbackTurnaroundHours: 24,
        briefingStyle: 'iterative',
        communicationNotes: bad,
      }),
      field: 'body.communicationNotes',
    },
    {
      label: 'milestone title',
      method: 'POST',
      path: `/api/campaigns/${campaignId}/milestones`,
      body: (bad) => ({ title: bad, kind: 'other', at: '2026-12-10T10:00:00Z' }),
      field: 'body.title',
    },
    {
      label: 'profile name',
      method: 'PATCH',
      path: '/api/me',
      body: (bad) => ({ name: bad }),
      field: 'body.name',
    },
    {
      label: 'token name',
      method: 'POST',
      path: '/api/tokens',
      body: (bad) => ({ name: bad }),
      field: 'body.name',
    },
    {
      label: 'an object key',
      method: 'PUT',
      path: `/api/campaigns/${campaignId}/fx`,
      body: (bad) => ({ baseCurrency: 'RUB', rates: { [bad]: 1 } }),
      field: 'body.rates.?',
    },
  ];

  it('in every kind of stored field, in English and Russian, and nothing is written', async () => {
    const before = await auditCount();
    for (const write of writes()) {
      for (const bad of BAD_TEXTS) {
        const res = await owner.request<ErrorBody>(write.method, write.path, write.body(bad));
        expectRefused(res, `${write.label} ${JSON.stringify(bad)}`);
        expect(res.status, write.label).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        const detail = res.body.error.details?.find((d) => d.code === 'unstorable_text');
        expect(detail?.path, write.label).toBe(write.field);
      }
    }
    const ru = await new Client(server.url, 'ru').request<ErrorBody>('POST', '/api/auth/login', {
      email: 'owner@tandem.test',
      password: NUL,
    });
    expect(ru.status).toBe(400);
    expect(ru.body.error.details?.[0]?.message).toMatch(/нельзя сохранить/);
    expect(await auditCount()).toBe(before);
    // The task kept its title: nothing was half written.
    expect((await owner.get<{ title: string }>(`/api/tasks/${taskId}`)).body.title).toBe(
      'Brief the creators',
    );
  });

  it('in query filters and path parameters', async () => {
    // A URL carries UTF-8 bytes: a NUL arrives as %00; half a surrogate pair as its CESU-8 bytes.
    for (const encoded of ['a%00b', '%00', '%ED%A0%80', '%ED%B0%80x']) {
      for (const path of [
        `/api/audit?entityType=${encoded}`,
        `/api/audit?action=${encoded}`,
        `/api/campaigns/${campaignId}/tasks?q=${encoded}`,
        `/api/campaigns/${campaignId}/tasks?label=${encoded}`,
        `/api/campaigns/${campaignId}/tasks.csv?q=${encoded}`,
        `/api/me/tasks?q=${encoded}`,
        `/api/campaigns/${campaignId}/imports?format=post-metrics&fileName=${encoded}`,
        `/api/tasks/${encoded}`,
      ]) {
        const res = await owner.get<ErrorBody>(path);
        expect(res.status, `${path} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
        if (encoded.includes('%00') || path.startsWith('/api/tasks/')) expectRefused(res, path);
      }
    }
    const nul = await owner.get<ErrorBody>(`/api/campaigns/${campaignId}/tasks?q=a%00b`);
    expect(nul.status).toBe(400);
    expect(nul.body.error.details?.[0]?.path).toBe('query.q');
    const put = await owner.put<ErrorBody>(`/api/campaigns/${campaignId}/policies/R%00U`, {
      revisionRounds: 1,
      feedbackTurnaroundHours: 24,
      briefingStyle: 'iterative',
    });
    expect(put.status).toBe(400);
  });
});

describe('instants and dates outside the years 1900–2200', () => {
  it('are refused in bodies, local times and query filters', async () => {
    const before = await auditCount();
    const far = [
      '0000-01-01T00:00:00Z',
      '10000-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '2201-01-01T00:00:00Z',
      '+010000-01-01T00:00:00Z',
    ];
    for (const at of far) {
      const cases: Array<[string, string, unknown]> = [
        ['POST', `/api/campaigns/${campaignId}/tasks`, { title: 'x', ownerId, dueAt: at }],
        ['PATCH', `/api/tasks/${taskId}`, { version: 1, dueAt: at }],
        ['POST', `/api/campaigns/${campaignId}/milestones`, { title: 'x', kind: 'other', at }],
        [
          'POST',
          `/api/campaigns/${campaignId}/meetings`,
          { title: 'x', start: at, durationMinutes: 30, participantIds: [ownerId], languages: ['en'] },
        ],
        [
          'POST',
          `/api/engagements/${engagementId}/metrics`,
          { platform: 'telegram', source: 'screenshot', postedAt: at, reach: 1 },
        ],
        [
          'POST',
          `/api/engagements/${engagementId}/metrics`,
          { platform: 'telegram', source: 'screenshot', measuredAt: at, reach: 1 },
        ],
        [
          'POST',
          '/api/meetings/slots',
          { participants: [{ userId: ownerId }], durationMinutes: 30, from: at, to: '2026-12-20T00:00:00Z' },
        ],
      ];
      for (const [method, path, body] of cases) {
        const res = await owner.request<ErrorBody>(method, path, body);
        expectRefused(res, `${method} ${path} ${at}`);
        expect(res.status).toBe(400);
      }
      for (const path of [
        `/api/audit?from=${encodeURIComponent(at)}`,
        `/api/audit?to=${encodeURIComponent(at)}`,
        `/api/campaigns/${campaignId}/tasks?dueBefore=${encodeURIComponent(at)}`,
        `/api/campaigns/${campaignId}/tasks?dueAfter=${encodeURIComponent(at)}`,
        `/api/campaigns/${campaignId}/tasks.csv?dueAfter=${encodeURIComponent(at)}`,
      ]) {
        const res = await owner.get<ErrorBody>(path);
        expectRefused(res, path);
        expect(res.status, path).toBe(400);
      }
    }
    const local = await owner.post<ErrorBody>(`/api/campaigns/${campaignId}/milestones`, {
      title: 'x',
      kind: 'other',
      at: { local: '0000-03-08T10:00', timeZone: 'America/New_York' },
    });
    expect(local.status).toBe(400);
    expect(local.body.error.details?.[0]?.message).toBe('Dates must fall between the years 1900 and 2200.');
    const ru = await new Client(server.url, 'ru');
    ru.cookie = owner.cookie;
    const ruRes = await ru.get<ErrorBody>('/api/audit?from=0000-01-01T00:00:00Z');
    expect(ruRes.body.error.details?.[0]?.message).toBe('Даты должны быть в пределах 1900–2200 годов.');
    expect(await auditCount()).toBe(before);
  });

  it('the edges of the range are accepted', async () => {
    for (const at of ['1900-01-01T00:00:00Z', '2200-12-31T23:59:59Z']) {
      const res = await owner.post(`/api/campaigns/${campaignId}/tasks`, {
        title: `edge ${at}`,
        ownerId,
        dueAt: at,
      });
      expect(res.status, at).toBe(201);
    }
  });
});

describe('malformed codes', () => {
  it('a language that is not a two-letter code is 400, never a crash', async () => {
    for (const language of ['R', 'en\n', '🙂', 'eng', 'EN', 'zz', '', 'e\u0301']) {
      const creator = await owner.post<ErrorBody>('/api/creators', {
        name: 'n',
        marketCode: 'RU',
        language,
        timeZone: 'Europe/Moscow',
      });
      expectRefused(creator, `creator ${JSON.stringify(language)}`);
      expect(creator.status).toBe(400);
      const campaign = await owner.post<ErrorBody>('/api/campaigns', {
        name: 'n',
        brand: 'b',
        markets: [
          { code: 'RU', language, timeZone: 'Europe/Moscow', currency: 'RUB', objective: 'awareness' },
          {
            code: 'US',
            language: 'en',
            timeZone: 'America/New_York',
            currency: 'USD',
            objective: 'conversion',
          },
        ],
      });
      expectRefused(campaign, `campaign ${JSON.stringify(language)}`);
      expect(campaign.status).toBe(400);
    }
  });

  it('time zones, currencies and market codes likewise', async () => {
    for (const timeZone of ['+03:00', 'Mars/Olympus', 'Europe/Moscow\n', '🙂', 'x'.repeat(5000)]) {
      const res = await owner.patch<ErrorBody>('/api/me', { timeZone });
      expectRefused(res, `zone ${JSON.stringify(timeZone).slice(0, 40)}`);
      expect(res.status).toBe(400);
    }
    for (const path of [
      '/api/policy-defaults/ru',
      '/api/policy-defaults/R\n',
      `/api/campaigns/${campaignId}/policies/${'X'.repeat(90)}`,
    ]) {
      const res = await owner.put<ErrorBody>(path, {
        revisionRounds: 1,
        feedbackTurnaroundHours: 24,
        briefingStyle: 'iterative',
      });
      expectRefused(res, path);
    }
  });
});

describe('numbers the database cannot hold', () => {
  it('are a 4xx, not a 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      [
        'POST',
        '/api/creators',
        {
          name: 'n',
          marketCode: 'RU',
          language: 'ru',
          timeZone: 'Europe/Moscow',
          channels: [{ platform: 'telegram', handle: 'h', followers: 1e300 }],
        },
      ],
      [
        'POST',
        '/api/creators',
        {
          name: 'n',
          marketCode: 'RU',
          language: 'ru',
          timeZone: 'Europe/Moscow',
          channels: [{ platform: 'telegram', handle: 'h', followers: Number.MAX_SAFE_INTEGER }],
        },
      ],
      [
        'POST',
        `/api/engagements/${engagementId}/metrics`,
        { platform: 'telegram', source: 'screenshot', reach: Number.MAX_SAFE_INTEGER },
      ],
      ['PATCH', `/api/tasks/${taskId}`, { version: Number.MAX_SAFE_INTEGER, title: 'x' }],
      ['PATCH', `/api/tasks/${taskId}`, { version: 2 ** 31, title: 'x' }],
      ['PATCH', `/api/campaigns/${campaignId}`, { version: 2 ** 31, name: 'x' }],
      [
        'POST',
        `/api/campaigns/${campaignId}/meetings`,
        {
          title: 'x',
          start: '2026-12-10T10:00:00Z',
          durationMinutes: 2 ** 40,
          participantIds: [ownerId],
          languages: ['en'],
        },
      ],
      ['GET', `/api/audit?cursor=${2 ** 70}`, undefined],
      ['GET', '/api/audit?limit=1e400', undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await owner.request<ErrorBody>(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
    }
  });
});

describe('bodies, content types, paths and headers', () => {
  it('a roster import that is not CSV is 415; broken CSV is 400 naming the line', async () => {
    const json = await owner.post<ErrorBody>('/api/creators/import', { name: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/CSV/);
    const none = await owner.request<ErrorBody>('POST', '/api/creators/import');
    expect(none.status).toBe(415);
    const unclosed = await owner.request<ErrorBody>(
      'POST',
      '/api/creators/import',
      'name,market,language,time_zone\nAnna,RU,ru,Europe/Moscow\n"Boris,RU,ru,Europe/Moscow\n',
      { 'content-type': 'text/csv' },
    );
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.code).toBe('csv_invalid');
    expect(unclosed.body.error.message).toMatch(/line 3/);
    const ru = new Client(server.url, 'ru');
    ru.cookie = owner.cookie;
    const unclosedRu = await ru.request<ErrorBody>('POST', '/api/creators/import', 'name,market\n"x,RU\n', {
      'content-type': 'text/csv',
    });
    expect(unclosedRu.body.error.message).toMatch(/строке 2.*кавычка/);
    const binary = await owner.request<ErrorBody>('POST', '/api/creators/import', '\u0000\u0001\u0002PK', {
      'content-type': 'text/csv',
    });
    expect(binary.status).toBe(400);
    // A measurement import with a JSON body is 415 too.
    const imp = await owner.post<ErrorBody>(`/api/campaigns/${campaignId}/imports?format=post-metrics`, {
      a: 1,
    });
    expect(imp.status).toBe(415);
  });

  it('a broken path or a path segment over the limit answers in the error shape', async () => {
    for (const path of ['/api/tasks/%E0%A4%A', '/api/tasks/%', `/api/campaigns/%ZZ/tasks`]) {
      const res = await owner.get<ErrorBody>(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('invalid_path');
    }
    for (const path of [`/api/tasks/${'a'.repeat(500)}`, `/api/campaigns/${'b'.repeat(5000)}/tasks`]) {
      const long = await owner.get<ErrorBody>(path);
      expect([404, 414]).toContain(long.status);
      expect(['not_found', 'path_too_long']).toContain(long.body.error.code);
    }
    const ru = await new Client(server.url, 'ru').get<ErrorBody>('/api/tasks/%');
    expect(ru.body.error.message).toMatch(/Адрес/);
  });

  it('a malformed X-File-Name is 400, not 500', async () => {
    for (const name of ['%E0%A4%A', '%', '..%2F..%2F', '%00']) {
      const res = await owner.request<ErrorBody>(
        'POST',
        `/api/engagements/${engagementId}/submissions`,
        Buffer.from('%PDF-1.4\n%%EOF\n').toString('latin1'),
        {
          'content-type': 'application/pdf',
          'x-file-name': name,
        },
      );
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      expect(res.body.error.code).toBeTruthy();
    }
  });

  it('a POST whose body is optional accepts no body at all, and an empty JSON body', async () => {
    const published = await owner.request<{ version: number }>(
      'POST',
      `/api/campaigns/${campaignId}/brief/versions`,
    );
    expect(published.status).toBe(201);
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'] });
    const ack = await lead.request(
      'POST',
      `/api/campaigns/${campaignId}/brief/versions/${published.body.version}/acknowledgements`,
    );
    expect(ack.status).toBe(201);
    const again = await owner.request<{ version: number }>(
      'POST',
      `/api/campaigns/${campaignId}/brief/versions`,
      '',
      {
        'content-type': 'application/json',
      },
    );
    // Nothing changed since the last version: refused for that reason, not for the missing body.
    expect(again.status).toBe(409);
    expect((again.body as unknown as ErrorBody).error.code).not.toBe('validation_failed');
    const meeting = await owner.post<{ id: string }>(`/api/campaigns/${campaignId}/meetings`, {
      title: 'Kickoff',
      start: '2026-12-10T10:00:00Z',
      durationMinutes: 30,
      participantIds: [ownerId],
      languages: ['en'],
    });
    const cancel = await owner.request('POST', `/api/meetings/${meeting.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    // A body that is required still names each missing field.
    const task = await owner.request<ErrorBody>('POST', `/api/campaigns/${campaignId}/tasks`);
    expect(task.status).toBe(400);
    expect(task.body.error.details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.ownerId']),
    );
  });

  it('another market’s user cannot smuggle text past the checks either', async () => {
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const res = await member.post<ErrorBody>(`/api/campaigns/${campaignId}/tasks`, { title: NUL, ownerId });
    expect(res.status).toBe(400);
  });
});
