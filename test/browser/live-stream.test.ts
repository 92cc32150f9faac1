import { describe, expect, it } from 'vitest';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const getBrowser = sharedBrowser();

describe('the workspace live stream in the web app', () => {
  it('catches up on changes made while it was down, and signs out when the session is gone', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    try {
      const { client: owner, user } = await setupOwner(server.url);
      const { page, context, pageErrors } = await openPage(browser, { locale: 'en-US' });
      const [name, value] = (owner.cookie ?? '').split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.url }]);
      await page.goto(`${server.url}/team`);
      await page.locator(`tr[data-user-email="${user.email}"]`).waitFor();
      await expect.poll(() => server.app.ctx.hub.connectionCount).toBeGreaterThan(0);

      // An outage: the stream drops, and a colleague joins before it is back (the event is missed).
      server.app.ctx.hub.endStreams();
      const { user: colleague } = await buildUser(owner, { role: 'member', name: 'Missed While Down' });
      await page.locator(`tr[data-user-email="${colleague.email}"]`).waitFor({ timeout: 15_000 });

      // The session ends elsewhere: the next reconnect gets 401 and the screen goes to sign-in.
      expect((await owner.post('/api/auth/logout')).status).toBeLessThan(300);
      server.app.ctx.hub.endStreams();
      await page.waitForURL(/\/sign-in/, { timeout: 15_000 });
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
