import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { AUDIT_ENTITY_TYPES } from '../../src/web/routes/audit-links.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const getBrowser = sharedBrowser();

async function signIn(page: Page, client: Client, url: string) {
  const [name, value] = (client.cookie ?? '').split('=');
  await page.context().addCookies([{ name: name!, value: value!, url }]);
}

/** The text of the explorer's table: what a reader sees in the rows (rendered text, not hidden nodes). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
const tableText = (page: Page) => page.locator('table.table-audit tbody').innerText();

describe('the audit explorer in the web app', () => {
  it('filters by campaign and market, names entities, links a task to its history, in English and Russian', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    try {
      const { client: owner, user: ownerUser } = await setupOwner(server.url);
      const ruLead = await buildUser(owner, {
        role: 'market_lead',
        marketCodes: ['RU'],
        locale: 'ru',
        timeZone: 'Europe/Moscow',
        name: 'Роман Лид',
      });
      const campaign = await buildCampaign(owner, { name: 'Calm Mornings launch' });
      const ruTask = await owner.post<{ id: string; version: number }>(
        `/api/campaigns/${campaign.id}/tasks`,
        {
          title: 'Approve RU scripts',
          ownerId: ruLead.user.id,
          marketCode: 'RU',
        },
      );
      expect(ruTask.status).toBe(201);
      const renamed = await owner.patch(`/api/tasks/${ruTask.body.id}`, {
        title: 'Approve RU scripts v2',
        version: ruTask.body.version,
      });
      expect(renamed.status).toBe(200);
      const usTask = await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'US unboxing brief',
        ownerId: ownerUser.id,
        marketCode: 'US',
      });
      expect(usTask.status).toBe(201);

      // English: from the task's drawer to its history.
      const { context, page, pageErrors } = await openPage(browser, {
        locale: 'en-US',
        timezoneId: 'Europe/Moscow',
      });
      await signIn(page, owner, server.url);
      await page.goto(`${server.url}/campaigns/${campaign.id}/tasks/${ruTask.body.id}`);
      const history = page.getByRole('link', { name: en['audit.history'] });
      await history.click();
      await page.waitForURL(/\/audit\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('entityType')).toBe('task');
      expect(url.searchParams.get('entityId')).toBe(ruTask.body.id);
      expect(url.searchParams.get('campaignId')).toBe(campaign.id);
      await page.getByRole('heading', { name: en['nav.audit'], level: 1 }).waitFor();
      await page.getByTestId('audit-entity-chip').getByText('Approve RU scripts v2').waitFor();
      const rows = page.getByTestId('audit-row');
      await expect.poll(() => rows.count()).toBe(2);
      const updated = rows.filter({ hasText: en['audit.action.task.updated'] });
      // The name as written: the creation keeps the first title, the rename the new one.
      await updated.getByRole('link', { name: 'Approve RU scripts v2' }).waitFor();
      await rows
        .filter({ hasText: en['audit.action.task.created'] })
        .getByRole('link', { name: 'Approve RU scripts', exact: true })
        .waitFor();
      expect(await tableText(page)).not.toMatch(UUID);
      // The before/after diff of the rename.
      await updated.getByRole('button', { name: en['audit.showChanges'] }).click();
      await page.getByText('1 field changed').waitFor();
      const diff = page.locator('table.changes');
      await diff.getByText('"Approve RU scripts"').waitFor();
      await diff.getByText('"Approve RU scripts v2"').waitFor();
      // The label links back to the task.
      await updated.getByRole('link', { name: 'Approve RU scripts v2' }).click();
      await page.waitForURL(`**/campaigns/${campaign.id}/tasks/${ruTask.body.id}`);

      // The whole campaign, then one market: the filters live in the address.
      await page.goto(`${server.url}/audit`);
      await page.getByLabel(en['audit.filterCampaign']).selectOption(campaign.id);
      await page.getByLabel(en['audit.filterMarket']).selectOption('RU');
      await page.waitForURL(/marketCode=RU/);
      await expect.poll(async () => (await tableText(page)).includes('Approve RU scripts')).toBe(true);
      expect(await tableText(page)).not.toContain('US unboxing brief');
      expect(await tableText(page)).not.toMatch(UUID);
      // Every entity type is offered.
      const types = await page.getByLabel(en['audit.filterEntity']).locator('option').count();
      expect(types).toBe(AUDIT_ENTITY_TYPES.length + 1);
      // The CSV link keeps the filters.
      const csv = new URL(
        (await page.getByRole('link', { name: en['audit.downloadCsv'] }).getAttribute('href'))!,
        server.url,
      );
      expect(csv.pathname).toBe('/api/audit/export.csv');
      expect(csv.searchParams.get('campaignId')).toBe(campaign.id);
      expect(csv.searchParams.get('marketCode')).toBe('RU');
      expect(csv.searchParams.get('timeZone')).toBe('Europe/Moscow');
      // A link reproduces the view.
      const link = page.url();
      await page.goto(link);
      await expect.poll(async () => (await tableText(page)).includes('Approve RU scripts')).toBe(true);
      expect(await page.getByLabel(en['audit.filterMarket']).inputValue()).toBe('RU');
      expect(pageErrors).toEqual([]);
      await context.close();

      // Russian, as the RU lead: their market only, names and actions in Russian.
      const other = await openPage(browser, { locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
      await signIn(other.page, ruLead.client, server.url);
      await other.page.goto(`${server.url}/audit?campaignId=${campaign.id}`);
      await other.page.getByRole('heading', { name: ru['nav.audit'], level: 1 }).waitFor();
      await expect
        .poll(async () => (await tableText(other.page)).includes('Approve RU scripts v2'))
        .toBe(true);
      const text = await tableText(other.page);
      expect(text).toContain(ru['audit.action.task.created']);
      expect(text).toContain(ru['audit.action.task.updated']);
      expect(text).not.toContain('US unboxing brief');
      expect(text).not.toMatch(UUID);
      await other.page
        .getByTestId('audit-row')
        .filter({ hasText: ru['audit.action.task.updated'] })
        .getByRole('button', { name: ru['audit.showChanges'] })
        .click();
      await other.page.getByText('изменено 1 поле').waitFor();
      await other.page.getByRole('link', { name: ru['audit.downloadCsv'] }).waitFor();
      expect(other.pageErrors).toEqual([]);
      await other.context.close();
    } finally {
      await server.close();
    }
  });
});
