import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, type Locale, translate } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `notifications-${name}.png`);

const getBrowser = sharedBrowser();

// A mail sink, so the settings page can offer e-mail (SMTP_URL set) without sending anything out.
let smtp: SMTPServer;
let smtpUrl: string;
beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** A browser page signed in as the client's user, in their language and zone. */
async function signedIn(browser: Browser, client: Client, baseUrl: string, locale: Locale) {
  const opened = await openPage(browser, {
    locale: locale === 'ru' ? 'ru-RU' : 'en-US',
    timezoneId: locale === 'ru' ? 'Europe/Moscow' : 'America/New_York',
  });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

const bell = (page: Page) => page.locator('.nt-bell-button');
const unreadOnBell = async (page: Page) => Number(await bell(page).getAttribute('data-unread'));

/** The bell's accessible name says the count in the page's language (ICU plural). */
async function expectBell(page: Page, locale: Locale, count: number) {
  await expect.poll(() => unreadOnBell(page), { timeout: 15_000 }).toBe(count);
  expect(await bell(page).getAttribute('aria-label')).toBe(translate(locale, 'inbox.bell.label', { count }));
  const badge = bell(page).locator('.nt-badge');
  if (count === 0) expect(await badge.count()).toBe(0);
  else expect(await badge.textContent()).toBe(count > 9 ? '9+' : String(count));
}

async function assignTask(assigner: Client, campaignId: string, ownerId: string, title: string) {
  const res = await assigner.post<{ id: string }>(`/api/campaigns/${campaignId}/tasks`, {
    title,
    ownerId,
    marketCode: 'RU',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

declare global {
  interface Window {
    __notificationsMarker?: string;
  }
}

/** A marker on window survives only while the page is never reloaded. */
const markPage = (page: Page) =>
  page.evaluate(() => {
    window.__notificationsMarker = 'same page';
  });
const stillSamePage = async (page: Page) =>
  expect(await page.evaluate(() => window.__notificationsMarker)).toBe('same page');

describe('notifications in the browser', () => {
  it('English: the bell counts live, the popover opens the task, mark all read, settings persist', async () => {
    const browser = await getBrowser();
    const server: TestServer = await startServer({ env: { SMTP_URL: smtpUrl } });
    try {
      const { client: owner, user: olga } = await setupOwner(server.url, { locale: 'en' });
      const { client: colleague } = await buildUser(owner, { role: 'admin', name: 'Sam Colleague' });
      const campaign = await buildCampaign(owner);
      const { page, context, pageErrors } = await signedIn(browser, owner, server.url, 'en');
      await page.goto(`${server.url}/campaigns`);
      await page.getByRole('heading', { name: en['nav.campaigns'], level: 1 }).waitFor();
      await expectBell(page, 'en', 0);
      await markPage(page);

      // A colleague assigns Olga a task through the API: the count rises with no reload.
      const task = await assignTask(colleague, campaign.id, olga.id, 'Approve the RU scripts');
      await expectBell(page, 'en', 1);
      await stillSamePage(page);

      // The popover lists it (title, unread); Escape closes it and gives focus back to the bell.
      await bell(page).click();
      const popover = page.getByRole('dialog', { name: en['inbox.bell.title'] });
      await popover.waitFor();
      const item = popover.locator('.nt-item').first();
      await expect.poll(() => item.textContent()).toContain('Approve the RU scripts');
      expect(await item.getAttribute('class')).toContain('nt-item-unread');
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'detached' });
      expect(await bell(page).evaluate((el) => el === document.activeElement)).toBe(true);

      // Keyboard again: Enter opens it; a second task arrives while it is open.
      await page.keyboard.press('Enter');
      await popover.waitFor();
      await assignTask(colleague, campaign.id, olga.id, 'Book the kickoff call');
      await expectBell(page, 'en', 2);
      await expect.poll(() => popover.locator('.nt-item').count()).toBe(2);
      await page.screenshot({ path: shot('popover-en') });

      // Clicking the first task's item opens the task and the count drops by one.
      await popover.locator('.nt-item', { hasText: 'Approve the RU scripts' }).click();
      await page.waitForURL(`**/campaigns/${campaign.id}/tasks/${task.id}`);
      await expectBell(page, 'en', 1);
      await stillSamePage(page);

      // The task opens in its drawer (a modal dialog); Escape closes it.
      await page.locator('dialog.tk-drawer[open]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog.tk-drawer[open]').waitFor({ state: 'detached' });

      // The inbox: grouped under Today, mark all read, then the Unread tab is empty.
      await assignTask(colleague, campaign.id, olga.id, 'Send the US brief to legal');
      await expectBell(page, 'en', 2);
      await bell(page).click();
      await popover.getByRole('link', { name: en['inbox.bell.openInbox'] }).click();
      await page.waitForURL('**/notifications');
      await page.getByRole('heading', { name: en['inbox.title'], level: 1 }).waitFor();
      await page.getByRole('heading', { name: en['inbox.day.today'] }).waitFor();
      const rows = page.locator('.nt-row');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await page.locator('.nt-row-unread').count()).toBe(2);
      await page.screenshot({ path: shot('inbox-en'), fullPage: true });
      await page.getByRole('tab', { name: en['inbox.tabs.unread'] }).click();
      await page.waitForURL('**/notifications?show=unread');
      await expect.poll(() => rows.count()).toBe(2);
      await page.getByRole('button', { name: en['inbox.markAllRead'] }).click();
      await expectBell(page, 'en', 0);
      await page.getByText(en['inbox.empty.unreadTitle']).waitFor();
      const listed = await owner.get<{ unreadCount: number }>('/api/notifications');
      expect(listed.body.unreadCount).toBe(0);

      // Settings: task assignments in the app only, and a daily digest; saved, and still so after a reload.
      await page.goto(`${server.url}/settings/notifications`);
      await page.getByRole('heading', { name: en['inbox.settings.title'], level: 1 }).waitFor();
      const row = page.locator('tr[data-kind="task.assigned"]');
      expect(await row.textContent()).toContain(en['notification.task.assigned.label']);
      expect(await row.getByRole('radio', { name: en['inbox.settings.mode.all'] }).isChecked()).toBe(true);
      await row.getByRole('radio', { name: en['inbox.settings.mode.inApp'] }).check();
      await page
        .locator('tr[data-kind="task.commented"]')
        .getByRole('radio', { name: en['inbox.settings.mode.off'] })
        .check();
      await page.getByRole('switch', { name: en['inbox.settings.digestSwitch'] }).check();
      await page.getByRole('button', { name: en['inbox.settings.save'] }).click();
      await page.getByRole('status').filter({ hasText: en['inbox.settings.saved'] }).waitFor();
      await page.screenshot({ path: shot('settings-en'), fullPage: true });
      const saved = await owner.get<{
        kinds: Record<string, { inApp: boolean; email: boolean }>;
        digest: string;
      }>('/api/me/notification-settings');
      expect(saved.body.kinds['task.assigned']).toEqual({ inApp: true, email: false });
      expect(saved.body.kinds['task.commented']).toEqual({ inApp: false, email: false });
      expect(saved.body.digest).toBe('daily');
      await page.reload();
      const reloaded = page.locator('tr[data-kind="task.assigned"]');
      await reloaded.waitFor();
      expect(await reloaded.getByRole('radio', { name: en['inbox.settings.mode.inApp'] }).isChecked()).toBe(
        true,
      );
      expect(await page.getByRole('switch', { name: en['inbox.settings.digestSwitch'] }).isChecked()).toBe(
        true,
      );

      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 180_000);

  it('Russian: plural forms on the bell, the inbox and settings in Russian, e-mail not set up', async () => {
    const browser = await getBrowser();
    const server: TestServer = await startServer();
    try {
      const { client: owner } = await setupOwner(server.url, { locale: 'en' });
      const campaign = await buildCampaign(owner);
      const { client: anna, user: annaUser } = await buildUser(owner, {
        role: 'member',
        marketCodes: ['RU'],
        locale: 'ru',
        timeZone: 'Europe/Moscow',
        name: 'Анна Иванова',
      });
      const { page, context, pageErrors } = await signedIn(browser, anna, server.url, 'ru');
      await page.goto(`${server.url}/my-tasks`);
      await page.getByRole('heading', { name: ru['myTasks.nav'], level: 1 }).waitFor();
      await expectBell(page, 'ru', 0);
      await markPage(page);

      // 1 непрочитанное, 2 непрочитанных, 5 непрочитанных: the forms follow the count.
      const first = await assignTask(owner, campaign.id, annaUser.id, 'Согласовать сценарии');
      await expectBell(page, 'ru', 1);
      expect(await bell(page).getAttribute('aria-label')).toBe('Уведомления, 1 непрочитанное');
      await assignTask(owner, campaign.id, annaUser.id, 'Проверить промокоды');
      await expectBell(page, 'ru', 2);
      expect(await bell(page).getAttribute('aria-label')).toBe('Уведомления, 2 непрочитанных');
      for (const n of [3, 4, 5]) await assignTask(owner, campaign.id, annaUser.id, `Задача ${n}`);
      await expectBell(page, 'ru', 5);
      expect(await bell(page).getAttribute('aria-label')).toBe('Уведомления, 5 непрочитанных');
      await stillSamePage(page);

      await bell(page).click();
      const popover = page.getByRole('dialog', { name: ru['inbox.bell.title'] });
      await popover.waitFor();
      await expect.poll(() => popover.locator('.nt-item').count()).toBe(5);
      await page.screenshot({ path: shot('popover-ru') });
      await popover.locator('.nt-item', { hasText: 'Согласовать сценарии' }).click();
      await page.waitForURL(`**/campaigns/${campaign.id}/tasks/${first.id}`);
      await expectBell(page, 'ru', 4);

      await page.goto(`${server.url}/notifications`);
      await page.getByRole('heading', { name: ru['inbox.title'], level: 1 }).waitFor();
      await page.getByRole('heading', { name: ru['inbox.day.today'] }).waitFor();
      await expect.poll(() => page.locator('.nt-row').count()).toBe(5);
      await page.screenshot({ path: shot('inbox-ru'), fullPage: true });
      // Mark one read from its row.
      const unreadRow = page.locator('.nt-row-unread').first();
      const rowTitle = (await unreadRow.locator('.nt-row-title').textContent()) ?? '';
      const label = translate('ru', 'inbox.markReadLabel', {
        title: rowTitle.replace(`${ru['inbox.unread']}: `, ''),
      });
      await unreadRow.getByRole('button', { name: label }).click();
      await expectBell(page, 'ru', 3);

      // Thirty more: the badge stops at 9+, the inbox shows its first page and loads the rest on scroll.
      for (let n = 0; n < 30; n++) await assignTask(owner, campaign.id, annaUser.id, `Пакет ${n + 1}`);
      await expectBell(page, 'ru', 33);
      await expect.poll(() => page.locator('.nt-row').count(), { timeout: 15_000 }).toBe(30);
      await page.locator('.nt-row').last().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 5000);
      await expect.poll(() => page.locator('.nt-row').count(), { timeout: 15_000 }).toBe(35);
      await page.getByText(ru['inbox.end']).waitFor();

      // Without SMTP_URL the page says e-mail is not set up and offers no e-mail.
      await page.goto(`${server.url}/settings/notifications`);
      await page.getByRole('heading', { name: ru['inbox.settings.title'], level: 1 }).waitFor();
      await page.getByText(ru['inbox.settings.emailUnavailable']).first().waitFor();
      const row = page.locator('tr[data-kind="task.assigned"]');
      expect(await row.textContent()).toContain(ru['notification.task.assigned.label']);
      expect(await row.getByRole('radio', { name: ru['inbox.settings.mode.all'] }).isDisabled()).toBe(true);
      await row.getByRole('radio', { name: ru['inbox.settings.mode.off'] }).check();
      await page.getByRole('button', { name: ru['inbox.settings.save'] }).click();
      await page.getByRole('status').filter({ hasText: ru['inbox.settings.saved'] }).waitFor();
      await page.screenshot({ path: shot('settings-ru'), fullPage: true });

      // Off means off: the next assignment adds nothing to the bell.
      await assignTask(owner, campaign.id, annaUser.id, 'Ещё одна задача');
      const after = await anna.get<{ unreadCount: number }>('/api/notifications');
      expect(after.body.unreadCount).toBe(33);
      await expectBell(page, 'ru', 33);

      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 180_000);

  it('a creator sees the bell in the portal rise live when the team sends an agreement', async () => {
    const browser = await getBrowser();
    const server: TestServer = await startServer();
    try {
      const { client: owner } = await setupOwner(server.url);
      const campaign = await buildCampaign(owner);
      const creator = await owner.post<{ id: string }>('/api/creators', {
        name: 'Анна Смирнова',
        marketCode: 'RU',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        channels: [{ platform: 'telegram', handle: '@anna_wellness', followers: 120000 }],
        contact: { email: 'anna@example.ru' },
      });
      expect(creator.status).toBe(201);
      const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
        creatorId: creator.body.id,
        fee: { amount: 150000, currency: 'RUB' },
        deliverables: [{ platform: 'telegram', format: 'пост', count: 1, dueAt: '2026-12-10T09:00:00Z' }],
      });
      expect(engagement.status).toBe(201);
      const invite = await owner.post<{ url: string }>('/api/invites', {
        email: 'anna@example.ru',
        role: 'creator',
        marketCodes: ['RU'],
        creatorId: creator.body.id,
      });
      expect(invite.status).toBe(201);

      // On a phone: the portal is where creators are, often on the go.
      const { page, context, pageErrors } = await openPage(browser, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        viewport: { width: 390, height: 844 },
      });
      await page.goto(invite.body.url);
      await page.getByLabel(ru['common.name']).fill('Анна Смирнова');
      await page.getByLabel(ru['common.password'], { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: ru['invite.submit'] }).click();
      await page.waitForURL('**/portal');
      await page.getByRole('heading', { name: ru['portal.title'], level: 1 }).waitFor();
      await expectBell(page, 'ru', 0);
      await markPage(page);

      // The team sends the agreement: the portal's bell rises without a reload.
      const agreement = await owner.post<{ id: string }>(`/api/engagements/${engagement.body.id}/agreements`);
      expect(agreement.status).toBe(201);
      expect((await owner.post(`/api/agreements/${agreement.body.id}/send`)).status).toBe(200);
      await expectBell(page, 'ru', 1);
      await stillSamePage(page);

      // The creator's inbox and settings: only the creator's kinds.
      await bell(page).click();
      const popover = page.getByRole('dialog', { name: ru['inbox.bell.title'] });
      await expect.poll(() => popover.locator('.nt-item').count()).toBe(1);
      const box = await popover.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: shot('portal-popover-ru') });
      await popover.getByRole('link', { name: ru['inbox.bell.openInbox'] }).click();
      await page.waitForURL('**/notifications');
      await expect.poll(() => page.locator('.nt-row').count()).toBe(1);
      await page.goto(`${server.url}/settings/notifications`);
      await page.locator('tr[data-kind="agreement.sent"]').waitFor();
      expect(await page.locator('tr[data-kind="task.assigned"]').count()).toBe(0);

      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 180_000);
});
