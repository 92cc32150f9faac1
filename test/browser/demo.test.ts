import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, type Locale } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const getBrowser = sharedBrowser();

let server: TestServer;
beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('loading the demo from the empty campaign list', () => {
  it.each(['en', 'ru'] as const)(
    'shows the team once, and the admin’s bell has work waiting (%s)',
    async (locale: Locale) => {
      // One instance per language: the demo loads once per workspace.
      const instance = locale === 'en' ? server : await startServer();
      try {
        const { client } = await setupOwner(instance.url, { locale });
        const { page, context } = await openPage(await getBrowser(), {
          locale: locale === 'ru' ? 'ru-RU' : 'en-US',
          timezoneId: 'Europe/Moscow',
        });
        const [name, value] = (client.cookie ?? '').split('=');
        await context.addCookies([{ name: name!, value: value!, url: instance.url }]);
        await page.goto(`${instance.url}/campaigns`);
        const t = catalogues[locale];
        await page.getByRole('button', { name: t['demo.load'] }).click();
        const dialog = page.getByRole('dialog', { name: t['demo.loadedTitle'] });
        await dialog.waitFor({ timeout: 60_000 });
        // The RU lead, the US partner, the brand stakeholder and four creators with portal access.
        expect(await dialog.locator('.demo-person').count()).toBe(7);
        await dialog.getByText(locale === 'ru' ? 'Ирина Ковалёва' : 'Megan Brooks').waitFor();
        await dialog.getByText('Jess Park').waitFor();
        expect(
          await dialog.locator('.demo-person').getByText(t['common.role.creator'], { exact: false }).count(),
        ).toBe(4);
        await page.screenshot({ path: path.join(SCREENSHOTS, `demo-loaded-${locale}.png`) });
        await dialog.getByRole('link', { name: t['demo.open'] }).click();
        await page.waitForURL(/\/campaigns\/[0-9a-f-]+\/brief/);
        // A task from the US partner and the escalation handed over to the admin.
        await expect
          .poll(async () => Number(await page.locator('.nt-bell-button').getAttribute('data-unread')), {
            timeout: 15_000,
          })
          .toBeGreaterThanOrEqual(2);
        // On a phone: the top bar keeps to its height (no empty band under it) and the campaign
        // card shows its markets' cities whole.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${instance.url}/campaigns`);
        const city = page.locator('.campaign-card-city').first();
        await city.waitFor();
        const bar = await page.locator('.sidebar').boundingBox();
        expect(bar!.height).toBeLessThan(80);
        const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
        expect(heading!.y - (bar!.y + bar!.height)).toBeLessThan(60);
        const cut = await page
          .locator('.campaign-card-city')
          .evaluateAll((cities) =>
            cities.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
          );
        expect(cut).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: path.join(SCREENSHOTS, `phone-campaigns-${locale}.png`) });
        await context.close();
      } finally {
        if (instance !== server) await instance.close();
      }
    },
  );
});
