// The joint report keeps each market's money in its own currency (no rate needed) and converts only
// the joint total, saying which rates it used and which it lacked. Runs on PGlite and, with
// DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, setupOwner, signAgreementFor } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Money {
  currency: string;
  cost: number | null;
  revenue: number | null;
  cpm: number | null;
  cpa: number | null;
  roas: number | null;
}
interface Report {
  currency: string;
  missingRates: string[];
  markets: Array<{
    code: string;
    currency: string;
    missingRates: string[];
    kpis: Array<{ metric: string; actual: number | null }>;
  }>;
  total: {
    currency: string;
    reach: number;
    orders: number;
    cost: number | null;
    revenue: number | null;
    cpa: number | null;
    roas: number | null;
    ratesUsed: Array<{ currency: string; rate: number }>;
    missingRates: string[];
    ratesUpdatedAt: string | null;
  };
  creators: Array<{
    name: string;
    marketCode: string;
    cost: number | null;
    revenue: number | null;
    local: Money;
  }>;
}

let server: TestServer;
let owner: Client;
let campaign: CampaignBody;

const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Zip,Notes';

const report = async () => (await owner.get<Report>(`/api/campaigns/${campaign.id}/report`)).body;
const market = (r: Report, code: string) => r.markets.find((m) => m.code === code)!;
const creator = (r: Report, name: string) => r.creators.find((c) => c.name === name)!;
const kpi = (r: Report, code: string, metric: string) =>
  market(r, code).kpis.find((k) => k.metric === metric)?.actual;

beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
  campaign = await buildCampaign(owner, { name: 'Currencies launch' });
  const people = [
    { name: 'Анна Смирнова', marketCode: 'RU', fee: { amount: 90000, currency: 'RUB' }, promoCode: 'ANNA' },
    { name: 'Jess Park', marketCode: 'US', fee: { amount: 2000, currency: 'USD' }, promoCode: 'JESS15' },
    // Paid in euros although her market counts in dollars: her fee alone needs a rate.
    { name: 'Eva Lind', marketCode: 'US', fee: { amount: 500, currency: 'EUR' }, promoCode: 'EVA' },
  ];
  for (const p of people) {
    const created = await owner.post<{ id: string }>('/api/creators', {
      name: p.name,
      marketCode: p.marketCode,
      language: p.marketCode === 'RU' ? 'ru' : 'en',
      timeZone: p.marketCode === 'RU' ? 'Europe/Moscow' : 'America/New_York',
      channels: [{ platform: 'instagram', handle: `@${p.promoCode.toLowerCase()}`, followers: 10000 }],
    });
    expect(created.status).toBe(201);
    const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: created.body.id,
      fee: p.fee,
      promoCode: p.promoCode,
    });
    expect(engagement.status).toBe(201);
    await signAgreementFor(owner, engagement.body.id);
  }
  const csv = [
    SHOPIFY_HEADER,
    '#2001,a@example.com,paid,2026-03-09 10:00:00 -0400,USD,95.00,0,0,95.00,JESS15,0,2026-03-09 10:00:00 -0400,1,Calm Tea,95.00,,',
    '#2002,b@example.com,paid,2026-03-09 11:00:00 -0400,USD,40.00,0,0,40.00,JESS15,0,2026-03-09 11:00:00 -0400,1,Calm Tea,40.00,,',
    '#2003,c@example.com,paid,2026-03-09 12:00:00 -0400,USD,60.00,0,0,60.00,EVA,0,2026-03-09 12:00:00 -0400,1,Calm Tea,60.00,,',
  ].join('\n');
  const upload = await owner.request<{ id: string }>(
    'POST',
    `/api/campaigns/${campaign.id}/imports?format=shopify-orders`,
    csv,
    { 'content-type': 'text/csv' },
  );
  expect(upload.status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const state = await owner.get<{ status: string; rowsImported: number }>(`/api/imports/${upload.body.id}`);
    if (state.body.status === 'completed') {
      expect(state.body.rowsImported).toBe(3);
      break;
    }
    if (state.body.status === 'failed') throw new Error('import failed');
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await server.close();
});

