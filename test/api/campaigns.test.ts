import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ErrorBody } from '../support/client.ts';
import {
  buildCampaign,
  buildUser,
  type CampaignBody,
  RU_US_MARKETS,
  setupOwner,
} from '../support/factories.ts';
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

describe('campaigns and markets', () => {
  it('creates a campaign with markets, zones, currencies and objectives', async () => {
    const created = await buildCampaign(owner);
    expect(created).toMatchObject({
      name: 'Calm Mornings launch',
      launchWindowHours: 48,
      version: 1,
      languages: ['ru', 'en'],
      markets: [
        {
          code: 'RU',
          name: 'Russia',
          language: 'ru',
          timeZone: 'Europe/Moscow',
          currency: 'RUB',
          objective: 'awareness',
        },
        {
          code: 'US',
          name: 'United States',
          language: 'en',
          timeZone: 'America/New_York',
          currency: 'USD',
          objective: 'conversion',
        },
      ],
    });
    expect((await owner.get<CampaignBody>(`/api/campaigns/${created.id}`)).body).toEqual(created);
    const list = await owner.get<{ campaigns: CampaignBody[] }>('/api/campaigns');
    expect(list.body.campaigns.map((c) => c.id)).toContain(created.id);
  });

  it('defaults the launch window to 48 hours', async () => {
    const res = await owner.post<CampaignBody>('/api/campaigns', {
      name: 'Default',
      brand: 'B',
      markets: RU_US_MARKETS,
    });
    expect(res.status).toBe(201);
    expect(res.body.launchWindowHours).toBe(48);
  });

  it.each([
    ['a launch window of 0', { launchWindowHours: 0 }, 'body.launchWindowHours'],
    ['a launch window over 720 h', { launchWindowHours: 721 }, 'body.launchWindowHours'],
    ['a single market', { markets: [RU_US_MARKETS[0]] }, 'body.markets'],
    [
      'an invalid time zone',
      { markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], timeZone: 'America/Gotham' }] },
      'body.markets.1.timeZone',
    ],
    [
      'an unknown currency',
      { markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], currency: 'XYZ' }] },
      'body.markets.1.currency',
    ],
    [
      'an unknown objective',
      { markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], objective: 'vibes' }] },
      'body.markets.1.objective',
    ],
    [
      'a lower-case market code',
      { markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], code: 'us' }] },
      'body.markets.1.code',
    ],
  ])('refuses %s and creates nothing', async (_label, change, path) => {
    const before = (await owner.get<{ campaigns: unknown[] }>('/api/campaigns')).body.campaigns.length;
    const res = await owner.post<ErrorBody>('/api/campaigns', {
      name: 'Bad',
      brand: 'B',
      markets: RU_US_MARKETS,
      ...change,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.path)).toContain(path);
    expect((await owner.get<{ campaigns: unknown[] }>('/api/campaigns')).body.campaigns.length).toBe(before);
  });

  it('explains an invalid launch window and time zone in Russian', async () => {
    const ru = await owner.request<ErrorBody>(
      'POST',
      '/api/campaigns',
      {
        name: 'Bad',
        brand: 'B',
        launchWindowHours: 900,
        markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], timeZone: 'Mars/Base' }],
      },
      { 'accept-language': 'ru' },
    );
    const messages = ru.body.error.details!.map((d) => d.message);
    expect(messages).toContain('Окно запуска должно быть от 1 до 720 часов.');
    expect(messages).toContain('«Mars/Base» — неизвестный часовой пояс IANA.');
  });

  it('refuses duplicate market codes', async () => {
    const res = await owner.post<ErrorBody>('/api/campaigns', {
      name: 'Dup',
      brand: 'B',
      markets: [RU_US_MARKETS[0], { ...RU_US_MARKETS[1], code: 'RU' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('duplicate_market_code');
    expect(res.body.error.message).toBe('Market RU appears more than once.');
  });

  it('updates with optimistic concurrency and audits before/after', async () => {
    const campaign = await buildCampaign(owner);
    const first = await owner.patch<CampaignBody>(`/api/campaigns/${campaign.id}`, {
      launchWindowHours: 24,
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ launchWindowHours: 24, version: 2 });
    const stale = await owner.patch<ErrorBody>(`/api/campaigns/${campaign.id}`, {
      name: 'Overwrite',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await owner.get<CampaignBody>(`/api/campaigns/${campaign.id}`)).body.name).toBe(campaign.name);
    const audit = await owner.get<{
      events: Array<{ action: string; before: CampaignBody; after: CampaignBody }>;
    }>(`/api/audit?campaignId=${campaign.id}&action=campaign.updated`);
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]!.before.launchWindowHours).toBe(48);
    expect(audit.body.events[0]!.after.launchWindowHours).toBe(24);
  });

  it('lets admins and leads create campaigns, not members, stakeholders or creators', async () => {
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    const { client: stakeholder } = await buildUser(owner, { role: 'stakeholder' });
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['US'] });
    const body = { name: 'X', brand: 'B', markets: RU_US_MARKETS };
    expect((await lead.post('/api/campaigns', body)).status).toBe(201);
    expect((await member.post('/api/campaigns', body)).status).toBe(403);
    expect((await stakeholder.post('/api/campaigns', body)).status).toBe(403);
    expect((await creator.post('/api/campaigns', body)).status).toBe(403);
    expect((await stakeholder.get('/api/campaigns')).status).toBe(200);
    expect((await creator.get('/api/campaigns')).status).toBe(403);
    const campaign = await buildCampaign(owner, {
      markets: [
        { ...RU_US_MARKETS[0] },
        { ...RU_US_MARKETS[1], code: 'DE', language: 'de', timeZone: 'Europe/Berlin', currency: 'EUR' },
      ],
    });
    expect((await lead.patch(`/api/campaigns/${campaign.id}`, { name: 'Not mine', version: 1 })).status).toBe(
      403,
    );
    expect((await creator.get(`/api/campaigns/${campaign.id}`)).status).toBe(403);
  });

  it('returns 404 for a campaign that does not exist', async () => {
    const res = await owner.get<ErrorBody>('/api/campaigns/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });
});
