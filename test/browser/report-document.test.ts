// The joint report in the browser: the dashboard keeps each market's money in its own currency and
// says which rates the joint total used; the report document (cover, units, currencies) prints on A4
// and Letter, in English and Russian; the brief's KPI table writes targets in their unit.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner, signAgreementFor } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `report-${name}.png`), fullPage: true });
const DAY = 86_400_000;
const getBrowser = sharedBrowser();

const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Zip,Notes';

async function signedIn(browser: Browser, client: Client, baseUrl: string, locale: string) {
  const opened = await openPage(browser, { locale, timezoneId: 'Europe/Moscow' });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

/** Whitespace as one plain space (Intl writes narrow no-break spaces in Russian figures). */
const flat = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function seed(owner: Client, campaignId: string) {
  const now = Date.now();
  for (const [code, at] of [
    ['RU', now - 10 * DAY],
    ['US', now - 9 * DAY],
  ] as const)
    await owner.post(`/api/campaigns/${campaignId}/milestones`, {
      title: `Go-live ${code}`,
      kind: 'go_live',
      marketCode: code,
      at: new Date(at).toISOString(),
    });
  for (const p of [
    { name: 'Анна Смирнова', marketCode: 'RU', fee: { amount: 90000, currency: 'RUB' }, promoCode: 'ANNA' },
    { name: 'Jess Park', marketCode: 'US', fee: { amount: 2000, currency: 'USD' }, promoCode: 'JESS15' },
  ]) {
    const creator = await owner.post<{ id: string }>('/api/creators', {
      name: p.name,
      marketCode: p.marketCode,
      language: p.marketCode === 'RU' ? 'ru' : 'en',
      timeZone: p.marketCode === 'RU' ? 'Europe/Moscow' : 'America/New_York',
      channels: [{ platform: 'instagram', handle: `@${p.promoCode.toLowerCase()}`, followers: 50000 }],
    });
    const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaignId}/engagements`, {
      creatorId: creator.body.id,
      fee: p.fee,
      promoCode: p.promoCode,
    });
    await signAgreementFor(owner, engagement.body.id);
  }
  const day = new Date(now - 8 * DAY).toISOString().slice(0, 10);
  const csv = [
    SHOPIFY_HEADER,
    `#3001,a@example.com,paid,${day} 10:00:00 -0400,USD,95.00,0,0,95.00,JESS15,0,${day} 10:00:00 -0400,1,Calm Tea,95.00,,`,
    `#3002,b@example.com,paid,${day} 11:00:00 -0400,USD,40.00,0,0,40.00,JESS15,0,${day} 11:00:00 -0400,1,Calm Tea,40.00,,`,
  ].join('\n');
  const upload = await owner.request<{ id: string }>(
    'POST',
    `/api/campaigns/${campaignId}/imports?format=shopify-orders`,
    csv,
    { 'content-type': 'text/csv' },
  );
  for (let i = 0; i < 200; i++) {
    const state = await owner.get<{ status: string }>(`/api/imports/${upload.body.id}`);
    if (state.body.status === 'completed') break;
    if (state.body.status === 'failed') throw new Error('import failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const saved = await owner.put(`/api/campaigns/${campaignId}/brief/sections/measurement/data`, {
    baseRevision: 0,
    data: {
      markets: [
        {
          marketCode: 'RU',
          engagementRateBasis: 'reach',
          kpis: [
            { metric: 'reach', target: 2000000, checkpointsDays: [7, 30] },
            { metric: 'engagement_rate', target: 8, checkpointsDays: [7, 30] },
          ],
        },
        {
          marketCode: 'US',
          kpis: [
            { metric: 'revenue', target: 5000, checkpointsDays: [7, 30] },
            { metric: 'roas', target: 2, checkpointsDays: [7, 30] },
          ],
        },
      ],
    },
  });
  if (saved.status !== 200) throw new Error(`framework: ${saved.status} ${JSON.stringify(saved.body)}`);
}

/** The document fits the printable width of A4 (182 mm) and Letter alike, and prints to PDF on both. */
async function printsOnBothPapers(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 1000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, preferCSSPageSize: false, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Cover, joint total, one page per market at least.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(4);
  }
  await page.emulateMedia({ media: 'screen' });
}