describe('money per market, without any exchange rate', () => {
  it('shows the US market’s revenue in USD although no USD→RUB rate exists', async () => {
    const r = await report();
    expect(r.currency).toBe('RUB');
    expect(market(r, 'US')).toMatchObject({ currency: 'USD' });
    expect(market(r, 'RU')).toMatchObject({ currency: 'RUB', missingRates: [] });
    // 95 + 40 + 60 dollars of orders, summed in dollars.
    expect(kpi(r, 'US', 'revenue')).toBe(195);
    expect(kpi(r, 'US', 'orders')).toBe(3);
    // The fees are 2 000 USD and 500 EUR: only the euro fee needs converting, and rates are against
    // the base (RUB), so it needs both EUR→RUB and USD→RUB.
    expect(market(r, 'US').missingRates).toEqual(['EUR', 'USD']);
    expect(market(r, 'RU').kpis.find((k) => k.metric === 'cpm')).toBeDefined();
    expect(kpi(r, 'US', 'roas')).toBeNull();
  });

  it('gives each creator their figures in their market’s currency', async () => {
    const r = await report();
    expect(creator(r, 'Jess Park').local).toEqual({
      currency: 'USD',
      cost: 2000,
      revenue: 135,
      cpm: null,
      cpa: 1000,
      roas: 0.07,
    });
    expect(creator(r, 'Анна Смирнова').local).toMatchObject({ currency: 'RUB', cost: 90000, revenue: 0 });
    // Eva's orders are in dollars, her fee in euros: revenue is known, cost is not.
    expect(creator(r, 'Eva Lind').local).toMatchObject({
      currency: 'USD',
      cost: null,
      revenue: 60,
      cpa: null,
    });
    // The joint columns are in the base currency (RUB) and need the rate that is missing.
    expect(creator(r, 'Jess Park')).toMatchObject({ cost: null, revenue: null });
    expect(creator(r, 'Анна Смирнова')).toMatchObject({ cost: 90000, revenue: 0 });
  });

  it('leaves the joint money empty where a rate is missing and lists the missing rates', async () => {
    const { total, missingRates } = await report();
    expect(total).toMatchObject({
      currency: 'RUB',
      orders: 3,
      cost: null,
      revenue: null,
      roas: null,
      ratesUsed: [],
      missingRates: ['EUR', 'USD'],
      ratesUpdatedAt: null,
    });
    expect(missingRates).toEqual(['EUR', 'USD']);
  });
});

describe('the report CSV', () => {
  it('writes each creator’s money in the market’s currency, units on KPIs, and the joint total with its missing rates', async () => {
    const res = await owner.get<string>(`/api/campaigns/${campaign.id}/report.csv?language=en`);
    expect(res.status).toBe(200);
    const [kpis, creators, total] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n\n');
    expect(kpis!.split('\n')[0]).toBe('Market,Objective,KPI,Unit,Target,Actual,Progress');
    expect(kpis).toMatch(/^US,[^,]+,Revenue,USD,[^,]*,195,/m);
    expect(kpis).toMatch(/^US,[^,]+,ROAS,×,/m);
    const header = creators!.split('\n')[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['Market', 'Creator', 'Promo code', 'Currency', 'Cost']);
    expect(header.slice(-2)).toEqual(['Joint cost (RUB)', 'Joint revenue (RUB)']);
    const jess = creators!
      .split('\n')
      .find((line) => line.startsWith('US,Jess Park,'))!
      .split(',');
    // Local money needs no rate: 2 000 USD fee, 135 USD revenue; the joint RUB columns stay empty.
    expect(jess.slice(3, 5)).toEqual(['USD', '2000']);
    expect(jess[12]).toBe('135');
    expect(jess.slice(-2)).toEqual(['', '']);
    expect(total).toContain('All markets,RUB,');
    expect(total).toContain('No rate for EUR, USD');

    const ru = await owner.get<string>(`/api/campaigns/${campaign.id}/report.csv?language=ru`);
    expect(ru.body).toContain('Рынок,Автор,Промокод,Валюта,Затраты');
    expect(ru.body).toContain('Все рынки,RUB,');
  });
});

