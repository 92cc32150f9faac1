import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, setupOwner, signAgreementFor } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface ImportState {
  status: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  errors: Array<{ line: number; message: string }>;
  failureMessage: string | null;
  progress: number;
}
interface Report {
  currency: string;
  missingRates: string[];
  markets: Array<{
    code: string;
    objective: string;
    engagementRateBasis: string;
    kpis: Array<{ metric: string; target: number | null; actual: number | null }>;
  }>;
  creators: Array<{
    name: string;
    marketCode: string;
    reach: number;
    orders: number;
    revenue: number | null;
    cost: number | null;
    roas: number | null;
    engagementRate: number | null;
  }>;
}

let server: TestServer;
let owner: Client;
let campaign: CampaignBody;
const ids: Record<string, string> = {};
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
  campaign = await buildCampaign(owner);
  const people = [
    {
      name: 'Анна Смирнова',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      fee: { amount: 90000, currency: 'RUB' },
      promoCode: 'ANNA',
    },
    {
      name: 'Jess Park',
      marketCode: 'US',
      language: 'en',
      timeZone: 'America/Los_Angeles',
      fee: { amount: 2000, currency: 'USD' },
      promoCode: 'JESS15',
    },
    {
      name: 'Tom Reed',
      marketCode: 'US',
      language: 'en',
      timeZone: 'America/Chicago',
      fee: { amount: 1000, currency: 'USD' },
      promoCode: 'TOM10',
    },
  ];
  for (const p of people) {
    const creator = await owner.post<{ id: string }>('/api/creators', {
      name: p.name,
      marketCode: p.marketCode,
      language: p.language,
      timeZone: p.timeZone,
      channels: [{ platform: 'instagram', handle: `@${p.promoCode.toLowerCase()}`, followers: 100000 }],
    });
    const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: creator.body.id,
      fee: p.fee,
      promoCode: p.promoCode,
    });
    // Signed, then in production: the signature gate lets nobody produce on a "maybe".
    await signAgreementFor(owner, engagement.body.id);
    const signed = await owner.get<{ version: number }>(`/api/engagements/${engagement.body.id}`);
    const producing = await owner.patch(`/api/engagements/${engagement.body.id}`, {
      version: signed.body.version,
      status: 'in_production',
    });
    if (producing.status !== 200) throw new Error(`in_production failed: ${JSON.stringify(producing.body)}`);
    ids[p.promoCode] = engagement.body.id;
  }
});
afterAll(async () => {
  await server.close();
});