describe('the joint report in the browser', () => {
  it('shows money per market currency and the rates of the joint total, and prints the report document in English and Russian', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    try {
      const owner = await setupOwner(server.url, {
        name: 'Olga Owner',
        locale: 'en',
        timeZone: 'Europe/Moscow',
      });
      const ruAdmin = await buildUser(owner.client, {
        role: 'admin',
        name: 'Маша Админ',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      });
      const campaign = await buildCampaign(owner.client, { name: 'Calm Mornings' });
      await seed(owner.client, campaign.id);

      // English dashboard, no USD rate yet: the US market still shows its dollars.
      const en = await signedIn(browser, owner.client, server.url, 'en-US');
      const page = en.page;
      await page.goto(`${server.url}/campaigns/${campaign.id}/measurement`);
      const jess = page.locator('[data-creator="Jess Park"]');
      await jess.waitFor();
      expect(flat(await jess.locator('[data-column="revenue"]').textContent())).toBe('$135');
      expect(flat(await jess.locator('[data-column="cost"]').textContent())).toBe('$2,000');
      expect(
        flat(await page.locator('[data-creator="Анна Смирнова"] [data-column="cost"]').textContent()),
      ).toBe('RUB 90,000');
      expect(
        flat(
          await page
            .locator('[data-market="US"] [data-kpi="revenue"] [data-testid="kpi-actual"]')
            .textContent(),
        ),
      ).toBe('$135');
      const total = page.getByTestId('joint-total');
      expect(flat(await total.getByTestId('rates-missing').textContent())).toContain('USD');
      expect(flat(await total.locator('[data-total="revenue"] dd').textContent())).toBe('—');

      // With a rate the joint total converts and says which rate it used.
      await owner.client.put(`/api/campaigns/${campaign.id}/fx`, { baseCurrency: 'RUB', rates: { USD: 90 } });
      await page.reload();
      await total.getByTestId('rates-used').waitFor();
      expect(flat(await total.getByTestId('rates-used').textContent())).toBe('Rates used: 1 USD = 90 RUB');
      expect(flat(await total.locator('[data-total="revenue"] dd').textContent())).toBe('RUB 12,150');
      expect(await total.getByTestId('rates-missing').count()).toBe(0);
      await shot(page, 'dashboard-en');

      // The brief's KPI table: the target in its unit, apart from the checkpoints.
      await page.goto(`${server.url}/campaigns/${campaign.id}/brief`);
      const rate = page.locator('.cp-kpi-table .cp-kpi-row', { hasText: 'Engagement rate' });
      await rate.waitFor();
      const cells = rate.locator('td');
      expect(flat(await cells.nth(1).textContent())).toBe('8%');
      const reachCells = page.locator('.cp-kpi-table .cp-kpi-row', { hasText: 'Reach' }).locator('td');
      expect(flat(await reachCells.nth(1).textContent())).toBe('2,000,000');
      const target = await reachCells.nth(1).boundingBox();
      const checkpoints = await reachCells.nth(2).boundingBox();
      const targetText = await reachCells.nth(1).evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getBoundingClientRect();
      });
      const checkpointText = await reachCells.nth(2).evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getBoundingClientRect();
      });
      expect(target && checkpoints).toBeTruthy();
      // At least 12 px of air between the target's digits and the checkpoints' text.
      expect(checkpointText.left - targetText.right).toBeGreaterThanOrEqual(12);
      expect(
        flat(
          await page
            .locator('.cp-kpi-table .cp-kpi-row', { hasText: 'ROAS' })
            .locator('td')
            .nth(1)
            .textContent(),
        ),
      ).toBe('2×');
      expect(
        flat(
          await page
            .locator('.cp-kpi-table .cp-kpi-row', { hasText: 'Revenue' })
            .locator('td')
            .nth(1)
            .textContent(),
        ),
      ).toBe('$5,000');

      // The document in English, on Letter.
      await page.goto(`${server.url}/api/campaigns/${campaign.id}/report/print?language=en&paper=letter`);
      const cover = page.locator('.doc[data-locale="en"] .cover');
      expect(flat(await cover.locator('h1').textContent())).toBe('Calm Mornings');
      expect(flat(await cover.locator('.kicker').textContent())).toBe('Joint report');
      expect(flat(await cover.getByTestId('period').textContent())).toMatch(
        /^Period: \d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4}$/,
      );
      expect(flat(await cover.getByTestId('generated').textContent())).toMatch(
        /^Generated \d{1,2} \w+ \d{4}(,| at) \d{2}:\d{2} MSK \(Europe\/Moscow\)$/,
      );
      expect(flat(await cover.locator('table.markets').textContent())).toContain('America/New_York');
      const usSection = page.locator('section.market[data-market="US"]');
      expect(await usSection.getAttribute('data-currency')).toBe('USD');
      const usKpis = flat(await usSection.locator('table.kpis').textContent());
      expect(usKpis).toContain('$135');
      expect(usKpis).toContain('$5,000');
      expect(usKpis).toMatch(/\d×/);
      expect(flat(await page.locator('section.market[data-market="RU"] table.kpis').textContent())).toMatch(
        /8%/,
      );
      expect(flat(await page.locator('[data-creator="Jess Park"]').textContent())).toContain('$2,000');
      expect(flat(await page.locator('[data-creator="Анна Смирнова"]').textContent())).toContain(
        'RUB 90,000',
      );
      expect(flat(await page.getByTestId('rates-used').textContent())).toMatch(/1 USD = 90 RUB/);
      // Figures right-aligned in tabular digits.
      expect(
        await usSection
          .locator('table.kpis td.n')
          .first()
          .evaluate((td) => {
            const style = getComputedStyle(td);
            return `${style.textAlign} ${style.fontVariantNumeric}`;
          }),
      ).toBe('right tabular-nums');
      expect(
        await page.evaluate(() =>
          [...document.styleSheets].some((s) =>
            [...s.cssRules].some((r) => r.cssText.includes('@page') && r.cssText.includes('letter')),
          ),
        ),
      ).toBe(true);
      await shot(page, 'document-en');
      await printsOnBothPapers(page);
      expect(en.pageErrors).toEqual([]);
      await en.context.close();

      // Russian: the dashboard and the document, as a Russian-speaking admin, on A4.
      const ru = await signedIn(browser, ruAdmin.client, server.url, 'ru-RU');
      await ru.page.goto(`${server.url}/campaigns/${campaign.id}/measurement`);
      const anna = ru.page.locator('[data-creator="Анна Смирнова"]');
      await anna.waitFor();
      expect(flat(await anna.locator('[data-column="cost"]').textContent())).toBe('90 000 ₽');
      expect(
        flat(await ru.page.locator('[data-creator="Jess Park"] [data-column="revenue"]').textContent()),
      ).toBe('135 $');
      expect(flat(await ru.page.getByTestId('joint-total').getByTestId('rates-used').textContent())).toBe(
        'Курсы: 1 USD = 90 RUB',
      );
      await shot(ru.page, 'dashboard-ru');
      // The export menu offers the paper: A4 for a Russian browser, Letter on request.
      await ru.page.getByRole('button', { name: 'Экспорт' }).click();
      const paper = ru.page.getByRole('group', { name: 'Формат бумаги' });
      expect(await paper.getByRole('radio', { name: 'A4' }).isChecked()).toBe(true);
      const ruPrint = ru.page.getByRole('link', { name: 'Русский', exact: true }).first();
      expect(await ruPrint.getAttribute('href')).toMatch(/language=ru&paper=a4$/);
      await paper.getByRole('radio', { name: 'Letter (США)' }).check();
      expect(await ruPrint.getAttribute('href')).toMatch(/language=ru&paper=letter$/);
      await paper.getByRole('radio', { name: 'A4' }).check();
      const printHref = await ruPrint.getAttribute('href');
      expect(printHref).toMatch(/language=ru&paper=a4$/);
      await ru.page.goto(`${server.url}${printHref}`);
      const ruCover = ru.page.locator('.doc[data-locale="ru"] .cover');
      expect(flat(await ruCover.locator('.kicker').textContent())).toBe('Общий отчёт');
      expect(flat(await ruCover.getByTestId('period').textContent())).toMatch(/^Период: \d{1,2} /);
      expect(flat(await ruCover.getByTestId('generated').textContent())).toMatch(
        /^Сформирован \d{1,2} \S+ \d{4}.* \d{2}:\d{2} MSK \(Europe\/Moscow\)$/,
      );
      expect(flat(await ru.page.locator('section.total h2').textContent())).toBe('Общий итог, RUB');
      expect(flat(await ru.page.locator('[data-creator="Jess Park"]').textContent())).toContain('2 000 $');
      expect(flat(await ru.page.locator('[data-creator="Анна Смирнова"]').textContent())).toContain(
        '90 000 ₽',
      );
      expect(
        flat(await ru.page.locator('section.market[data-market="RU"] table.kpis').textContent()),
      ).toMatch(/8 %/);
      expect(
        flat(await ru.page.locator('section.market[data-market="US"] table.kpis').textContent()),
      ).toMatch(/\d×/);
      await shot(ru.page, 'document-ru');
      await printsOnBothPapers(ru.page);

      // Both languages in one document, the reader's first.
      await ru.page.goto(`${server.url}/api/campaigns/${campaign.id}/report/print`);
      expect(
        await ru.page.locator('.doc').evaluateAll((docs) => docs.map((d) => d.getAttribute('lang'))),
      ).toEqual(['ru', 'en']);
      expect(ru.pageErrors).toEqual([]);
      await ru.context.close();
    } finally {
      await server.close();
    }
  });
});
