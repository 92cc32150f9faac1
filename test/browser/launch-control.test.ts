import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../src/shared/i18n/index.ts';
import { formatInZones } from '../../src/shared/time/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { Client } from '../support/client.ts';
import { buildCampaign, buildUser, type CampaignBody, PASSWORD, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Launch day and the commitment gate in the browser, in English and Russian: launch control with
// a market that went live late and one that is late (and turns live on screen when its post
// arrives), going live asking for the post, the signature gate's dialog and its override, the
// respond-by date, and a creator posting from the portal.

const { en, ru } = catalogues;
const shot = (name: string) => path.join(os.tmpdir(), `tandem-launch-${name}.png`);
const getBrowser = sharedBrowser();
const HOUR = 3_600_000;

interface Engagement {
  id: string;
  version: number;
  status: string;
  flags: string[];
  post: { url: string; postedAt: string; source: string; by: { name: string } | null } | null;
  override: { reason: string; by: { name: string } } | null;
}

async function ok<T>(promise: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await promise;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

type PageOptions = { locale: string; timezoneId: string; viewport?: { width: number; height: number } };

interface Scene {
  server: TestServer;
  owner: Awaited<ReturnType<typeof setupOwner>>;
  ruLead: Awaited<ReturnType<typeof buildUser>>;
  campaign: CampaignBody;
  /** A page signed in as the client's user; its page errors are checked when the scene ends. */
  open: (client: Client, options: PageOptions) => Promise<{ page: Page; context: BrowserContext }>;
}

/**
 * A fresh server with its owner, a Russian-speaking RU market lead (Ирина Лид) and a RU + US
 * campaign; every page opened through `open` is closed afterwards and must have thrown nothing.
 */
async function scene(zones: { owner: string; ruLead?: string }, run: (scene: Scene) => Promise<void>) {
  const browser = await getBrowser();
  const server = await startServer();
  const opened: Array<{ context: BrowserContext; pageErrors: string[] }> = [];
  try {
    const owner = await setupOwner(server.url, { timeZone: zones.owner });
    const ruLead = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['RU'],
      locale: 'ru',
      timeZone: zones.ruLead ?? 'Europe/Moscow',
      name: 'Ирина Лид',
    });
    const campaign = await buildCampaign(owner.client);
    const open = async (client: Client, options: PageOptions) => {
      const page = await openPage(browser, options);
      opened.push(page);
      const [name, value] = (client.cookie ?? '').split('=');
      await page.context.addCookies([{ name: name!, value: value!, url: server.url }]);
      return page;
    };
    await run({ server, owner, ruLead, campaign, open });
    for (const page of opened) expect(page.pageErrors).toEqual([]);
  } finally {
    for (const page of opened) await page.context.close();
    await server.close();
  }
}

const anna = {
  name: 'Анна Смирнова',
  marketCode: 'RU',
  language: 'ru',
  timeZone: 'Europe/Moscow',
  channels: [{ platform: 'telegram', handle: '@anna_wellness', followers: 120000 }],
  contact: { email: 'anna@example.ru' },
};
const jess = {
  name: 'Jess Park',
  marketCode: 'US',
  language: 'en',
  timeZone: 'America/New_York',
  channels: [{ platform: 'instagram', handle: '@jesspark', followers: 250000 }],
};

async function engage(owner: Client, campaign: CampaignBody, creator: Record<string, unknown>, extra = {}) {
  const created = await ok(owner.post<{ id: string }>('/api/creators', creator), 201);
  const currency = creator.marketCode === 'RU' ? 'RUB' : 'USD';
  return ok(
    owner.post<Engagement>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: created.id,
      fee: { amount: 1000, currency },
      ...extra,
    }),
    201,
  );
}

const latest = (owner: Client, id: string) => ok(owner.get<Engagement>(`/api/engagements/${id}`));

async function patch(owner: Client, id: string, body: Record<string, unknown>, status = 200) {
  const current = await latest(owner, id);
  return ok(owner.patch<Engagement>(`/api/engagements/${id}`, { version: current.version, ...body }), status);
}