async function upload(format: string, csv: string, extra = '') {
  const res = await owner.request<{ id: string }>(
    'POST',
    `/api/campaigns/${campaign.id}/imports?format=${format}${extra}`,
    csv,
    {
      'content-type': 'text/csv',
    },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (let i = 0; i < 200; i++) {
    const state = await owner.get<ImportState>(`/api/imports/${res.body.id}`);
    if (state.body.status !== 'processing' && state.body.status !== 'uploading')
      return { id: res.body.id, ...state.body };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Zip,Notes';

describe('shop orders (Shopify export)', () => {
  it('groups line items by order, takes order fields from the first row, and attributes promo codes', async () => {
    const csv = [
      SHOPIFY_HEADER,
      '#1001,a@example.com,paid,2026-03-09 10:00:00 -0400,USD,90.00,5.00,0,95.00,JESS15,13.50,2026-03-09 10:00:00 -0400,2,Calm Tea,45.00,\'02134,"Leave at door,\nring twice"',
      '#1001,,,,,,,,,,,,1,Sleep Mask,20.00,,',
      "#1002,b@example.com,paid,2026-03-09 11:00:00 -0400,USD,40.00,0,0,40.00,tom10,4.00,2026-03-09 11:00:00 -0400,1,Calm Tea,40.00,'10001,",
      '#1003,c@example.com,paid,2026-03-09 12:00:00 -0400,USD,30.00,0,0,30.00,,0,2026-03-09 12:00:00 -0400,1,Calm Tea,30.00,,',
      '#1004,d@example.com,paid,2026-03-10 12:00:00 -0400,USD,,0,0,lots,JESS15,0,2026-03-10 12:00:00 -0400,1,Calm Tea,30.00,,',
    ].join('\n');
    const result = await upload('shopify-orders', csv);
    expect(result).toMatchObject({
      status: 'completed',
      rowsRead: 5,
      rowsImported: 4,
      rowsRejected: 1,
      progress: 1,
    });
    expect(result.errors).toEqual([{ line: 7, message: 'Total "lots" is not a number' }]);

    const report = (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
    const jess = report.creators.find((c) => c.name === 'Jess Park')!;
    const tom = report.creators.find((c) => c.name === 'Tom Reed')!;
    expect(jess.orders).toBe(1);
    expect(tom.orders).toBe(1);
    // Base currency is the first market's (RUB) and no USD rate is set yet: revenue cannot be converted.
    expect(jess.revenue).toBeNull();
    expect(report.missingRates).toEqual(['USD']);

    // The same orders again are refused, not double counted.
    const again = await upload('shopify-orders', csv);
    expect(again.rowsImported).toBe(0);
    expect(again.errors[0]!.message).toBe('order #1001 was already imported');
  });

  it('refuses a file in the wrong format with a clear message and imports nothing', async () => {
    const before = (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
    const result = await upload('shopify-orders', 'creator,reach\nJess Park,1000\n');
    expect(result.status).toBe('failed');
    expect(result.failureMessage).toMatch(
      /^This file does not look like a shopify-orders export: missing Name, Currency, Total/,
    );
    expect((await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body.creators).toEqual(
      before.creators,
    );
    const ru = await owner.request<ImportState>('GET', `/api/imports/${result.id}`, undefined, {
      'accept-language': 'ru',
    });
    expect(ru.body.failureMessage).toMatch(/^Этот файл не похож на выгрузку shopify-orders/);
    expect(
      (
        await owner.request('POST', `/api/campaigns/${campaign.id}/imports?format=shopify-orders`, '{}', {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await owner.request('POST', `/api/campaigns/${campaign.id}/imports?format=tiktok`, 'a,b\n', {
          'content-type': 'text/csv',
        })
      ).status,
    ).toBe(400);
  });
});

describe('post metrics', () => {
  it('reads a Russian-formatted file: BOM, semicolons, 1 234,5 numbers, multi-line fields, dd.mm.yyyy dates', async () => {
    const csv = [
      '\uFEFFcreator;platform;post_url;measured_at;reach;impressions;likes;comments;shares;saves;clicks',
      'Анна Смирнова;telegram;https://t.me/anna/1;10.03.2026 12:00;"12 500";"20 000,0";"1 100";90;"10";0;300',
      'Анна Смирнова;telegram;https://t.me/anna/1;17.03.2026 12:00;"15 000";"26 000";"1 400";100;"20";"30";400',
      '"Jess Park";instagram;"https://instagram.com/p/1";2026-03-11;"8 000";"9 500";"500";"20";0;0;"1 200"',
      'Unknown Person;vk;;11.03.2026;100;100;1;1;1;1;1',
    ].join('\r\n');
    const result = await upload('post-metrics', csv);
    expect(result).toMatchObject({ status: 'completed', rowsImported: 3, rowsRejected: 1 });
    expect(result.errors[0]).toEqual({
      line: 5,
      message: 'no creator in this campaign matches "Unknown Person"',
    });
    const report = (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
    // The latest measurement of a post counts, not the sum of its snapshots.
    expect(report.creators.find((c) => c.name === 'Анна Смирнова')!.reach).toBe(15000);
    expect(report.creators.find((c) => c.name === 'Jess Park')!.reach).toBe(8000);
  });

  it('maps another layout onto the fields, and can undo an import', async () => {
    const mapping = encodeURIComponent(
      JSON.stringify({ creator: 'Автор', reach: 'Охват', platform: 'Площадка' }),
    );
    const result = await upload(
      'post-metrics',
      'Автор,Площадка,Охват\nTom Reed,tiktok,7000\n',
      `&mapping=${mapping}`,
    );
    expect(result).toMatchObject({ status: 'completed', rowsImported: 1 });
    expect(
      (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body.creators.find(
        (c) => c.name === 'Tom Reed',
      )!.reach,
    ).toBe(7000);
    const undone = await owner.post<{ status: string }>(`/api/imports/${result.id}/undo`);
    expect(undone.body.status).toBe('undone');
    expect(
      (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body.creators.find(
        (c) => c.name === 'Tom Reed',
      )!.reach,
    ).toBe(0);
    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?entityType=import&entityId=${result.id}`,
    );
    expect(audit.body.events.map((e) => e.action)).toEqual([
      'import.undone',
      'import.completed',
      'import.started',
    ]);
    const badMapping = await upload(
      'post-metrics',
      'Автор,Охват\nTom Reed,7000\n',
      `&mapping=${encodeURIComponent(JSON.stringify({ creator: 'Автор', reach: 'Reach!' }))}`,
    );
    expect(badMapping.status).toBe('failed');
  });

  it('takes Telegram figures typed in by hand, with who and from where', async () => {
    const res = await owner.post<{ source: string; enteredBy: string }>(
      `/api/engagements/${ids.ANNA}/metrics`,
      {
        platform: 'telegram',
        postUrl: 'https://t.me/anna/2',
        reach: 5000,
        likes: 100,
        source: 'Telegram channel stats, screenshot 18 Mar',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      source: 'manual: Telegram channel stats, screenshot 18 Mar',
      enteredBy: 'Olga Owner',
    });
    expect(
      (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body.creators.find(
        (c) => c.name === 'Анна Смирнова',
      )!.reach,
    ).toBe(20000);
  });
});

describe('the joint report', () => {
  it('shows awareness in Russia beside conversion in the US, with spend converted at the campaign’s rates', async () => {
    await owner.put(`/api/campaigns/${campaign.id}/brief/sections/measurement/data`, {
      baseRevision: 0,
      data: {
        markets: [
          {
            marketCode: 'RU',
            engagementRateBasis: 'reach',
            kpis: [
              { metric: 'reach', target: 40000 },
              { metric: 'engagement_rate', target: 8 },
            ],
          },
          {
            marketCode: 'US',
            kpis: [
              { metric: 'orders', target: 10 },
              { metric: 'roas', target: 2 },
            ],
          },
        ],
      },
    });
    let report = (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
    expect(report.currency).toBe('RUB');
    expect(report.missingRates).toEqual(['USD']);
    const fx = await owner.put<{ baseCurrency: string }>(`/api/campaigns/${campaign.id}/fx`, {
      baseCurrency: 'USD',
      rates: { RUB: 0.011 },
    });
    expect(fx.status).toBe(200);
    report = (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
    expect(report).toMatchObject({ currency: 'USD', missingRates: [] });
    const ru = report.markets.find((m) => m.code === 'RU')!;
    const us = report.markets.find((m) => m.code === 'US')!;
    expect(ru.objective).toBe('awareness');
    expect(ru.kpis).toEqual([
      expect.objectContaining({ metric: 'reach', target: 40000, actual: 20000 }),
      // (1 400 + 100 + 20 + 30) + (100) engagements over 20 000 reach.
      expect.objectContaining({ metric: 'engagement_rate', target: 8, actual: 8.25 }),
    ]);
    expect(us.objective).toBe('conversion');
    expect(us.kpis).toEqual([
      expect.objectContaining({ metric: 'orders', target: 10, actual: 2 }),
      // (95 + 40) revenue over (2 000 + 1 000) fees.
      expect.objectContaining({ metric: 'roas', target: 2, actual: 0.05 }),
    ]);
    expect(report.creators.find((c) => c.name === 'Анна Смирнова')!.cost).toBe(990);
    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?campaignId=${campaign.id}&action=fx_rates.updated`,
    );
    expect(audit.body.events).toHaveLength(1);

    const csv = await owner.get<string>(`/api/campaigns/${campaign.id}/report.csv?language=ru`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toContain('Рынок,Цель,KPI,Единица');
    expect(csv.body).toContain('RU,Узнаваемость,Охват,,40000,20000,0.5');
    const page = await owner.get<string>(`/api/campaigns/${campaign.id}/report/print?language=en`);
    expect(page.body).toContain('Joint report');
    expect(page.body).toContain('RU — Russia');
    expect(page.body).toContain('US — United States');
  });
});
