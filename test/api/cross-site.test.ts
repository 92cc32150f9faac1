import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, RU_US_MARKETS, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let owner: Client;
let campaignId: string;
let meetingId: string;
let importId: string;
const EVIL = 'https://evil.example';

/** What a plain HTML form on another site sends: text/plain, the victim's cookie, browser headers. */
const formFromElsewhere = { 'content-type': 'text/plain', origin: EVIL, 'sec-fetch-site': 'cross-site' };
/** The same form from a browser that sends neither Origin nor Sec-Fetch-Site. */
const bareTextPlain = { 'content-type': 'text/plain' };

beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
  campaignId = (await buildCampaign(owner)).id;
  const { user: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
  const meeting = await owner.post<{ id: string }>(`/api/campaigns/${campaignId}/meetings`, {
    title: 'Kickoff',
    start: '2026-03-10T14:00:00Z',
    durationMinutes: 60,
    participantIds: [lead.id],
    languages: ['en'],
  });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  meetingId = meeting.body.id;
  const upload = await owner.request<{ id: string }>(
    'POST',
    `/api/campaigns/${campaignId}/imports?format=shopify-orders`,
    'Name,Currency,Total,Discount Code,Created at,Lineitem quantity\n#1001,USD,95.00,,2026-03-09 10:00:00 -0400,1\n',
    { 'content-type': 'text/csv' },
  );
  expect(upload.status, JSON.stringify(upload.body)).toBe(202);
  importId = upload.body.id;
  for (let i = 0; i < 200; i++) {
    const state = await owner.get<{ status: string }>(`/api/imports/${importId}`);
    if (state.body.status === 'completed') break;
    expect(['uploading', 'processing'], JSON.stringify(state.body)).toContain(state.body.status);
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await server.close();
});

const campaignCount = async () =>
  (await owner.get<{ campaigns: unknown[] }>('/api/campaigns')).body.campaigns.length;
const meetingStatus = async () =>
  (await owner.get<{ status: string }>(`/api/meetings/${meetingId}`)).body.status;
const importStatus = async () =>
  (await owner.get<{ status: string }>(`/api/imports/${importId}`)).body.status;

describe('a text/plain form posted from another site', () => {
  it('changes nothing: the demo is not loaded, the meeting not cancelled, the import not undone', async () => {
    const before = await campaignCount();
    for (const headers of [formFromElsewhere, bareTextPlain]) {
      const demo = await owner.request<ErrorBody>('POST', '/api/demo', '{}', headers);
      const cancel = await owner.request<ErrorBody>(
        'POST',
        `/api/meetings/${meetingId}/cancel`,
        '{}',
        headers,
      );
      const undo = await owner.request<ErrorBody>('POST', `/api/imports/${importId}/undo`, '{}', headers);
      const expected = headers === formFromElsewhere ? 403 : 415;
      const code = headers === formFromElsewhere ? 'cross_site_request' : 'unsupported_media_type';
      for (const res of [demo, cancel, undo]) {
        expect(res.status, JSON.stringify(res.body)).toBe(expected);
        expect(res.body.error.code).toBe(code);
      }
    }
    expect(await campaignCount()).toBe(before);
    expect(await meetingStatus()).not.toBe('cancelled');
    expect(await importStatus()).toBe('completed');
  });

  it('is refused as text/plain even with no cookie-site headers at all, on any route', async () => {
    const res = await owner.request<ErrorBody>(
      'POST',
      '/api/campaigns',
      JSON.stringify({ name: 'Sneaky', brand: 'X', launchWindowHours: 48, markets: [] }),
      bareTextPlain,
    );
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });
});

describe('cookie-authenticated state changes check where they come from', () => {
  const body = { name: 'Launch', brand: 'Calm', launchWindowHours: 48, markets: RU_US_MARKETS };

  it('refuses an Origin other than the server’s own with 403 cross_site_request, translated', async () => {
    const before = await campaignCount();
    const res = await owner.request<ErrorBody>('POST', '/api/campaigns', body, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
    const ru = await new Client(server.url, 'ru').request<ErrorBody>('POST', '/api/campaigns', body, {
      origin: EVIL,
      cookie: owner.cookie!,
    });
    expect(ru.status).toBe(403);
    expect(ru.body.error.message).toMatch(/другого сайта/);
    expect(res.body.error.message).toMatch(/another site/);
    // A DELETE and a PATCH too, and an opaque origin ("null", sandboxed frames).
    const patch = await owner.request<ErrorBody>(
      'PATCH',
      `/api/campaigns/${campaignId}`,
      { name: 'x' },
      {
        origin: 'null',
      },
    );
    expect(patch.status).toBe(403);
    expect(await campaignCount()).toBe(before);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site (a sibling subdomain is another origin)', async () => {
    const before = await campaignCount();
    for (const site of ['cross-site', 'same-site']) {
      const res = await owner.request<ErrorBody>('POST', '/api/campaigns', body, { 'sec-fetch-site': site });
      expect(res.status, site).toBe(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
    expect(await campaignCount()).toBe(before);
  });

  it('lets same-origin requests, requests without those headers, and reads through', async () => {
    const same = await owner.request('POST', '/api/campaigns', body, {
      origin: server.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    // TLS ended at a proxy: the browser says https, the server sees http; the host still matches.
    const proxied = await owner.request('POST', '/api/campaigns', body, {
      origin: server.url.replace('http://', 'https://'),
    });
    expect(proxied.status, JSON.stringify(proxied.body)).toBe(201);
    const otherPort = await owner.request<ErrorBody>('POST', '/api/campaigns', body, {
      origin: server.url.replace(/:\d+$/, ':1'),
    });
    expect(otherPort.status).toBe(403);
    const typed = await owner.request('POST', '/api/campaigns', body, { 'sec-fetch-site': 'none' });
    expect(typed.status).toBe(201);
    const script = await owner.request('POST', '/api/campaigns', body);
    expect(script.status).toBe(201);
    // Reads are never state-changing: a cross-site GET is answered (the browser keeps it from the other site).
    const read = await owner.request('GET', '/api/campaigns', undefined, {
      origin: EVIL,
      'sec-fetch-site': 'cross-site',
    });
    expect(read.status).toBe(200);
  });

  it('does not apply to Bearer-token requests: they carry no ambient credential', async () => {
    const token = await owner.post<{ token: string }>('/api/tokens', { name: 'script' });
    expect(token.status).toBe(201);
    const api = new Client(server.url);
    api.bearer = token.body.token;
    const res = await api.request('POST', '/api/campaigns', body, {
      origin: EVIL,
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('still accepts a POST with no body and no content type where the body is optional', async () => {
    const res = await owner.request<{ status: string }>(
      'POST',
      `/api/meetings/${meetingId}/cancel`,
      undefined,
      {
        origin: server.url,
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await meetingStatus()).toBe('cancelled');
  });
});
