import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../src/shared/i18n/index.ts';
import { formatInZones } from '../../src/shared/time/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const en = catalogues.en;
const ru = catalogues.ru;
const shot = (name: string) => path.join(os.tmpdir(), `tandem-creators-${name}.png`);

const getBrowser = sharedBrowser();

interface Creator {
  id: string;
  name: string;
  marketCode: string;
}
interface Engagement {
  id: string;
  version: number;
  status: string;
}
interface Submission {
  id: string;
  round: number;
  decision: string | null;
  overrideReason: string | null;
}

/** A browser context signed in as the client's user (the session cookie copied over). */
async function signedIn(browser: Browser, client: Client, baseUrl: string, locale = 'en-US') {
  const opened = await openPage(browser, { locale, timezoneId: 'Europe/Moscow' });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

async function navTexts(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: label });
  await nav.waitFor();
  return nav.getByRole('link').allInnerTexts();
}

async function created<T>(promise: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const res = await promise;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

async function addCreator(owner: Client, body: Record<string, unknown>) {
  return created(owner.post<Creator>('/api/creators', body));
}

async function engage(
  owner: Client,
  campaign: CampaignBody,
  creatorId: string,
  extra: Record<string, unknown>,
) {
  return created(
    owner.post<Engagement>(`/api/campaigns/${campaign.id}/engagements`, { creatorId, ...extra }),
  );
}

/** Generates the engagement's agreement and sends it to the creator. */
async function sendAgreement(owner: Client, engagementId: string) {
  const agreement = await created(owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`));
  await created(owner.post(`/api/agreements/${agreement.id}/send`), 200);
  return agreement;
}

describe('creators in the browser', () => {
  it('a Russian creator joins from the invitation, sees only their own engagement in Moscow time, signs and submits a draft', async () => {
    const browser = await getBrowser();
    const server: TestServer = await startServer();
    const contexts: BrowserContext[] = [];
    try {
      const { client: owner } = await setupOwner(server.url);
      const campaign = await buildCampaign(owner);
      const anna = await addCreator(owner, {
        name: 'Анна Смирнова',
        marketCode: 'RU',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        channels: [{ platform: 'telegram', handle: '@anna_wellness', followers: 120000 }],
        contact: { email: 'anna@example.ru' },
      });
      const maria = await addCreator(owner, {
        name: 'Мария Волкова',
        marketCode: 'RU',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        channels: [{ platform: 'vk', handle: 'maria_v', followers: 98000 }],
      });
      const due = '2026-12-10T09:00:00.000Z';
      const annaEngagement = await engage(owner, campaign, anna.id, {
        fee: { amount: 150000, currency: 'RUB' },
        promoCode: 'ANNA10',
        deliverables: [{ platform: 'telegram', format: 'пост', count: 2, dueAt: due }],
      });
      // A second creator of the same campaign, with an agreement and a draft of her own.
      const mariaEngagement = await engage(owner, campaign, maria.id, {
        fee: { amount: 990000, currency: 'RUB' },
        promoCode: 'MARIA99',
        deliverables: [{ platform: 'vk', format: 'клип', count: 1, dueAt: '2026-12-11T09:00:00Z' }],
        // A draft needs a signature or an override of the gate: here the paper is still out.
        status: 'in_production',
        override: { reason: 'Shooting before the paper comes back' },
      });
      await sendAgreement(owner, mariaEngagement.id);
      await created(
        owner.post(`/api/engagements/${mariaEngagement.id}/submissions`, {
          url: 'https://example.com/maria-secret-draft',
        }),
      );
      await sendAgreement(owner, annaEngagement.id);
      const invite = await created(
        owner.post<{ url: string }>('/api/invites', {
          email: 'anna@example.ru',
          role: 'creator',
          marketCodes: ['RU'],
          creatorId: anna.id,
        }),
      );

      // Anna opens the link in a Russian browser in Moscow and registers.
      const { context, page, pageErrors } = await openPage(browser, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
      });
      contexts.push(context);
      await page.goto(invite.url);
      await page.getByRole('heading', { name: ru['invite.title'] }).waitFor();
      await page.getByLabel(ru['common.name']).fill('Анна Смирнова');
      await page.getByLabel(ru['common.password'], { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: ru['invite.submit'] }).click();

      // She lands in the portal and the navigation offers nothing else.
      await page.waitForURL('**/portal');
      expect(await navTexts(page, ru['nav.label'])).toEqual([ru['portal.nav'], ru['nav.profile']]);
      await page.getByRole('heading', { name: ru['portal.title'], level: 1 }).waitFor();
      // Loading placeholders share the card's class; count only real cards, once they are there.
      const cards = page.locator('.cr-portal-card:not(.cr-portal-skeleton)');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(1);
      await page.screenshot({ path: shot('portal-list-ru'), fullPage: true });
      const listHtml = await page.content();
      for (const secret of ['Мария Волкова', 'MARIA99', mariaEngagement.id, 'maria-secret-draft'])
        expect(listHtml).not.toContain(secret);

      // Another path of the workspace leads back to the portal.
      await page.goto(`${server.url}/campaigns/${campaign.id}/creators`);
      await page.waitForURL('**/portal');

      await cards.first().click();
      await page.waitForURL(`**/portal/${annaEngagement.id}`);
      await page.getByRole('heading', { name: campaign.name, level: 1 }).waitFor();

      // The deadline in her own time: Moscow, 12:00 MSK for 09:00 UTC.
      const moscow = formatInZones(due, ['Europe/Moscow'], 'ru')[0]!;
      expect(moscow.label).toContain('12:00 MSK');
      await page.getByText(translate('ru', 'engagement.deliverables.due', { when: moscow.label })).waitFor();
      await page
        .getByText(translate('ru', 'portal.turnaroundValue', { count: 24 }), { exact: true })
        .waitFor();

      // She reads the agreement and accepts it by typing her name.
      await page.locator('.cr-agreement-body').waitFor();
      expect(await page.locator('.cr-agreement-body').textContent()).toContain('Анна Смирнова');
      await page.getByLabel(ru['portal.accept.label']).fill('Анна Смирнова');
      await page.getByRole('button', { name: ru['portal.accept.submit'] }).click();
      await page.getByText(translate('ru', 'agreementUi.signedBy', { name: 'Анна Смирнова' })).waitFor();

      // Then submits her first draft as a link.
      await page.getByLabel(ru['portal.submit.url']).fill('https://disk.yandex.ru/d/anna-draft-1');
      await page.getByLabel(ru['portal.submit.note']).fill('Первая версия, 40 секунд');
      await page.getByRole('button', { name: ru['portal.submit.submit'] }).click();
      await page.getByText(ru['portal.withTeam'], { exact: true }).waitFor();
      await page.getByText(translate('ru', 'approvals.roundOf', { round: 1, limit: 4 })).waitFor();
      await page.getByRole('link', { name: 'https://disk.yandex.ru/d/anna-draft-1' }).waitFor();
      await page.screenshot({ path: shot('portal-engagement-ru'), fullPage: true });
      const detailHtml = await page.content();
      for (const secret of ['Мария Волкова', 'MARIA99', mariaEngagement.id, 'maria-secret-draft'])
        expect(detailHtml).not.toContain(secret);
      expect(pageErrors).toEqual([]);

      // The owner's view of the engagement: signed, and the draft waiting for feedback.
      const ownerView = await signedIn(browser, owner, server.url);
      contexts.push(ownerView.context);
      await ownerView.page.goto(`${server.url}/campaigns/${campaign.id}/creators/${annaEngagement.id}`);
      await ownerView.page.getByRole('heading', { name: 'Анна Смирнова', level: 2 }).waitFor();
      await ownerView.page
        .locator('.cr-agreement[data-status="signed"]')
        .getByText(en['agreementUi.status.signed'], { exact: true })
        .waitFor();
      await ownerView.page
        .getByText(translate('en', 'agreementUi.signedBy', { name: 'Анна Смирнова' }))
        .waitFor();
      await ownerView.page.getByText(en['approvals.awaiting'], { exact: true }).waitFor();
      await ownerView.page.getByText(en['engagement.status.draft_submitted']).first().waitFor();
      await ownerView.page.screenshot({ path: shot('engagement-owner-en'), fullPage: true });
      expect(ownerView.pageErrors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
    }
  });

  it('asking a US creator for changes beyond the single included round needs an override reason', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const contexts: BrowserContext[] = [];
    try {
      const { client: owner } = await setupOwner(server.url);
      const campaign = await buildCampaign(owner);
      const jess = await addCreator(owner, {
        name: 'Jess Park',
        marketCode: 'US',
        language: 'en',
        timeZone: 'America/Los_Angeles',
        channels: [{ platform: 'instagram', handle: '@jesspark', followers: 250000, engagementRate: 3.1 }],
      });
      const engagement = await engage(owner, campaign, jess.id, {
        fee: { amount: 8000, currency: 'USD' },
        deliverables: [{ platform: 'instagram', format: 'reel', count: 1, dueAt: '2026-12-10T20:00:00Z' }],
        status: 'in_production',
        override: { reason: 'Contract signed by her agency on paper' },
      });
      const invite = await created(
        owner.post<{ token: string }>('/api/invites', {
          email: 'jess@example.com',
          role: 'creator',
          marketCodes: ['US'],
          creatorId: jess.id,
        }),
      );
      const portal = new Client(server.url);
      await created(
        portal.post('/api/auth/register', {
          email: 'jess@example.com',
          password: PASSWORD,
          name: 'Jess Park',
          locale: 'en',
          timeZone: 'America/Los_Angeles',
          inviteToken: invite.token,
        }),
      );
      const submissions = `/api/portal/engagements/${engagement.id}/submissions`;
      const first = await created(
        portal.post<Submission>(submissions, { url: 'https://example.com/jess-1' }),
      );
      await created(
        owner.post(`/api/submissions/${first.id}/feedback`, {
          decision: 'changes_requested',
          feedback: 'Shorter intro, please.',
        }),
        200,
      );
      const second = await created(
        portal.post<Submission>(submissions, { url: 'https://example.com/jess-2' }),
      );
      expect(second.round).toBe(2);

      const { context, page, pageErrors } = await signedIn(browser, owner, server.url);
      contexts.push(context);
      await page.goto(`${server.url}/campaigns/${campaign.id}/creators/${engagement.id}`);
      await page.getByRole('heading', { name: 'Jess Park', level: 2 }).waitFor();
      await page.getByText(translate('en', 'approvals.roundOf', { round: 2, limit: 2 })).waitFor();
      await page.getByLabel(en['approvals.feedbackLabel']).fill('Legal needs the claim removed.');
      await page.getByRole('button', { name: en['approvals.requestChanges'], exact: true }).click();

      // Refused by the US policy (one revision round): the server's message and a reason field.
      const message = translate('en', 'error.revision_limit', { market: 'US', rounds: 1, round: 3 });
      await page.getByText(message).waitFor();
      const override = page.getByRole('button', { name: en['approvals.requestChangesOverride'] });
      await override.click();
      await page.getByText(en['approvals.overrideRequired']).waitFor();
      await page.screenshot({ path: shot('override-en'), fullPage: true });
      await page
        .getByLabel(en['approvals.overrideLabel'])
        .fill('Regulatory claim must go; the creator agreed');
      await override.click();
      await page.getByText('Regulatory claim must go; the creator agreed').waitFor();
      await page.getByText(en['approvals.decision.changes_requested']).nth(1).waitFor();

      const detail = await owner.get<{ status: string; submissions: Submission[] }>(
        `/api/engagements/${engagement.id}`,
      );
      expect(detail.body.status).toBe('revising');
      expect(detail.body.submissions.find((s) => s.round === 2)).toMatchObject({
        decision: 'changes_requested',
        overrideReason: 'Regulatory claim must go; the creator agreed',
      });
      expect(pageErrors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
    }
  });
});
