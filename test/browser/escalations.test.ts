import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/index.ts';
import { jobs } from '../../src/server/jobs/tables.ts';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const { en, ru } = catalogues;
const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `escalation-${name}.png`), fullPage: true });

const getBrowser = sharedBrowser();

async function signedIn(browser: Browser, client: Client, baseUrl: string, timezoneId: string) {
  const opened = await openPage(browser, { locale: 'en-US', timezoneId });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

/** The clock of every open escalation runs out now (instead of waiting the rule's minute). */
async function runOutClock(database: Database) {
  await database.db.execute(
    sql`update escalations set due_at = now() - interval '1 second' where status = 'open'`,
  );
  await database.db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(and(eq(jobs.name, 'escalations.expire'), eq(jobs.status, 'pending')));
}

describe('escalations in the browser', () => {
  it('raises from a task and on its own, shows the hand-over live, and decides, in English and Russian', async () => {
    const browser = await getBrowser();
    const server = await startServer({ env: { JOBS_POLL_INTERVAL_MS: '50' } });
    const contexts: BrowserContext[] = [];
    try {
      const owner = await setupOwner(server.url, { name: 'Olga Owner' });
      const lead = await buildUser(owner.client, {
        role: 'market_lead',
        marketCodes: ['US'],
        name: 'Jake Lead',
        timeZone: 'America/New_York',
      });
      const member = await buildUser(owner.client, {
        role: 'member',
        marketCodes: ['US'],
        name: 'Mia Member',
        timeZone: 'America/New_York',
      });
      const ruMember = await buildUser(owner.client, {
        role: 'member',
        marketCodes: ['RU'],
        name: 'Маша Участник',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      });
      const ruAdmin = await buildUser(owner.client, {
        role: 'admin',
        name: 'Ирина Админ',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
      });
      const campaign = await buildCampaign(owner.client);
      const rules = await owner.client.put(`/api/campaigns/${campaign.id}/brief/sections/escalation/data`, {
        baseRevision: 0,
        data: {
          rules: [
            {
              id: 'creative',
              decision: { en: 'Creative dispute', ru: 'Творческий спор' },
              deciderId: lead.user.id,
              withinMinutes: 30,
              nextId: owner.user.id,
            },
            {
              id: 'budget',
              decision: { en: 'Budget overrun', ru: 'Превышение бюджета' },
              deciderId: lead.user.id,
              withinMinutes: 60,
              nextId: ruAdmin.user.id,
            },
          ],
        },
      });
      expect(rules.status).toBe(200);
      const task = await owner.client.post<{ id: string }>(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'Approve US reel script',
        ownerId: member.user.id,
        marketCode: 'US',
      });

      // English: the member raises from the task drawer.
      const m = await signedIn(browser, member.client, server.url, 'America/New_York');
      contexts.push(m.context);
      await m.page.goto(`${server.url}/campaigns/${campaign.id}/tasks/${task.body.id}`);
      await m.page.getByRole('button', { name: en['escalationUi.raise.open'] }).click();
      const dialog = m.page.getByRole('dialog', { name: en['escalationUi.raise.title'] });
      await expect.poll(() => dialog.getByTestId('escalation-rule-hint').innerText()).toContain('Jake Lead');
      await dialog
        .getByLabel(en['escalationUi.raise.question'])
        .fill('The script promises better sleep: keep the line?');
      await dialog.getByRole('button', { name: en['escalationUi.raise.submit'], exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const onTask = m.page.getByTestId('item-escalations').first();
      await expect.poll(() => onTask.innerText()).toContain('The script promises better sleep');
      expect(await onTask.innerText()).toContain('Jake Lead');

      // The escalations page, then the detail: held by the lead, due in 30 minutes.
      await m.page.goto(`${server.url}/campaigns/${campaign.id}/escalations`);
      await m.page.getByTestId('escalation-card').first().click();
      const detail = m.page.getByTestId('escalation-detail');
      await expect.poll(() => m.page.getByTestId('escalation-decider').innerText()).toBe('Jake Lead');
      expect(await detail.innerText()).toMatch(/decision due in (29|30) minutes/);

      // The clock runs out: the page shows the hand-over without a reload.
      await runOutClock(server.database);
      await expect
        .poll(() => m.page.getByTestId('escalation-decider').innerText(), { timeout: 15_000 })
        .toBe('Olga Owner');
      const history = m.page.getByTestId('escalation-history');
      await expect.poll(() => history.locator('li[data-action="handed_over"]').count()).toBe(1);
      expect(await detail.innerText()).toContain(en['escalationUi.level'].replace('{level, number}', '2'));
      await shot(m.page, 'handed-over-en');

      // The new decider (an owner) decides.
      const o = await signedIn(browser, owner.client, server.url, 'Europe/Moscow');
      contexts.push(o.context);
      await o.page.goto(m.page.url());
      await o.page
        .getByRole('textbox', { name: en['escalationUi.decide.decision'], exact: true })
        .fill('Drop the sleep claim');
      await o.page.getByLabel(en['escalationUi.decide.note']).fill('Legal: no health claims in the US.');
      await o.page.getByRole('button', { name: en['escalationUi.decide.submit'] }).click();
      await expect
        .poll(() => o.page.getByTestId('escalation-decision').innerText())
        .toContain('Drop the sleep claim');
      // …and the raiser's screen follows.
      await expect
        .poll(() => m.page.getByTestId('escalation-decision').innerText(), { timeout: 15_000 })
        .toContain('Drop the sleep claim');
      await shot(o.page, 'decided-en');

      // Russian: raised on its own from the escalations page, handed over to a Russian admin, decided.
      const r = await signedIn(browser, ruMember.client, server.url, 'Europe/Moscow');
      contexts.push(r.context);
      await r.page.goto(`${server.url}/campaigns/${campaign.id}/escalations`);
      await r.page.getByRole('button', { name: ru['escalationUi.raise.open'] }).click();
      const ruDialog = r.page.getByRole('dialog', { name: ru['escalationUi.raise.title'] });
      await ruDialog.getByLabel(ru['escalationUi.raise.rule']).selectOption('budget');
      await expect
        .poll(() => ruDialog.getByTestId('escalation-rule-hint').innerText())
        .toContain('Ирина Админ');
      await ruDialog
        .getByLabel(ru['escalationUi.raise.question'])
        .fill('Бюджет на Telegram превышен на 15 %: доплачиваем?');
      await ruDialog.getByRole('button', { name: ru['escalationUi.raise.submit'], exact: true }).click();
      await r.page.waitForURL(`**/campaigns/${campaign.id}/escalations/*`);
      await expect.poll(() => r.page.getByTestId('escalation-decider').innerText()).toBe('Jake Lead');
      await runOutClock(server.database);
      await expect
        .poll(() => r.page.getByTestId('escalation-decider').innerText(), { timeout: 15_000 })
        .toBe('Ирина Админ');
      expect(await r.page.getByTestId('escalation-detail').innerText()).toContain('Уровень 2');
      await shot(r.page, 'handed-over-ru');

      const a = await signedIn(browser, ruAdmin.client, server.url, 'Europe/Moscow');
      contexts.push(a.context);
      await a.page.goto(r.page.url());
      await a.page
        .getByRole('textbox', { name: ru['escalationUi.decide.decision'], exact: true })
        .fill('Да, доплачиваем из резерва');
      await a.page.getByRole('button', { name: ru['escalationUi.decide.submit'] }).click();
      await expect.poll(() => a.page.getByTestId('escalation-decision').innerText()).toContain('из резерва');
      await shot(a.page, 'decided-ru');

      // The list filters by status.
      await r.page.goto(`${server.url}/campaigns/${campaign.id}/escalations?status=open`);
      await r.page.getByText(ru['escalationUi.empty.title']).waitFor();
      await r.page.getByRole('button', { name: ru['escalationUi.filter.decided'] }).click();
      await expect.poll(() => r.page.getByTestId('escalation-card').count()).toBe(2);
      await shot(r.page, 'list-ru');

      for (const opened of [m, o, r, a]) expect(opened.pageErrors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
    }
  }, 180_000);
});