/** The team signs on the creator's behalf with an uploaded PDF (as a paper signature would be). */
async function signByPdf(owner: Client, engagementId: string) {
  const agreement = await ok(owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`), 201);
  await ok(owner.post(`/api/agreements/${agreement.id}/send`));
  await ok(
    owner.request('POST', `/api/agreements/${agreement.id}/signed-pdf`, '%PDF-1.4\n% signed\n%%EOF\n', {
      'content-type': 'application/pdf',
    }),
  );
}

async function goLive(owner: Client, campaign: CampaignBody, marketCode: string, at: Date) {
  await ok(
    owner.post(`/api/campaigns/${campaign.id}/milestones`, {
      title: `${marketCode} go-live`,
      kind: 'go_live',
      marketCode,
      at: at.toISOString(),
    }),
    201,
  );
}

const card = (page: Page, code: string) => page.locator(`.lc-market[data-market="${code}"]`);
const row = (page: Page, engagementId: string) => page.locator(`tr[data-engagement="${engagementId}"]`);

/** Nothing pushes the page sideways; on failure, says which elements stick out (outside any scroller). */
async function noSidewaysScroll(page: Page) {
  const result = await page.evaluate(() => {
    const sticking = [...document.querySelectorAll('body *')]
      .filter((el) => {
        if (el.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
        for (let n = el.parentElement; n; n = n.parentElement)
          if (getComputedStyle(n).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName}.${String(el.getAttribute('class'))}`);
    return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, sticking };
  });
  expect(result.scroll, result.sticking.join(', ')).toBeLessThanOrEqual(result.width);
}

