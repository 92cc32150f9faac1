import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const getBrowser = sharedBrowser();

describe('webhooks in the web app', () => {
  it('lets an admin add a webhook for chosen events, copy its secret and send a test', async () => {
    const browser = await getBrowser();
    const server = await startServer({
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', JOBS_POLL_INTERVAL_MS: '100' },
    });
    const received: string[] = [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push(body);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tandem`;
    try {
      const { client: owner } = await setupOwner(server.url);
      const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
      const { page, pageErrors, context } = await openPage(browser, {
        locale: 'en-US',
        timezoneId: 'Europe/Moscow',
      });
      const [name, value] = (owner.cookie ?? '').split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.url }]);

      await page.goto(`${server.url}/campaigns`);
      await page.getByRole('link', { name: en['nav.webhooks'] }).click();
      await page.getByRole('heading', { name: en['nav.webhooks'], level: 1 }).waitFor();
      await page.getByText(en['webhooks.empty']).waitFor();

      await page.getByLabel(en['webhooks.url']).fill(target);
      await page.getByLabel(en['webhooks.chosenEvents']).check();
      await page.getByLabel(`${en['audit.action.task.created']} task.created`, { exact: true }).check();
      await page
        .getByLabel(`${en['audit.action.campaign.created']} campaign.created`, { exact: true })
        .check();
      await page.getByRole('button', { name: en['webhooks.create'] }).click();

      const secret = await page.getByLabel(en['webhooks.secret'], { exact: true }).inputValue();
      expect(secret).toMatch(/^whsec_/);
      const row = page.getByRole('row').filter({ hasText: target });
      await row.getByText('2 events').waitFor();
      await row.getByText(en['webhooks.status.active']).waitFor();

      const [hook] = (await owner.get<{ webhooks: Array<{ id: string; events: string[] }> }>('/api/webhooks'))
        .body.webhooks;
      expect(hook!.events).toEqual(['campaign.created', 'task.created']);

      await row.getByRole('button', { name: en['webhooks.sendTest'] }).click();
      await page.getByText(en['webhooks.testQueued']).waitFor();
      await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
      expect(JSON.parse(received[0]!)).toMatchObject({ event: 'ping' });
      await page.getByRole('button', { name: en['webhooks.refresh'] }).click();
      await page.getByText(en['webhooks.delivery.delivered']).waitFor();

      await row.getByRole('button', { name: en['webhooks.pause'] }).click();
      await row.getByText(en['webhooks.pausedReason.paused_by_admin']).waitFor();
      await row.getByRole('button', { name: `Delete the webhook to ${target}` }).click();
      await row.getByRole('button', { name: en['webhooks.deleteConfirm'] }).click();
      await page.getByText(en['webhooks.empty']).waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();

      // Not an admin: no entry in the navigation, and the page is not there.
      const other = await openPage(browser, { locale: 'en-US' });
      const [memberName, memberValue] = (member.cookie ?? '').split('=');
      await other.context.addCookies([{ name: memberName!, value: memberValue!, url: server.url }]);
      await other.page.goto(`${server.url}/campaigns`);
      await other.page.getByRole('link', { name: en['nav.campaigns'] }).waitFor();
      expect(await other.page.getByRole('link', { name: en['nav.webhooks'] }).count()).toBe(0);
      await other.context.close();
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await server.close();
    }
  }, 120_000);
});
