import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;

declare global {
  interface Window {
    __tandemMarker?: string;
  }
}

const getBrowser = sharedBrowser();

/** Signs the browser context in (the session cookie lands in the context's jar). */
async function signIn(context: BrowserContext, baseUrl: string, email: string) {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { email, password: PASSWORD },
  });
  expect(res.status()).toBe(200);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(os.tmpdir(), `tandem-brief-${name}.png`), fullPage: true });

/** Marks the window so a later check can tell the page was never reloaded. */
const mark = (page: Page) =>
  page.evaluate(() => {
    window.__tandemMarker = 'same page';
  });
const marked = (page: Page) => page.evaluate(() => window.__tandemMarker);

describe('campaigns and the brief in the browser', () => {
  it('an owner creates a campaign through the wizard and finds it in the list', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const { user } = await setupOwner(server.url, { name: 'Olga Owner', locale: 'en' });
    const { context, page, pageErrors } = await openPage(browser, {
      locale: 'en-US',
      timezoneId: 'Europe/Moscow',
    });
    try {
      await signIn(context, server.url, user.email);
      await page.goto(`${server.url}/campaigns`);
      await page.getByText(en['campaigns.emptyTitle']).waitFor();
      await page.getByRole('link', { name: en['campaigns.newCampaign'] }).click();
      await page.waitForURL('**/campaigns/new');

      // Step 1: the checks the browser can make come first.
      await page.getByRole('button', { name: en['wizard.next'] }).click();
      await expect.poll(() => page.getByText(en['wizard.error.required']).count()).toBe(2);
      await page.getByLabel(en['wizard.name']).fill('Calm Mornings launch');
      await page.getByLabel(en['wizard.brand']).fill('Northwind Wellness');
      expect(await page.getByLabel(en['wizard.launchWindow']).inputValue()).toBe('48');
      await page.getByRole('button', { name: en['wizard.next'] }).click();

      // Step 2: two markets prefilled (Russia: awareness; US: conversion), each with its zone.
      const market1 = page.getByRole('listitem', { name: 'Market 1 · RU' });
      const market2 = page.getByRole('listitem', { name: 'Market 2 · US' });
      expect(await market1.getByLabel(en['wizard.marketCode']).inputValue()).toBe('RU');
      expect(await market1.getByRole('combobox', { name: en['wizard.timeZone'] }).inputValue()).toContain(
        'Moscow',
      );
      expect(await market1.getByLabel(en['wizard.currency']).inputValue()).toBe('RUB');
      expect(await market2.getByLabel(en['wizard.language']).inputValue()).toBe('en');
      expect(await market2.getByLabel(en['wizard.objective']).inputValue()).toBe('conversion');
      await shot(page, 'wizard-markets');
      await page.getByRole('button', { name: en['wizard.next'] }).click();

      // Step 3: review, then create; the new campaign opens on its brief.
      await page.getByText(translate('en', 'campaigns.launchWindow', { count: 48 })).waitFor();
      await page.getByRole('button', { name: en['wizard.create'] }).click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/brief$/);
      await page.getByRole('heading', { name: 'Calm Mornings launch', level: 1 }).waitFor();

      await page.getByRole('navigation', { name: en['campaigns.breadcrumbs'] }).getByRole('link').click();
      await page.waitForURL('**/campaigns');
      const card = page.getByRole('link', {
        name: translate('en', 'campaigns.openCampaign', { name: 'Calm Mornings launch' }),
      });
      await card.waitFor();
      // The link is the card's name; the card around it holds the rest.
      const text = (await page.locator('.campaign-card', { has: card }).textContent()) ?? '';
      expect(text).toContain('Northwind Wellness');
      expect(text).toMatch(/RU\s*Moscow/);
      expect(text).toMatch(/US\s*New York/);
      expect(text).toContain(en['brief.objective.awareness']);
      expect(text).toContain(en['brief.objective.conversion']);
      await shot(page, 'list');

      const list = await page.evaluate(() => fetch('/api/campaigns').then((r) => r.json()));
      expect(list.campaigns).toHaveLength(1);
      expect(list.campaigns[0]).toMatchObject({ name: 'Calm Mornings launch', launchWindowHours: 48 });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('two people edit the same text: the second sees both versions, resolves, and the first sees it live', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const owner = await setupOwner(server.url, { name: 'Olga Owner', locale: 'en' });
    const member = await buildUser(owner.client, {
      role: 'member',
      marketCodes: ['US'],
      locale: 'en',
      name: 'Mark Member',
    });
    const campaign = await buildCampaign(owner.client);
    const briefUrl = `${server.url}/campaigns/${campaign.id}/brief`;
    const a = await openPage(browser, { locale: 'en-US', timezoneId: 'Europe/Moscow' });
    const b = await openPage(browser, { locale: 'en-US', timezoneId: 'America/New_York' });
    try {
      await signIn(a.context, server.url, owner.user.email);
      await signIn(b.context, server.url, member.user.email);
      await Promise.all([a.page.goto(briefUrl), b.page.goto(briefUrl)]);
      const edit = translate('en', 'briefUi.editText', {
        section: en['brief.section.objective'],
        language: 'English',
      });
      const textbox = translate('en', 'briefUi.textLabel', {
        section: en['brief.section.objective'],
        language: 'English',
      });

      // Both open the English objective.
      for (const { page } of [a, b]) {
        await page.getByRole('button', { name: edit }).click();
        await page.getByRole('textbox', { name: textbox }).waitFor();
      }
      await mark(a.page);

      // The first saves…
      await a.page
        .getByRole('textbox', { name: textbox })
        .fill('Reach 5M people in Russia; 4,000 orders in the US.');
      await a.page.getByRole('button', { name: en['briefUi.save'], exact: true }).click();
      await a.page.getByText('Reach 5M people in Russia; 4,000 orders in the US.').waitFor();

      // …the second, who started from the older text, gets both versions instead of overwriting.
      await b.page.getByRole('textbox', { name: textbox }).fill('Awareness in Russia, sales in the US.');
      await b.page.getByRole('button', { name: en['briefUi.save'], exact: true }).click();
      const conflict = b.page.getByRole('group', {
        name: translate('en', 'briefUi.conflictGroup', {
          section: en['brief.section.objective'],
          language: 'English',
        }),
      });
      await conflict.waitFor();
      await conflict.getByText(en['briefUi.conflictTitle']).waitFor();
      const theirs = conflict.getByRole('region', { name: en['briefUi.theirVersion'] });
      const yours = conflict.getByRole('region', { name: en['briefUi.yourVersion'] });
      expect(await theirs.textContent()).toContain('Reach 5M people in Russia; 4,000 orders in the US.');
      expect(await yours.textContent()).toContain('Awareness in Russia, sales in the US.');
      await shot(b.page, 'conflict');

      // The second combines both and saves that.
      const merged = 'Awareness in Russia (5M reach), sales in the US (4,000 orders).';
      await conflict.getByLabel(en['briefUi.mergedLabel']).fill(merged);
      await conflict.getByRole('button', { name: en['briefUi.saveMerged'] }).click();
      await conflict.waitFor({ state: 'detached' });

      // The first user's screen shows it without a reload (delivery time: see the tasks benchmark).
      await a.page.getByText(merged).waitFor({ timeout: 10_000 });
      expect(await marked(a.page)).toBe('same page');
      await shot(a.page, 'after-merge');

      const brief = await owner.client.get<{
        sections: Array<{ key: string; texts: Record<string, { text: string; revision: number }> }>;
      }>(`/api/campaigns/${campaign.id}/brief`);
      const objective = brief.body.sections.find((s) => s.key === 'objective');
      expect(objective?.texts.en).toMatchObject({ text: merged, revision: 2 });
      // The Russian twin is now out of date, and says so on both screens.
      await a.page
        .getByText(translate('en', 'briefUi.untranslated', { language: 'en', name: 'English' }))
        .first()
        .waitFor();
      expect(a.pageErrors).toEqual([]);
      expect(b.pageErrors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
      await server.close();
    }
  });

  it('a Russian-speaking market lead acknowledges the published version; the owner sees it at once', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const owner = await setupOwner(server.url, { name: 'Olga Owner', locale: 'en' });
    const lead = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['RU'],
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      name: 'Иван Петров',
    });
    const campaign = await buildCampaign(owner.client);
    const put = await owner.client.put(`/api/campaigns/${campaign.id}/brief/sections/objective`, {
      language: 'en',
      text: 'Awareness in Russia, conversion in the US.',
      baseRevision: 0,
    });
    expect(put.status).toBe(200);
    const published = await owner.client.post(`/api/campaigns/${campaign.id}/brief/versions`, { note: 'v1' });
    expect(published.status).toBe(201);
    const briefUrl = `${server.url}/campaigns/${campaign.id}/brief`;
    const o = await openPage(browser, { locale: 'en-US', timezoneId: 'Europe/Moscow' });
    const l = await openPage(browser, { locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    try {
      await signIn(o.context, server.url, owner.user.email);
      await signIn(l.context, server.url, lead.user.email);
      await o.page.goto(briefUrl);
      const ownerRow = o.page.getByTestId('ack-person').filter({ hasText: 'Иван Петров' });
      await ownerRow.getByText(en['ack.pending']).waitFor();
      await o.page
        .getByText(translate('en', 'ack.progress', { acknowledged: 0, required: 1 }))
        .first()
        .waitFor();
      await mark(o.page);

      // The lead's screen is in Russian, and asks them to acknowledge version 1.
      await l.page.goto(briefUrl);
      await l.page.getByRole('link', { name: ru['campaign.tab.brief'] }).waitFor();
      await l.page.getByRole('heading', { name: translate('ru', 'ack.title', { version: 1 }) }).waitFor();
      await l.page
        .getByText(translate('ru', 'briefUi.staleCount', { count: 1 }))
        .first()
        .waitFor();
      await shot(l.page, 'lead-ru-before');
      await l.page.getByRole('button', { name: translate('ru', 'ack.acknowledge', { version: 1 }) }).click();
      await l.page.getByText(translate('ru', 'ack.complete')).waitFor();
      expect(
        await l.page
          .getByRole('button', { name: translate('ru', 'ack.acknowledge', { version: 1 }) })
          .count(),
      ).toBe(0);
      await shot(l.page, 'lead-ru-after');

      // The owner's open screen shows it without a reload.
      await ownerRow.locator('.cp-ack-state-done').waitFor({ timeout: 10_000 });
      expect(await ownerRow.textContent()).toMatch(/Acknowledged \d/);
      await o.page.getByText(en['ack.complete']).waitFor();
      expect(await marked(o.page)).toBe('same page');
      await shot(o.page, 'owner-acknowledged');

      const status = await owner.client.get<{ acknowledged: number; required: number; complete: boolean }>(
        `/api/campaigns/${campaign.id}/brief/versions/1/acknowledgements`,
      );
      expect(status.body).toMatchObject({ acknowledged: 1, required: 1, complete: true });
      expect(o.pageErrors).toEqual([]);
      expect(l.pageErrors).toEqual([]);
    } finally {
      await o.context.close();
      await l.context.close();
      await server.close();
    }
  });
});
