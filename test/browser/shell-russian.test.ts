import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;

/** The shell's sections as the catalogue names them, in navigation order (an owner sees all). */
const NAV_KEYS = [
  'nav.campaigns',
  'creators.nav',
  'myTasks.nav',
  'nav.audit',
  'nav.team',
  'nav.tokens',
  'nav.webhooks',
  'nav.profile',
] as const;

declare global {
  interface Window {
    __tandemMarker?: string;
  }
}

async function navTexts(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: label });
  await nav.waitFor();
  return nav.getByRole('link').allInnerTexts();
}

async function pickTimeZone(page: Page, label: string, search: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const getBrowser = sharedBrowser();

describe('the web app', () => {
  it('sets up a fresh instance, then switches the shell to Russian without a reload and keeps it', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const { context, page, pageErrors } = await openPage(browser, {
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    try {
      await page.goto(server.url);
      await page.waitForURL('**/setup');
      await page.getByRole('heading', { name: en['setup.title'] }).waitFor();

      // The browser's zone is the default; the owner picks Moscow from the searchable list.
      const zone = page.getByRole('combobox', { name: en['common.timeZone'] });
      expect(await zone.inputValue()).toContain('New York');
      await page.getByLabel(en['common.name']).fill('Olga Petrova');
      await page.getByLabel(en['common.email']).fill('olga@example.com');
      await page.getByLabel(en['common.password'], { exact: true }).fill('correct horse battery');
      await pickTimeZone(page, en['common.timeZone'], 'Moscow', /^Moscow/);
      expect(await zone.inputValue()).toContain('Moscow');
      await page.getByRole('button', { name: en['setup.submit'] }).click();

      await page.waitForURL('**/campaigns');
      expect(await navTexts(page, en['nav.label'])).toEqual(NAV_KEYS.map((key) => en[key]));
      await page.getByRole('heading', { name: en['nav.campaigns'], level: 1 }).waitFor();
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      expect(me).toMatchObject({ role: 'owner', locale: 'en', timeZone: 'Europe/Moscow' });

      // Switch in place: the marker on window survives only if the page is not reloaded.
      await page.evaluate(() => {
        window.__tandemMarker = 'same page';
      });
      await page.getByRole('radio', { name: ru['common.languageName.ru'] }).check();
      await page.getByRole('heading', { name: ru['nav.campaigns'], level: 1 }).waitFor();
      expect(await navTexts(page, ru['nav.label'])).toEqual(NAV_KEYS.map((key) => ru[key]));
      expect(await page.evaluate(() => window.__tandemMarker)).toBe('same page');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await expect
        .poll(() =>
          page.evaluate(() =>
            fetch('/api/me')
              .then((r) => r.json())
              .then((u) => u.locale),
          ),
        )
        .toBe('ru');

      await page.screenshot({ path: path.join(os.tmpdir(), 'tandem-shell-ru.png') });

      // Saved on the profile, not just on this device: forget the device's choice, then reload.
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      expect(await navTexts(page, ru['nav.label'])).toEqual(NAV_KEYS.map((key) => ru[key]));
      expect(await page.evaluate(() => window.__tandemMarker)).toBeUndefined();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('accepts an invitation: the link opens a sign-up form in the browser’s language and lands in the shell', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const { context, page, pageErrors } = await openPage(browser, {
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
    });
    try {
      const register = await fetch(`${server.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'owner@example.com',
          password: 'correct horse battery',
          name: 'Anna Owner',
          locale: 'en',
          timeZone: 'America/New_York',
        }),
      });
      expect(register.status).toBe(201);
      const cookie = register.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const created = await fetch(`${server.url}/api/invites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ email: 'ivan@example.com', role: 'member', marketCodes: ['RU'] }),
      });
      expect(created.status).toBe(201);
      const { url } = (await created.json()) as { url: string; token: string };
      expect(url).toMatch(/\/invite\/[^/]+$/);

      await page.goto(url);
      await page.getByRole('heading', { name: ru['invite.title'] }).waitFor();
      await page.getByText('Anna Owner', { exact: false }).first().waitFor();
      expect(await page.getByLabel(ru['common.email']).inputValue()).toBe('ivan@example.com');
      // The browser's zone is the default, named in the page's language.
      const zone = page.getByRole('combobox', { name: ru['common.timeZone'] });
      expect(await zone.inputValue()).toContain('Москва');
      await page.getByLabel(ru['common.name']).fill('Иван Петров');
      await page.getByLabel(ru['common.password'], { exact: true }).fill('another long password');
      await page.getByRole('button', { name: ru['invite.submit'] }).click();

      await page.waitForURL('**/campaigns');
      const nav = await navTexts(page, ru['nav.label']);
      expect(nav).toContain(ru['nav.campaigns']);
      expect(nav).toContain(ru['nav.profile']);
      await page.getByText(ru['common.role.member'], { exact: true }).waitFor();
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      expect(me).toMatchObject({
        email: 'ivan@example.com',
        role: 'member',
        markets: ['RU'],
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      });

      // The link works once.
      await page.goto(url);
      await page.getByRole('heading', { name: ru['invite.invalidTitle'] }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
