import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer } from '../support/server.ts';

const en = catalogues.en;

declare global {
  interface Window {
    __tandemMarker?: string;
  }
}

const getBrowser = sharedBrowser();

/** A browser context signed in as the client's user (the session cookie copied over). */
async function signedIn(browser: Browser, client: Client, baseUrl: string, timezoneId = 'Europe/Moscow') {
  const opened = await openPage(browser, { locale: 'en-US', timezoneId });
  const [name, value] = (client.cookie ?? '').split('=');
  await opened.context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  return opened;
}

const column = (page: Page, status: keyof typeof STATUS_NAMES) =>
  page.getByRole('region', { name: en[STATUS_NAMES[status]], exact: true });

const STATUS_NAMES = {
  todo: 'tracker.status.todo',
  in_progress: 'tracker.status.in_progress',
  in_review: 'tracker.status.in_review',
} as const;

interface TaskBody {
  id: string;
  number: number;
  title: string;
  status: string;
}

describe('the tracker in the browser', () => {
  it('moves a card on one screen and shows the move on another within a second, without a reload', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const contexts: BrowserContext[] = [];
    try {
      const owner = await setupOwner(server.url);
      const lead = await buildUser(owner.client, {
        role: 'market_lead',
        marketCodes: ['US'],
        name: 'Jake Lead',
      });
      const campaign = await buildCampaign(owner.client);
      const titles = ['Draft creator shortlist', 'Translate the guardrails', 'Book the interpreter'];
      const tasks: TaskBody[] = [];
      for (const title of titles) {
        const res = await owner.client.post<TaskBody>(`/api/campaigns/${campaign.id}/tasks`, {
          title,
          ownerId: lead.user.id,
          marketCode: 'US',
          dueAt: { local: '2026-03-08T10:00', timeZone: 'America/New_York' },
        });
        expect(res.status).toBe(201);
        tasks.push(res.body);
      }
      await owner.client.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'Approve the reel script',
        ownerId: owner.user.id,
        status: 'in_progress',
      });

      const a = await signedIn(browser, owner.client, server.url);
      const b = await signedIn(browser, lead.client, server.url, 'America/New_York');
      contexts.push(a.context, b.context);
      const board = `${server.url}/campaigns/${campaign.id}/tasks`;
      await Promise.all([a.page.goto(board), b.page.goto(board)]);
      for (const page of [a.page, b.page]) {
        await column(page, 'todo').getByText(titles[1]!).waitFor();
        await column(page, 'in_progress').getByText('Approve the reel script').waitFor();
      }
      // Due times in the viewer's zone: 10:00 EDT is 17:00 in Moscow.
      expect(await column(a.page, 'todo').getByText(titles[1]!).locator('..').textContent()).toContain(
        '17:00 MSK',
      );
      expect(await column(b.page, 'todo').getByText(titles[1]!).locator('..').textContent()).toContain(
        '10:00 EDT',
      );
      await b.page.evaluate(() => {
        window.__tandemMarker = 'same page';
      });

      // A drags the second card onto the "In progress" column, above the card already there.
      const card = column(a.page, 'todo').locator(`[data-number="${tasks[1]!.number}"]`);
      const patched = a.page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/tasks/${tasks[1]!.id}`) && response.request().method() === 'PATCH',
      );
      await card.dragTo(column(a.page, 'in_progress').locator('.tk-task-card').first(), {
        targetPosition: { x: 40, y: 4 },
      });
      const response = await patched;
      expect(response.status()).toBe(200);
      expect(response.request().postDataJSON()).toMatchObject({ status: 'in_progress', after: null });
      // Optimistic on A; live on B without a reload (delivery time is measured by the tasks benchmark).
      await column(a.page, 'in_progress').getByText(titles[1]!).waitFor({ timeout: 10_000 });
      await column(b.page, 'in_progress').getByText(titles[1]!).waitFor({ timeout: 10_000 });
      await expect
        .poll(() => column(b.page, 'todo').getByText(titles[1]!).count(), { timeout: 10_000 })
        .toBe(0);
      // Same order on both screens: the moved card first.
      const order = (page: Page) =>
        column(page, 'in_progress')
          .locator('.tk-task-card')
          .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.number));
      expect(await order(b.page)).toEqual(await order(a.page));
      expect((await order(b.page))[0]).toBe(String(tasks[1]!.number));
      expect(await b.page.evaluate(() => window.__tandemMarker)).toBe('same page');

      // And the server agrees.
      const stored = await owner.client.get<TaskBody>(`/api/tasks/${tasks[1]!.id}`);
      expect(stored.body.status).toBe('in_progress');
      await a.page.screenshot({ path: path.join(os.tmpdir(), 'tandem-board.png') });
      expect(a.pageErrors).toEqual([]);
      expect(b.pageErrors).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
      await server.close();
    }
  });

  it('shows milestones around both 2026 US clock changes in each market’s time, and asks about a skipped time', async () => {
    const browser = await getBrowser();
    const server = await startServer();
    const { client } = await setupOwner(server.url);
    const { context, page, pageErrors } = await signedIn(browser, client, server.url);
    try {
      const campaign = await buildCampaign(client);
      const milestones = [
        { title: 'US review before the change', kind: 'review', marketCode: 'US', local: '2026-03-07T10:00' },
        { title: 'US go-live', kind: 'go_live', marketCode: 'US', local: '2026-03-08T10:00' },
        { title: 'US recap on summer time', kind: 'deadline', marketCode: 'US', local: '2026-10-31T10:00' },
        { title: 'US recap after fall back', kind: 'deadline', marketCode: 'US', local: '2026-11-01T10:00' },
      ];
      for (const m of milestones) {
        const res = await client.post(`/api/campaigns/${campaign.id}/milestones`, {
          title: m.title,
          kind: m.kind,
          marketCode: m.marketCode,
          at: { local: m.local, timeZone: 'America/New_York' },
        });
        expect(res.status).toBe(201);
      }

      await page.goto(`${server.url}/campaigns/${campaign.id}/timeline`);
      await page.getByRole('heading', { name: en['timeline.title'], level: 2 }).waitFor();
      const cells = async (title: string) => {
        const row = page.locator(`tr[data-milestone="${title}"]`);
        await row.waitFor();
        return {
          US: await row.locator('td[data-market="US"]').textContent(),
          RU: await row.locator('td[data-market="RU"]').textContent(),
        };
      };
      // New York on winter time (EST, UTC−5) the day before, on summer time (EDT, UTC−4) from
      // 8 March; Moscow stays on UTC+3, so the gap shrinks from 8 to 7 hours.
      expect(await cells('US review before the change')).toEqual({
        US: expect.stringMatching(/7 Mar\s+10:00 EST/),
        RU: expect.stringMatching(/7 Mar\s+18:00 MSK/),
      });
      expect(await cells('US go-live')).toEqual({
        US: expect.stringMatching(/8 Mar\s+10:00 EDT/),
        RU: expect.stringMatching(/8 Mar\s+17:00 MSK/),
      });
      expect(await cells('US recap on summer time')).toEqual({
        US: expect.stringMatching(/31 Oct\s+10:00 EDT/),
        RU: expect.stringMatching(/31 Oct\s+17:00 MSK/),
      });
      expect(await cells('US recap after fall back')).toEqual({
        US: expect.stringMatching(/1 Nov\s+10:00 EST/),
        RU: expect.stringMatching(/1 Nov\s+18:00 MSK/),
      });

      // 02:30 on 8 March does not exist in New York: refused, with the choice offered.
      await page.getByRole('button', { name: en['timeline.add'] }).first().click();
      const dialog = page.getByRole('dialog', { name: en['timeline.addTitle'] });
      await dialog.getByLabel(en['timeline.field.title']).fill('US teaser');
      await dialog.getByLabel(en['timeline.field.kind']).selectOption('review');
      await dialog.getByLabel(en['timeline.field.market']).selectOption('US');
      expect(await dialog.getByLabel(en['tracker.when.zone']).inputValue()).toBe('America/New_York');
      await dialog.getByLabel(en['tracker.when.date']).fill('2026-03-08');
      await dialog.getByLabel(en['tracker.when.time'], { exact: true }).fill('02:30');
      const refused = page.waitForResponse(
        (r) => r.url().endsWith('/milestones') && r.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: en['timeline.add'] }).click();
      const refusal = await refused;
      expect(refusal.status()).toBe(400);
      expect((await refusal.json()).error.code).toBe('local_time_nonexistent');
      const alert = dialog.getByRole('alert');
      await alert
        .getByText('2026-03-08 02:30 does not exist in America/New_York', { exact: false })
        .waitFor();
      const earlier = alert.getByRole('button', { name: /^Earlier/ });
      const later = alert.getByRole('button', { name: /^Later/ });
      expect(await earlier.textContent()).toContain('01:30 EST');
      expect(await later.textContent()).toContain('03:30 EDT');
      await later.click();
      await dialog.waitFor({ state: 'detached' });
      expect(await cells('US teaser')).toEqual({
        US: expect.stringMatching(/8 Mar\s+03:30 EDT/),
        RU: expect.stringMatching(/8 Mar\s+10:30 MSK/),
      });
      await page.screenshot({ path: path.join(os.tmpdir(), 'tandem-timeline.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