describe('the joint total at the campaign’s rates', () => {
  it('converts where a rate exists and says which rates it used and which it lacks', async () => {
    const fx = await owner.put(`/api/campaigns/${campaign.id}/fx`, {
      baseCurrency: 'RUB',
      rates: { USD: 90 },
    });
    expect(fx.status).toBe(200);
    const r = await report();
    // Revenue is all in dollars: 195 × 90. The euro fee still has no rate, so the cost stays empty.
    expect(r.total).toMatchObject({
      currency: 'RUB',
      revenue: 17550,
      cost: null,
      ratesUsed: [{ currency: 'USD', rate: 90 }],
      missingRates: ['EUR'],
    });
    expect(r.total.ratesUpdatedAt).not.toBeNull();
    expect(market(r, 'US').missingRates).toEqual(['EUR']);
    // A market's own figures do not change with the rates.
    expect(kpi(r, 'US', 'revenue')).toBe(195);
    expect(creator(r, 'Jess Park')).toMatchObject({ cost: 180000, revenue: 12150 });
    expect(creator(r, 'Jess Park').local).toMatchObject({ currency: 'USD', cost: 2000, revenue: 135 });
  });

  it('uses every rate once all are there, in another base currency too', async () => {
    await owner.put(`/api/campaigns/${campaign.id}/fx`, {
      baseCurrency: 'USD',
      rates: { RUB: 0.01, EUR: 1.1 },
    });
    const r = await report();
    // 90 000 RUB × 0.01 + 2 000 USD + 500 EUR × 1.1 = 900 + 2 000 + 550.
    expect(r.total).toMatchObject({
      currency: 'USD',
      revenue: 195,
      cost: 3450,
      roas: 0.06,
      cpa: 1150,
      ratesUsed: [
        { currency: 'EUR', rate: 1.1 },
        { currency: 'RUB', rate: 0.01 },
      ],
      missingRates: [],
    });
    expect(market(r, 'US').missingRates).toEqual([]);
    // The US market's cost: 2 000 USD + 500 EUR at 1.1 = 2 550 USD; ROAS 195 / 2 550.
    expect(kpi(r, 'US', 'roas')).toBe(0.08);
    expect(creator(r, 'Eva Lind').local).toMatchObject({ currency: 'USD', cost: 550, revenue: 60 });
    expect(creator(r, 'Анна Смирнова').local).toMatchObject({ currency: 'RUB', cost: 90000 });
  });
});

describe('the report document', () => {
  it('has a cover, the joint total with its rates, and each market in its own currency, in English', async () => {
    const page = await owner.get<string>(
      `/api/campaigns/${campaign.id}/report/print?language=en&paper=letter`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = page.body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('size:letter');
    expect(html).toContain('Currencies launch');
    expect(html).toContain('for Northwind Wellness');
    // Generated in the reader's zone, named (the owner reads in Europe/Moscow).
    expect(html).toMatch(/Generated \d{1,2} \w+ \d{4}(,| at) \d{2}:\d{2} MSK \(Europe\/Moscow\)/);
    expect(html).toContain('Joint total, USD');
    expect(html).toContain('1 EUR = 1.1 USD; 1 RUB = 0.01 USD');
    // Money with its currency, rates with %, ROAS with ×.
    expect(html).toContain('$3,450');
    expect(html).toMatch(/<section class="market" data-market="US" data-currency="USD">/);
    expect(html).toMatch(/data-creator="Jess Park">.*\$2,000.*\$135.*\$1,000.*0\.07×/s);
    expect(html).toMatch(/data-creator="Анна Смирнова">.*RUB\s90,000/s);
  });

  it('is written in Russian, and in both languages one after the other', async () => {
    const ru = (await owner.get<string>(`/api/campaigns/${campaign.id}/report/print?language=ru&paper=a4`))
      .body;
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('size:A4');
    expect(ru).toContain('Общий итог, USD');
    expect(ru).toMatch(/Сформирован \d{1,2} \S+ 2\d{3}/);
    expect(ru).toMatch(/data-creator="Анна Смирнова">.*90\s000\s₽/s);
    expect(ru).toMatch(/data-creator="Jess Park">.*2\s000\s\$/s);
    const both = (await owner.get<string>(`/api/campaigns/${campaign.id}/report/print`)).body;
    expect(both).toContain('data-locale="en"');
    expect(both).toContain('data-locale="ru"');
    expect(both.indexOf('data-locale="en"')).toBeLessThan(both.indexOf('data-locale="ru"'));
  });
});
