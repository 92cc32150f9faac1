import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const { en, ru } = catalogues;
const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `retrospective-${name}.png`), fullPage: true });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const getBrowser = sharedBrowser();

async function signedIn(
  browser: Browser,
  client: Client,
  baseUrl: string,
  locale: string,
  timezoneId: string,
) {
  const opened = await openPage(browser, { locale, timezoneId });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

describe('the retrospective page', () => {
  it('lists what was late by kind, filters it, shows the launch and the feedback promise, in English and Russian', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const contexts: BrowserContext[] = [];
    try {
      const owner = await setupOwner(server.url, { name: 'Olga Owner' });
      const ruMember = await buildUser(owner.client, {
        role: 'member',
        marketCodes: ['RU'],
        name: 'Маша Участник',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      });
      const campaign = await buildCampaign(owner.client, { name: 'Calm Mornings' });
      const base = `/api/campaigns/${campaign.id}`;
      const now = Date.now();
      const late = await owner.client.post<{ id: string; version: number }>(`${base}/tasks`, {
        title: 'Book the studio',
        ownerId: ruMember.user.id,
        marketCode: 'RU',
        dueAt: iso(now - 2 * DAY),
      });
      await owner.client.patch(`/api/tasks/${late.body.id}`, { status: 'done', version: late.body.version });
      await server.database.db.execute(
        sql`update tasks set done_at = ${iso(now - 2 * DAY + 200 * 60_000)} where id = ${late.body.id}`,
      );
      await owner.client.post(`${base}/tasks`, {
        title: 'Order samples',
        ownerId: owner.user.id,
        marketCode: 'US',
        dueAt: iso(now - 26 * HOUR),
      });
      for (const [code, at] of [
        ['RU', now - 4 * DAY],
        ['US', now - 3 * DAY],
      ] as const) {
        await owner.client.post(`${base}/milestones`, {
          title: `Go-live ${code}`,
          kind: 'go_live',
          marketCode: code,
          at: iso(at),
        });
      }

      // English, as the owner: every market.
      const o = await signedIn(browser, owner.client, server.url, 'en-US', 'Europe/Moscow');
      contexts.push(o.context);
      await o.page.goto(`${server.url}/campaigns/${campaign.id}/brief`);
      await o.page.getByRole('link', { name: en['campaign.tab.retrospective'] }).click();
      await o.page.getByRole('heading', { name: en['retro.title'], exact: true }).waitFor();
      const tasks = o.page.locator('.retro-group[data-kind="task"]');
      await expect.poll(() => tasks.innerText()).toContain('Book the studio');
      const studio = tasks.locator('tr', { hasText: 'Book the studio' });
      expect(await studio.innerText()).toContain('3 h 20 min late');
      expect(await studio.innerText()).toContain('Маша Участник');
      expect(await studio.getByRole('link', { name: 'Book the studio' }).getAttribute('href')).toBe(
        `/campaigns/${campaign.id}/tasks/${late.body.id}`,
      );
      const samples = tasks.locator('tr', { hasText: 'Order samples' });
      expect(await samples.innerText()).toContain('1 day 2 h overdue');
      expect(await samples.innerText()).toContain(en['retro.openBadge']);
      // The launch in each market's zone: RU planned at Moscow time, US not live and late.
      const launch = o.page.locator('section', { hasText: en['retro.launch.title'] });
      expect(await launch.locator('tr[data-market="RU"]').innerText()).toContain('MSK');
      expect(await launch.locator('tr[data-market="US"]').innerText()).toMatch(/E[SD]T/);
      expect(await launch.locator('tr[data-market="US"]').innerText()).toContain('overdue');
      const feedback = o.page.locator('section', { hasText: en['retro.feedback.title'] });
      expect(await feedback.locator('tr[data-market="RU"]').innerText()).toContain(
        en['retro.feedback.nothing'],
      );
      // Filters: US only, then open items only.
      await o.page.getByLabel(en['retro.filter.market'], { exact: true }).selectOption('US');
      await expect.poll(() => o.page.locator('.retro-late').innerText()).not.toContain('Book the studio');
      expect(await o.page.locator('.retro-late').innerText()).toContain('Order samples');
      await o.page.getByLabel(en['retro.filter.market'], { exact: true }).selectOption('');
      await o.page.getByLabel(en['retro.filter.openOnly']).check();
      await expect.poll(() => o.page.locator('.retro-late').innerText()).not.toContain('Book the studio');
      await o.page.getByLabel(en['retro.filter.openOnly']).uncheck();
      await o.page.getByRole('button', { name: en['retro.kind.feedback'] }).click();
      await expect.poll(() => o.page.locator('.retro-late').innerText()).toContain(en['retro.emptyFiltered']);
      await o.page.getByRole('button', { name: en['retro.filter.allKinds'] }).click();
      // The exports, in the page's language.
      const csv = o.page.getByRole('link', { name: en['retro.downloadCsv'] });
      expect(await csv.getAttribute('href')).toBe(`${base}/retrospective.csv?language=en`);
      const print = o.page.getByRole('link', { name: en['retro.print'] });
      expect(await print.getAttribute('href')).toBe(`${base}/retrospective/print?language=en`);
      const printed = await o.context.request.get(`${server.url}${base}/retrospective/print?language=en`);
      expect(printed.status()).toBe(200);
      expect(await printed.text()).toContain('<title>Calm Mornings — retrospective</title>');
      await shot(o.page, 'en');

      // Russian, as a RU member: Russian words and plurals, and only the RU rows (and shared ones).
      const m = await signedIn(browser, ruMember.client, server.url, 'ru-RU', 'Europe/Moscow');
      contexts.push(m.context);
      await m.page.goto(`${server.url}/campaigns/${campaign.id}/retrospective`);
      await m.page.getByRole('heading', { name: ru['retro.title'], exact: true }).waitFor();
      const ruTasks = m.page.locator('.retro-group[data-kind="task"]');
      await expect.poll(() => ruTasks.innerText()).toContain('Book the studio');
      expect(await ruTasks.innerText()).toContain('опоздание на 3 часа 20 минут');
      expect(await m.page.locator('.retro-late').innerText()).not.toContain('Order samples');
      expect(await m.page.getByRole('link', { name: ru['retro.downloadCsv'] }).getAttribute('href')).toBe(
        `${base}/retrospective.csv?language=ru`,
      );
      expect(await m.page.locator('section', { hasText: ru['retro.feedback.title'] }).innerText()).toContain(
        ru['retro.feedback.nothing'],
      );
      await shot(m.page, 'ru');
      expect(o.pageErrors).toEqual([]);
      expect(m.pageErrors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
    }
  });
});