describe('launch control in the browser', () => {
  it('shows a market that went live late and one that is late, in both zones and both languages, and turns live on screen', async () => {
    await scene(
      { owner: 'Europe/London', ruLead: 'Asia/Tokyo' },
      async ({ server, owner, ruLead, campaign, open }) => {
        const now = Date.now();
        // Whole minutes, so "2 hours" is exactly two hours.
        const ruPlanned = new Date(Math.floor((now - 5 * HOUR) / 60_000) * 60_000);
        const usPlanned = new Date(Math.floor((now - 4 * HOUR) / 60_000) * 60_000);
        await goLive(owner.client, campaign, 'RU', ruPlanned);
        await goLive(owner.client, campaign, 'US', usPlanned);
        const annaE = await engage(owner.client, campaign, anna);
        const jessE = await engage(owner.client, campaign, jess);
        await signByPdf(owner.client, annaE.id);
        const ruPosted = new Date(ruPlanned.getTime() + 2 * HOUR);
        await patch(owner.client, annaE.id, {
          status: 'live',
          reason: 'Posted on Telegram',
          postUrl: 'https://t.me/anna_wellness/101',
          postedAt: ruPosted.toISOString(),
        });

        // English, the owner in London: RU live two hours late, US late by four hours (grace 60 min).
        const o = await open(owner.client, {
          locale: 'en-GB',
          timezoneId: 'Europe/London',
        });
        await o.page.goto(`${server.url}/campaigns/${campaign.id}/launch`);
        await o.page.getByRole('link', { name: en['campaign.tab.launch'] }).waitFor();
        await card(o.page, 'RU').waitFor();
        const ruTime = formatInZones(ruPosted, ['Europe/Moscow'], 'en')[0]!.label;
        expect(await card(o.page, 'RU').getAttribute('data-state')).toBe('live');
        expect(await card(o.page, 'RU').getByTestId('market-headline').innerText()).toBe(
          translate('en', 'launchUi.market.liveLate', { time: ruTime, duration: '2 hours' }),
        );
        expect(await card(o.page, 'US').getAttribute('data-state')).toBe('late');
        expect(await card(o.page, 'US').getByTestId('market-headline').innerText()).toMatch(
          /^Late by 4 hours( \d+ minutes?)?$/,
        );
        // Planned go-live in both markets' zones and the reader's.
        const usCard = await card(o.page, 'US').innerText();
        for (const zone of ['Europe/Moscow', 'America/New_York', 'Europe/London'])
          expect(usCard).toContain(formatInZones(usPlanned, [zone], 'en')[0]!.label);
        expect(await card(o.page, 'RU').getByTestId('creators-live').innerText()).toBe('1 of 1 creator live');
        expect(await row(o.page, annaE.id).getAttribute('data-state')).toBe('live');
        expect(await row(o.page, jessE.id).getAttribute('data-state')).toBe('late');
        expect(await row(o.page, annaE.id).getByRole('link', { name: /Post/ }).getAttribute('href')).toBe(
          'https://t.me/anna_wellness/101',
        );
        expect(await row(o.page, annaE.id).getByTestId('late').innerText()).toBe('2 hours');
        expect(await o.page.locator('[data-window="actual"]').innerText()).toContain(
          translate('en', 'launchUi.window.waitingFor', { markets: 'US' }),
        );
        await o.page.screenshot({ path: shot('control-en'), fullPage: true });

        // Russian, the RU lead in Tokyo on a phone: the same, in Russian plurals, no sideways scroll.
        const r = await open(ruLead.client, {
          locale: 'ru-RU',
          timezoneId: 'Asia/Tokyo',
          viewport: { width: 390, height: 844 },
        });
        await r.page.goto(`${server.url}/campaigns/${campaign.id}/launch`);
        await card(r.page, 'RU').waitFor();
        expect(await card(r.page, 'RU').getByTestId('market-headline').innerText()).toBe(
          translate('ru', 'launchUi.market.liveLate', {
            time: formatInZones(ruPosted, ['Europe/Moscow'], 'ru')[0]!.label,
            duration: '2 часа',
          }),
        );
        expect(await card(r.page, 'US').getByTestId('market-headline').innerText()).toMatch(
          /^Опаздывает на 4 часа( \d+ минут[уы]?)?$/,
        );
        expect(await card(r.page, 'US').innerText()).toContain(
          formatInZones(usPlanned, ['Asia/Tokyo'], 'ru')[0]!.label,
        );
        expect(await card(r.page, 'RU').getByTestId('creators-live').innerText()).toBe('Вышли 1 из 1 автора');
        expect(await card(r.page, 'RU').innerText()).toContain('Россия');
        await noSidewaysScroll(r.page);
        await r.page.screenshot({ path: shot('control-ru-phone'), fullPage: true });

        // Jess's post arrives (unsigned, let through with a reason): both screens turn US live, no reload.
        await patch(owner.client, jessE.id, {
          status: 'live',
          reason: 'Posted on Instagram',
          postUrl: 'https://instagram.com/p/jess1',
          postedAt: new Date().toISOString(),
          override: { reason: 'Brand approved the post by e-mail; paper follows' },
        });
        await expect.poll(() => card(o.page, 'US').getAttribute('data-state')).toBe('live');
        await expect.poll(() => card(r.page, 'US').getAttribute('data-state')).toBe('live');
        expect(await card(o.page, 'US').getByTestId('market-headline').innerText()).toMatch(
          /\(4 hours( \d+ minutes?)? late\)$/,
        );
        await expect
          .poll(() => row(o.page, jessE.id).locator('[data-flag="went_live_unsigned"]').innerText())
          .toBe(en['commitUi.flag.went_live_unsigned']);
        // Actual spread: RU at planned + 2 h, US now → about 3 hours apart, within 48.
        await expect
          .poll(() => o.page.locator('[data-window="actual"]').innerText())
          .toMatch(/3 hours apart\s*Within the limit/);
        await noSidewaysScroll(r.page);

        // The timeline shows planned and actual side by side.
        await o.page.goto(`${server.url}/campaigns/${campaign.id}/timeline`);
        const ruActual = o.page.locator('.lc-actuals-market[data-market="RU"]');
        await expect.poll(() => ruActual.getByTestId('actual').innerText()).toContain(ruTime);
        expect(await ruActual.getByTestId('planned').innerText()).toContain(
          formatInZones(ruPlanned, ['Europe/Moscow'], 'en')[0]!.label,
        );
      },
    );
  });

  it('going live asks for the post; the gate dialog explains and overrides with a reason; respond-by; in English and Russian', async () => {
    await scene({ owner: 'Europe/Moscow' }, async ({ server, owner, ruLead, campaign, open }) => {
      const jessE = await engage(owner.client, campaign, jess);
      await patch(owner.client, jessE.id, { status: 'confirmed', reason: 'Said yes on a call' });

      const o = await open(owner.client, {
        locale: 'en-US',
        timezoneId: 'America/New_York',
      });
      const page = o.page;
      await page.goto(`${server.url}/campaigns/${campaign.id}/creators/${jessE.id}`);

      // The respond-by date, set in the past: the warning and the pill appear.
      await page
        .getByTestId('respond-by')
        .getByRole('button', { name: en['commitUi.respondBy.set'] })
        .click();
      await page.getByLabel(en['commitUi.respondBy.label']).fill('2026-01-05T18:00');
      await page.getByRole('button', { name: en['commitUi.respondBy.save'] }).click();
      await page.locator('.alert[data-flag="respond_by_passed"]').waitFor();
      // The form closes once the refreshed engagement is in; poll rather than read mid-render.
      await expect
        .poll(() => page.getByTestId('respond-by').innerText())
        .toContain(formatInZones('2026-01-05T23:00:00Z', ['America/New_York'], 'en')[0]!.label);
      await page.locator('.cr-flag[data-flag="respond_by_passed"]').first().waitFor();

      // Into production unsigned: the server refuses, the gate dialog explains and offers an override.
      await page.getByRole('button', { name: en['engagement.status.open'] }).click();
      const statusDialog = page.getByRole('dialog', {
        name: translate('en', 'engagement.status.title', { name: 'Jess Park' }),
      });
      await statusDialog.getByLabel(en['engagement.status.new']).selectOption('in_production');
      await statusDialog.getByLabel(en['engagement.status.reason']).fill('Filming starts Monday');
      await statusDialog.getByRole('button', { name: en['engagement.status.submit'] }).click();
      const gate = page.getByRole('dialog', { name: en['commitUi.gate.title'] });
      await gate.waitFor();
      expect(await gate.innerText()).toContain(
        translate('en', 'commitUi.gate.text', {
          name: 'Jess Park',
          status: en['engagement.status.in_production'],
        }),
      );
      await gate.getByRole('button', { name: en['commitUi.gate.submit'] }).click();
      await gate.getByText(en['commitUi.gate.reasonShort']).waitFor();
      await gate
        .getByLabel(en['commitUi.gate.override'])
        .fill('Contract is with legal; the brand accepts the risk');
      await gate.getByRole('button', { name: en['commitUi.gate.submit'] }).click();
      await statusDialog.waitFor({ state: 'hidden' });
      await expect
        .poll(() => page.getByTestId('engagement-override').innerText())
        .toContain('Contract is with legal; the brand accepts the risk');
      expect(await page.getByTestId('engagement-override').innerText()).toContain('Olga Owner');
      expect((await latest(owner.client, jessE.id)).status).toBe('in_production');

      // Live: the dialog asks for the link and the time (now, in the creator's zone, by default).
      await page.getByRole('button', { name: en['engagement.status.open'] }).click();
      await statusDialog.getByLabel(en['engagement.status.new']).selectOption('live');
      const postUrl = statusDialog.getByLabel(en['commitUi.post.url']);
      await postUrl.waitFor();
      const postedAt = statusDialog.getByLabel(translate('en', 'commitUi.post.at', { zone: 'EST' }));
      // Typed the UI language's way (src/web/components/date-input.tsx): MM/DD/YYYY HH:MM in English.
      expect(await postedAt.inputValue()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
      await statusDialog.getByLabel(en['engagement.status.reason']).fill('It is out');
      await statusDialog.getByRole('button', { name: en['engagement.status.submit'] }).click();
      await statusDialog.getByText(en['commitUi.post.urlInvalid']).waitFor();
      await postUrl.fill('https://instagram.com/p/jess-live');
      await statusDialog.getByRole('button', { name: en['engagement.status.submit'] }).click();
      await statusDialog.waitFor({ state: 'hidden' });
      const post = page.getByTestId('engagement-post');
      await expect
        .poll(() => post.innerText())
        .toContain(translate('en', 'commitUi.post.byTeam', { name: 'Olga Owner' }));
      expect(await post.getByRole('link').getAttribute('href')).toBe('https://instagram.com/p/jess-live');
      // Live without a signature: the loud banner (the override carried it past the gate before).
      await page.locator('.alert[data-flag="went_live_unsigned"]').waitFor();
      expect(await page.locator('.alert[data-flag="went_live_unsigned"]').innerText()).toContain(
        en['commitUi.flag.wentLiveBanner'],
      );
      const saved = await latest(owner.client, jessE.id);
      expect(saved.post?.source).toBe('team');
      expect(saved.flags).toContain('went_live_unsigned');
      await page.screenshot({ path: shot('engagement-en'), fullPage: true });

      // Russian: the RU lead sends an unsigned creator straight to live: post first, then the gate.
      const annaE = await engage(owner.client, campaign, anna);
      await patch(owner.client, annaE.id, { status: 'confirmed', reason: 'Согласилась' });
      const r = await open(ruLead.client, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        viewport: { width: 390, height: 844 },
      });
      await r.page.goto(`${server.url}/campaigns/${campaign.id}/creators/${annaE.id}`);
      await r.page.getByRole('button', { name: ru['engagement.status.open'] }).click();
      const ruStatus = r.page.getByRole('dialog', {
        name: translate('ru', 'engagement.status.title', { name: anna.name }),
      });
      await ruStatus.getByLabel(ru['engagement.status.new']).selectOption('live');
      await ruStatus.getByLabel(ru['commitUi.post.url']).fill('https://t.me/anna_wellness/7');
      await ruStatus.getByLabel(ru['engagement.status.reason']).fill('Пост вышел');
      await ruStatus.getByRole('button', { name: ru['engagement.status.submit'] }).click();
      const ruGate = r.page.getByRole('dialog', { name: ru['commitUi.gate.title'] });
      await ruGate.waitFor();
      expect(await ruGate.innerText()).toContain(
        translate('ru', 'commitUi.gate.text', { name: anna.name, status: ru['engagement.status.live'] }),
      );
      await ruGate.getByLabel(ru['commitUi.gate.override']).fill('Договор у юристов, бренд согласен');
      await ruGate.getByRole('button', { name: ru['commitUi.gate.submit'] }).click();
      await ruStatus.waitFor({ state: 'hidden' });
      await r.page.locator('.alert[data-flag="went_live_unsigned"]').waitFor();
      expect(await r.page.locator('.alert[data-flag="went_live_unsigned"]').innerText()).toContain(
        ru['commitUi.flag.wentLiveBanner'],
      );
      await expect
        .poll(() => r.page.getByTestId('engagement-override').innerText())
        .toContain('Договор у юристов, бренд согласен');
      expect(await r.page.getByTestId('engagement-post').innerText()).toContain(
        translate('ru', 'commitUi.post.byTeam', { name: 'Ирина Лид' }),
      );
      await noSidewaysScroll(r.page);
      await r.page.screenshot({ path: shot('engagement-ru-phone'), fullPage: true });
      const annaSaved = await latest(owner.client, annaE.id);
      expect(annaSaved.status).toBe('live');
      expect(annaSaved.override?.by.name).toBe('Ирина Лид');
    });
  });

  it('a creator records their post from the portal ("I have posted"), and the team sees it came from them', async () => {
    await scene({ owner: 'Europe/Moscow' }, async ({ server, owner, campaign, open }) => {
      const annaE = await engage(owner.client, campaign, anna, {
        deliverables: [{ platform: 'telegram', format: 'пост', count: 1, dueAt: '2026-12-10T09:00:00Z' }],
      });
      const creatorId = (await latest(owner.client, annaE.id)) as unknown as { creator: { id: string } };
      const invite = await ok(
        owner.client.post<{ token: string }>('/api/invites', {
          email: 'anna@example.ru',
          role: 'creator',
          marketCodes: ['RU'],
          creatorId: creatorId.creator.id,
        }),
        201,
      );
      const creator = new Client(server.url);
      await ok(
        creator.post('/api/auth/register', {
          email: 'anna@example.ru',
          password: PASSWORD,
          name: anna.name,
          locale: 'ru',
          timeZone: 'Europe/Moscow',
          inviteToken: invite.token,
        }),
        201,
      );
      // She signs in the portal, submits a draft, the team approves it.
      const agreement = await ok(
        owner.client.post<{ id: string }>(`/api/engagements/${annaE.id}/agreements`),
        201,
      );
      await ok(owner.client.post(`/api/agreements/${agreement.id}/send`));
      await ok(creator.post(`/api/portal/agreements/${agreement.id}/accept`, { fullName: anna.name }));
      const draft = await ok(
        creator.post<{ id: string }>(`/api/portal/engagements/${annaE.id}/submissions`, {
          url: 'https://example.com/anna-draft',
        }),
        201,
      );
      await ok(
        owner.client.post(`/api/submissions/${draft.id}/feedback`, {
          decision: 'approved',
          feedback: 'Отлично, публикуйте',
        }),
      );

      // On her phone, in Russian: "I have posted" → link and time (now, Moscow) → sent.
      const c = await open(creator, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        viewport: { width: 390, height: 844 },
      });
      await c.page.goto(`${server.url}/portal/${annaE.id}`);
      await c.page.getByRole('button', { name: ru['commitUi.portal.posted'] }).click();
      const dialog = c.page.getByRole('dialog', { name: ru['commitUi.portal.title'] });
      await dialog.getByLabel(ru['commitUi.post.url']).fill('https://t.me/anna_wellness/55');
      expect(
        await dialog.getByLabel(translate('ru', 'commitUi.post.at', { zone: 'MSK' })).inputValue(),
      ).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
      await dialog.getByRole('button', { name: ru['commitUi.portal.submit'] }).click();
      await dialog.waitFor({ state: 'hidden' });
      const mine = c.page.getByTestId('portal-post');
      await expect
        .poll(() => mine.getByRole('link').getAttribute('href'))
        .toBe('https://t.me/anna_wellness/55');
      await noSidewaysScroll(c.page);
      await c.page.screenshot({ path: shot('portal-ru-phone'), fullPage: true });

      const saved = await latest(owner.client, annaE.id);
      expect(saved.post?.source).toBe('portal');
      expect(saved.post?.url).toBe('https://t.me/anna_wellness/55');

      // The team's page (English): the post, in the creator's zone and the reader's, "by the creator".
      const o = await open(owner.client, {
        locale: 'en-US',
        timezoneId: 'America/New_York',
      });
      await o.page.goto(`${server.url}/campaigns/${campaign.id}/creators/${annaE.id}`);
      const post = o.page.getByTestId('engagement-post');
      await expect.poll(() => post.innerText()).toContain(en['commitUi.post.byPortal']);
      expect(await post.innerText()).toContain(
        formatInZones(saved.post!.postedAt, ['Europe/Moscow'], 'en')[0]!.label,
      );
    });
  });
  it('marks a go-live done on the timeline, sets the launch grace, and shows when a task was done and how late, in English and Russian', async () => {
    await scene({ owner: 'America/New_York' }, async ({ server, owner, ruLead, campaign, open }) => {
      const usPlanned = new Date(Math.floor((Date.now() - 6 * HOUR) / 60_000) * 60_000);
      await goLive(owner.client, campaign, 'US', usPlanned);
      const dueAt = new Date(Date.now() - 2 * 24 * HOUR - 5 * 60_000).toISOString();
      const task = await ok(
        owner.client.post<{ id: string; version: number }>(`/api/campaigns/${campaign.id}/tasks`, {
          title: 'Book the RU studio',
          ownerId: ruLead.user.id,
          marketCode: 'RU',
          dueAt,
        }),
        201,
      );
      await ok(ruLead.client.patch(`/api/tasks/${task.id}`, { status: 'done', version: task.version }));

      // English: the owner marks the US go-live done an hour after plan; it becomes the actual go-live.
      const o = await open(owner.client, {
        locale: 'en-US',
        timezoneId: 'America/New_York',
      });
      await o.page.goto(`${server.url}/campaigns/${campaign.id}/timeline`);
      await o.page
        .getByRole('button', {
          name: translate('en', 'launchUi.timeline.markDoneTitle', { title: 'US go-live' }),
        })
        .click();
      const dialog = o.page.getByRole('dialog', {
        name: translate('en', 'launchUi.timeline.markDoneTitle', { title: 'US go-live' }),
      });
      const doneAt = new Date(usPlanned.getTime() + HOUR);
      const local = formatInZones(doneAt, ['America/New_York'], 'en')[0]!;
      await dialog
        .getByLabel(translate('en', 'launchUi.timeline.doneAt', { zone: local.abbreviation }))
        .fill(`${local.date}T${local.time}`);
      await dialog.getByRole('button', { name: en['launchUi.timeline.save'], exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const usActual = o.page.locator('.lc-actuals-market[data-market="US"]').getByTestId('actual');
      await expect.poll(() => usActual.innerText()).toContain(local.label);
      expect(await usActual.innerText()).toContain(en['launchUi.market.source.milestone']);
      expect(await usActual.innerText()).toContain(
        translate('en', 'launchUi.market.late', { duration: '1 hour' }),
      );
      expect(await o.page.getByTestId('milestone-done').first().innerText()).toBe(
        translate('en', 'launchUi.timeline.done', { when: local.label }),
      );

      // The task drawer: done by the RU lead, two days after its due time.
      await o.page.goto(`${server.url}/campaigns/${campaign.id}/tasks/${task.id}`);
      const done = o.page.getByTestId('task-done');
      await expect.poll(() => done.innerText()).toContain('by Ирина Лид');
      expect(await done.innerText()).toMatch(/finished 2 days late$/);

      // Russian: the RU lead reads the same task, and sets the launch grace to 2 hours.
      const r = await open(ruLead.client, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        viewport: { width: 390, height: 844 },
      });
      await r.page.goto(`${server.url}/campaigns/${campaign.id}/tasks/${task.id}`);
      const ruDone = r.page.getByTestId('task-done');
      await expect.poll(() => ruDone.innerText()).toMatch(/закончена на 2 дня позже срока$/);
      await r.page.goto(`${server.url}/campaigns/${campaign.id}/launch`);
      await card(r.page, 'US').waitFor();
      expect(await card(r.page, 'US').getAttribute('data-state')).toBe('live');
      expect(await card(r.page, 'RU').getAttribute('data-state')).toBe('no_plan');
      await noSidewaysScroll(r.page);
      const settingsOwner = await open(owner.client, {
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
      });
      await ok(owner.client.patch('/api/me', { locale: 'ru' }));
      const sp = settingsOwner.page;
      await sp.goto(`${server.url}/campaigns/${campaign.id}/launch`);
      await sp.getByRole('button', { name: ru['campaigns.settings.open'] }).click();
      const settings = sp.getByRole('dialog', { name: ru['campaigns.settings.title'] });
      const grace = settings.getByLabel(ru['launchUi.grace.label']);
      expect(await grace.inputValue()).toBe('1');
      expect(await settings.getByLabel(ru['launchUi.grace.unit']).inputValue()).toBe('hours');
      await grace.fill('90');
      await settings.getByLabel(ru['launchUi.grace.unit']).selectOption('minutes');
      await settings.getByRole('button', { name: ru['campaigns.settings.save'] }).click();
      await settings.waitFor({ state: 'hidden' });
      const saved = await ok(
        owner.client.get<{ launchGraceMinutes: number }>(`/api/campaigns/${campaign.id}`),
      );
      expect(saved.launchGraceMinutes).toBe(90);
    });
  });
});
