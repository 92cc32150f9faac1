import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { Client } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

const getBrowser = sharedBrowser();

async function signedIn(browser: Browser, client: Client, baseUrl: string, locale = 'en-US') {
  const opened = await openPage(browser, { locale, timezoneId: 'Europe/Moscow' });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

describe('managing accounts in the web app', () => {
  it('issues a reset link, deactivates and reactivates a person, and changes a password', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    try {
      const { client: owner, user: ownerUser } = await setupOwner(server.url);
      const { client: member, user } = await buildUser(owner, {
        role: 'member',
        marketCodes: ['US'],
        name: 'Mia Member',
      });
      const campaign = await buildCampaign(owner);
      await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'Brief the US creators',
        ownerId: user.id,
      });
      const { page, pageErrors, context } = await signedIn(browser, owner, server.url);

      await page.goto(`${server.url}/team`);
      const row = page.locator(`tr[data-user-email="${user.email}"]`);
      // A one-time reset link, shown once and usable once.
      await row.getByRole('button', { name: fill(en['team.resetLinkFor'], { name: user.name }) }).click();
      const detail = page.locator(`tr[data-detail-for="${user.email}"]`);
      const link = detail.getByLabel(en['team.resetLinkLabel'], { exact: true });
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/reset\/[\w-]+$/);

      // Role and markets, saved from the same row.
      await row.getByRole('button', { name: fill(en['team.accessFor'], { name: user.name }) }).click();
      const access = detail.getByRole('form', { name: fill(en['team.accessFor'], { name: user.name }) });
      await access.getByLabel(en['team.role']).selectOption('stakeholder');
      await access.getByLabel(en['team.marketCodes']).fill('ru, us');
      await access.getByRole('button', { name: en['common.saveChanges'] }).click();
      await row.getByText(en['common.role.stakeholder'], { exact: true }).waitFor();
      await row.getByText('RU', { exact: true }).waitFor();

      const stranger = await openPage(browser, { locale: 'ru-RU' });
      await stranger.page.goto(url);
      await stranger.page.getByRole('heading', { name: ru['reset.title'] }).waitFor();
      await stranger.page.getByLabel(ru['common.password'], { exact: true }).fill('a brand new passphrase');
      await stranger.page.getByRole('button', { name: ru['reset.submit'] }).click();
      await stranger.page.getByRole('heading', { name: ru['reset.doneTitle'] }).waitFor();
      expect(stranger.pageErrors).toEqual([]);
      await stranger.context.close();
      expect((await member.get('/api/me')).status).toBe(401);

      // Deactivate: the row says so, the task card says the task needs a new owner.
      await row.getByRole('button', { name: fill(en['team.deactivateFor'], { name: user.name }) }).click();
      await row.getByRole('button', { name: en['team.deactivateConfirm'] }).click();
      await row.getByText(en['team.deactivated'], { exact: true }).waitFor();
      const signIn = await new Client(server.url).post('/api/auth/login', {
        email: user.email,
        password: 'a brand new passphrase',
      });
      expect(signIn.status).toBe(403);
      await page.goto(`${server.url}/campaigns/${campaign.id}/tasks`);
      await page.getByText(fill(en['tracker.needsNewOwner'], { name: user.name })).waitFor();
      // The filter narrows the board to the tasks that need a new owner.
      await owner.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'Book the kickoff room',
        ownerId: ownerUser.id,
      });
      await page.getByText('Book the kickoff room').waitFor();
      await page.getByLabel(en['tracker.filter.needsOwner']).check();
      await page.waitForURL(/needsOwner=1/);
      await page.getByText('Book the kickoff room').waitFor({ state: 'detached' });
      await page.getByText('Brief the US creators').waitFor();

      await page.goto(`${server.url}/team`);
      await row.getByRole('button', { name: fill(en['team.reactivateFor'], { name: user.name }) }).click();
      await row.getByRole('button', { name: fill(en['team.deactivateFor'], { name: user.name }) }).waitFor();

      // The owner changes their own password on the profile page; this session stays.
      await page.goto(`${server.url}/profile`);
      const form = page.getByRole('form', { name: en['profile.passwordTitle'] });
      await form.getByLabel(en['profile.currentPassword'], { exact: true }).fill('wrong password');
      await form.getByLabel(en['profile.newPassword'], { exact: true }).fill('another long passphrase');
      await form.getByRole('button', { name: en['profile.changePassword'] }).click();
      await form.getByText(en['error.wrong_password']).waitFor();
      await form.getByLabel(en['profile.currentPassword'], { exact: true }).fill(PASSWORD);
      await form.getByRole('button', { name: en['profile.changePassword'] }).click();
      await form.getByText(en['profile.passwordChanged']).waitFor();
      await page.reload();
      await form.waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
