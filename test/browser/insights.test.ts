import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;

const getBrowser = sharedBrowser();

async function signIn(context: BrowserContext, baseUrl: string, email: string) {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { email, password: PASSWORD },
  });
  expect(res.status()).toBe(200);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(os.tmpdir(), `tandem-insights-${name}.png`), fullPage: true });

describe('meetings in the browser', () => {
  it('plans a Moscow + New York meeting on the grid, schedules it and downloads a working invitation', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const owner = await setupOwner(server.url, {
      name: 'Olga Owner',
      locale: 'en',
      timeZone: 'Europe/Moscow',
    });
    const { user: nick } = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['US'],
      timeZone: 'America/New_York',
      name: 'Nick Foster',
    });
    const campaign = await buildCampaign(owner.client);
    const { context, page, pageErrors } = await openPage(browser, {
      locale: 'en-US',
      timezoneId: 'Europe/Moscow',
    });
    try {
      await signIn(context, server.url, owner.user.email);
      await page.goto(`${server.url}/campaigns/${campaign.id}/meetings`);
      await page.getByText(en['meetings.empty.title']).waitFor();
      await page.getByRole('link', { name: en['meetings.plan'] }).first().click();
      await page.waitForURL('**/meetings/plan');

      // The owner is in by default; add the New York lead, then search the week of 9 March 2026
      // (New York is already on EDT since 8 March; Moscow has no DST).
      await page.getByLabel(en['planner.form.add']).selectOption(`user:${nick.id}`);
      await page.getByText('Nick Foster').first().waitFor();
      await page.getByLabel(en['planner.form.from']).fill('2026-03-09');
      await page.getByLabel(en['planner.form.to']).fill('2026-03-13');
      await page.getByRole('button', { name: en['planner.form.find'] }).click();

      const summary = page.getByTestId('planner-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        translate('en', 'planner.result.perfect', { count: 15, people: 2 }),
      );

      // The grid opens on the best slot's day: each person's own hours on the shared axis, and the
      // overlap (13:00–15:00 UTC) highlighted in the viewer's zone.
      const grid = page.getByTestId('planner-grid');
      await grid.waitFor();
      expect(await grid.getAttribute('data-date')).toBe('2026-03-09');
      const nickRow = grid.locator('[data-participant="Nick Foster"]');
      expect(await nickRow.textContent()).toContain('09:00–18:00');
      expect(await nickRow.textContent()).toContain('EDT');
      expect(await grid.locator('[data-participant="Olga Owner"]').textContent()).toContain('09:00–18:00');
      expect(await page.getByTestId('planner-overlap').textContent()).toContain('16:00–18:00 MSK');

      const best = page.locator('[data-slot-start="2026-03-09T13:00:00.000Z"]');
      expect(await best.textContent()).toContain('16:00–17:00 MSK');
      expect(await best.textContent()).toContain('09:00–10:00 EDT');
      await shot(page, 'planner');

      await best.getByRole('button', { name: en['planner.slots.schedule'] }).click();
      const dialog = page.getByRole('dialog', { name: en['meetings.form.createTitle'] });
      await dialog.waitFor();
      await dialog.getByLabel(en['meetings.form.title']).fill('Kickoff: Russia + US');
      await dialog
        .getByLabel(translate('en', 'meetings.form.agendaIn', { language: 'Russian' }))
        .fill('Цели по рынкам');
      await dialog
        .getByLabel(translate('en', 'meetings.form.agendaIn', { language: 'English' }))
        .fill('Goals per market');
      await dialog.getByLabel(en['meetings.form.interpreterName']).fill('Irina');
      await dialog.getByRole('button', { name: en['meetings.form.create'] }).click();

      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Kickoff: Russia + US' }).waitFor();
      expect(await page.getByTestId('meeting-viewer-time').textContent()).toContain('16:00–17:00 MSK');
      expect(await page.locator('[data-participant="Nick Foster"]').textContent()).toContain(
        '09:00–10:00 EDT',
      );

      // The invitation link works: fetched in the page with the session, it is an iCalendar request.
      await page.getByRole('button', { name: en['meetings.ics.download'] }).click();
      const href = await page.getByTestId('ics-en').getAttribute('href');
      expect(href).toMatch(/\/api\/meetings\/[0-9a-f-]{36}\/ics\?language=en$/);
      const ics = await page.evaluate((url) => fetch(url as string).then((r) => r.text()), href);
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain('DTSTART:20260309T130000Z');
      await shot(page, 'meeting');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

const SHOPIFY = [
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Zip,Notes',
  '#1001,a@example.com,paid,2026-03-09 10:00:00 -0400,USD,90.00,5.00,0,95.00,JESS15,13.50,2026-03-09 10:00:00 -0400,2,Calm Tea,45.00,\'02134,"Leave at door,\nring twice"',
  '#1001,,,,,,,,,,,,1,Sleep Mask,20.00,,',
  "#1002,b@example.com,paid,2026-03-09 11:00:00 -0400,USD,40.00,0,0,40.00,tom10,4.00,2026-03-09 11:00:00 -0400,1,Calm Tea,40.00,'10001,",
  '#1003,c@example.com,paid,2026-03-09 12:00:00 -0400,USD,30.00,0,0,30.00,,0,2026-03-09 12:00:00 -0400,1,Calm Tea,30.00,,',
].join('\n');

const RUSSIAN_METRICS = [
  '\uFEFFcreator;platform;post_url;measured_at;reach;impressions;likes;comments;shares;saves;clicks',
  'Анна Смирнова;telegram;https://t.me/anna/1;10.03.2026 12:00;"12 500";"20 000,0";"1 100";90;"10";0;300',
  'Анна Смирнова;telegram;https://t.me/anna/1;17.03.2026 12:00;"15 000";"26 000";"1 400";100;"20";"30";400',
  '"Jess Park";instagram;"https://instagram.com/p/1";2026-03-11;"8 000";"9 500";"500";"20";0;0;"1 200"',
].join('\r\n');

async function setUpCreators(client: Client, campaignId: string) {
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
    const creator = await client.post<{ id: string }>('/api/creators', {
      name: p.name,
      marketCode: p.marketCode,
      language: p.language,
      timeZone: p.timeZone,
      channels: [{ platform: 'instagram', handle: `@${p.promoCode.toLowerCase()}`, followers: 100000 }],
    });
    expect(creator.status).toBe(201);
    const engagement = await client.post(`/api/campaigns/${campaignId}/engagements`, {
      creatorId: creator.body.id,
      fee: p.fee,
      promoCode: p.promoCode,
      status: 'in_production',
      override: { reason: 'Agreements are signed on paper for this test' },
    });
    expect(engagement.status).toBe(201);
  }
}

async function uploadThroughUi(
  page: Page,
  format: 'shopify-orders' | 'post-metrics',
  name: string,
  csv: string,
) {
  await page.getByRole('radio', { name: new RegExp(en[`imports.format.${format}`]) }).check();
  await page.getByLabel(en['imports.file.label']).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByText(name).waitFor();
  await page.getByRole('button', { name: en['imports.submit'] }).click();
  const progress = page.getByTestId('import-progress');
  await progress.waitFor();
  await page.locator('[data-testid="import-progress"][data-status="completed"]').waitFor({ timeout: 20_000 });
  return progress;
}

describe('measurement in the browser', () => {
  it('imports Shopify orders and Russian-formatted post metrics, then shows awareness for RU beside conversion for US', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const owner = await setupOwner(server.url, {
      name: 'Olga Owner',
      locale: 'en',
      timeZone: 'Europe/Moscow',
    });
    const campaign = await buildCampaign(owner.client);
    await setUpCreators(owner.client, campaign.id);
    const { context, page, pageErrors } = await openPage(browser, {
      locale: 'en-US',
      timezoneId: 'Europe/Moscow',
    });
    try {
      await signIn(context, server.url, owner.user.email);
      await page.goto(`${server.url}/campaigns/${campaign.id}/measurement/data`);
      await page.getByRole('heading', { name: en['imports.title'] }).waitFor();

      // Shopify: one row per line item; #1001 has two, grouped into one order.
      const shopify = await uploadThroughUi(page, 'shopify-orders', 'orders_export.csv', SHOPIFY);
      const shopifyText = await shopify.textContent();
      expect(shopifyText).toContain(en['imports.progress.completed']);
      expect(shopifyText).toContain(translate('en', 'imports.result', { imported: 4, rejected: 0 }));
      await shot(page, 'import-shopify');

      // Post metrics exported in Russian: BOM, semicolons, "1 234,5" numbers; columns guessed from the header.
      await page.getByRole('button', { name: en['imports.another'] }).click();
      await page.getByRole('radio', { name: new RegExp(en['imports.format.post-metrics']) }).check();
      await page.getByLabel(en['imports.file.label']).setInputFiles({
        name: 'stats_ru.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(RUSSIAN_METRICS, 'utf8'),
      });
      const reachColumn = page.getByLabel(
        translate('en', 'imports.mapping.columnFor', { field: en['imports.field.reach'] }),
      );
      await reachColumn.waitFor();
      expect(await reachColumn.inputValue()).toBe('reach');
      expect(
        await page
          .getByLabel(translate('en', 'imports.mapping.columnFor', { field: en['imports.field.creator'] }))
          .inputValue(),
      ).toBe('creator');
      await page.getByRole('button', { name: en['imports.submit'] }).click();
      await page
        .locator('[data-testid="import-progress"][data-status="completed"]')
        .waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('import-progress').textContent()).toContain(
        translate('en', 'imports.result', { imported: 3, rejected: 0 }),
      );
      // Both imports are in the history, each with an Undo.
      await expect.poll(() => page.getByRole('button', { name: en['imports.undo.open'] }).count()).toBe(2);
      await shot(page, 'import-metrics');

      await page.getByRole('link', { name: en['measurement.nav.dashboard'] }).click();
      const ru = page.locator('[data-market="RU"]');
      const us = page.locator('[data-market="US"]');
      await ru.waitFor();
      await us.waitFor();
      expect(await ru.textContent()).toContain(en['brief.objective.awareness']);
      expect(await us.textContent()).toContain(en['brief.objective.conversion']);
      expect(await ru.getByTestId('er-basis').textContent()).toBe(
        translate('en', 'measurement.erBasis', { basis: en['report.basis.reach'] }),
      );
      // The latest measurement of Anna's post counts: 15 000 reach, not 27 500.
      expect(await ru.locator('[data-kpi="reach"] [data-testid="kpi-actual"]').textContent()).toBe('15,000');
      expect(await ru.locator('[data-kpi="orders"]').count()).toBe(0);
      // Orders attributed by promo code (case-insensitive): JESS15 and tom10.
      expect(await us.locator('[data-kpi="orders"] [data-testid="kpi-actual"]').textContent()).toBe('2');
      expect(await us.locator('[data-kpi="reach"]').count()).toBe(0);
      // Side by side.
      const a = await ru.boundingBox();
      const b = await us.boundingBox();
      expect(a && b && Math.abs(a.y - b.y) < 2 && a.x + a.width <= b.x).toBe(true);
      // No USD rate yet (the base is the first market's RUB): the warning leads to the rates.
      expect(await page.getByTestId('missing-rates').textContent()).toContain('USD');
      expect(await page.locator('[data-creator="Jess Park"]').textContent()).toContain('8,000');
      await shot(page, 'dashboard');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
