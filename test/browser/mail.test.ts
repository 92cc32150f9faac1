import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { Client } from '../support/client.ts';
import { buildUser, setupOwner } from '../support/factories.ts';
import { Mailbox } from '../support/mailbox.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
const getBrowser = sharedBrowser();

describe('e-mail in the web app', () => {
  it('resets a forgotten password from the e-mailed link, and shows admins the mail settings', async () => {
    const browser = await getBrowser();
    const box = await Mailbox.start();
    const server = await startServer({
      // No PUBLIC_URL: the browser's origin is the test server's, known only after start (links then
      // name http://localhost:3000; their path is what is opened).
      env: {
        SMTP_URL: box.url,
        JOBS_POLL_INTERVAL_MS: '50',
        MAIL_FROM: 'Tandem <tandem@example.test>',
      },
    });
    try {
      const { client: owner } = await setupOwner(server.url);
      const { user } = await buildUser(owner, { role: 'member', name: 'Mia Member' });
      await box.waitFor(user.email); // the invitation
      box.messages.length = 0;

      const { page, pageErrors, context } = await openPage(browser, { locale: 'en-US' });
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel(en['common.email']).fill(user.email);
      await page.getByRole('button', { name: en['mail.forgot.link'] }).click();
      // The address typed on the sign-in form is carried over.
      await expect(page.getByLabel(en['common.email']).inputValue()).resolves.toBe(user.email);
      await page.getByRole('button', { name: en['mail.forgot.submit'] }).click();
      await page.getByText(en['mail.forgot.sent']).waitFor();

      const [mail] = await box.waitFor(user.email);
      const link = /http:\/\/localhost:3000(\/reset\/[\w-]+)/.exec(mail!.parsed.text ?? '');
      expect(link).toBeTruthy();
      await page.goto(`${server.url}${link![1]}`);
      await page.getByRole('textbox', { name: en['common.password'] }).fill('a new passphrase of mine');
      await page.getByRole('button', { name: en['reset.submit'] }).click();
      await page.getByText(en['reset.doneTitle']).waitFor();
      const visitor = new Client(server.url);
      expect(
        (await visitor.post('/api/auth/login', { email: user.email, password: 'a new passphrase of mine' }))
          .status,
      ).toBe(200);

      // The owner's Team page names the SMTP host and sends a test message.
      const [name, value] = (owner.cookie ?? '').split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.url }]);
      await page.goto(`${server.url}/team`);
      await page
        .getByText(
          fill(en['mail.admin.onText'], {
            host: `127.0.0.1:${box.port}`,
            from: 'Tandem <tandem@example.test>',
          }),
        )
        .waitFor();
      await page.getByRole('button', { name: en['mail.admin.test'] }).click();
      await page.getByText(fill(en['mail.admin.testSent'], { email: 'owner@tandem.test' })).waitFor();
      const [test] = await box.waitFor('owner@tandem.test');
      expect(test!.parsed.subject).toBe(en['mail.test.subject']);
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
      await box.close();
    }
  }, 120_000);

  it('tells admins on the Team page that e-mail is off without SMTP_URL', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    try {
      const { client: owner } = await setupOwner(server.url);
      const { page, pageErrors, context } = await openPage(browser, { locale: 'en-US' });
      const [name, value] = (owner.cookie ?? '').split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.url }]);
      await page.goto(`${server.url}/team`);
      await page.getByText(en['mail.admin.offTitle']).waitFor();
      await page.getByText(en['mail.admin.offText']).waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
