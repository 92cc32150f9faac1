// Board UI (issue 4): a campaign with 10,000 tasks opened on the board in Chromium. Prints the
// time until the first cards are visible and the longest main-thread task (PerformanceObserver
// 'longtask') while a column is scrolled to its end, loading page after page. Figures only.
//
// Needs the built web app (`npx vite build`, served from dist/web) and Chromium (CHROMIUM_PATH,
// default /usr/bin/chromium), launched with the same flags as the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../test/support/browser.ts';
import { createOwner } from './lib/api.ts';
import { HttpClient } from './lib/http.ts';
import { createCampaign, sleep } from './lib/measurement.ts';
import { type Benchmark, type Figure, log } from './lib/report.ts';
import { ROOT, type RunningServer, startServer, tempDir } from './lib/server.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const TASK_COUNT = env('BENCH_TASKS', 10_000);
const SEED_CONCURRENCY = env('BENCH_SEED_CONCURRENCY', 8);
/** Share of the tasks in the scrolled column ("To do"); the rest spread over the other four. */
const TODO_SHARE = 0.4;
const SCROLL_STEP_PX = 1600;
const SCROLL_LIMIT_MS = env('BENCH_SCROLL_SECONDS', 90) * 1000;
/** A rendered task card (not a loading placeholder). */
const CARD = '.board-column-todo .task-card[data-task-id]';
const OTHER_STATUSES = ['in_progress', 'blocked', 'in_review', 'done'] as const;
const LABELS = ['video', 'legal', 'design', 'urgent', 'paid', 'organic'];

declare global {
  interface Window {
    __longTasks?: Array<{ start: number; duration: number }>;
    __frames?: { last: number; longest: number; count: number; running: boolean };
  }
}

const boardUi: Benchmark = {
  name: 'board-ui',
  description: `${TASK_COUNT.toLocaleString('en-US')} tasks on the board in Chromium: first cards, longest main-thread task while scrolling a column`,
  async run() {
    const figures: Figure[] = [];
    const notes: string[] = [];
    if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) {
      throw new Error('dist/web is missing: build the web app first (npx vite build)');
    }
    const dataDir = path.join(tempDir(), 'data');
    let server: RunningServer | undefined;
    let client: HttpClient | undefined;
    const browser = await launchBrowser();
    try {
      server = await startServer({ dataDir, env: { LOG_LEVEL: 'warn' } });
      const owner = await createOwner(server.baseUrl);
      client = new HttpClient(server.baseUrl, owner.token, SEED_CONCURRENCY * 2);
      const http = client;
      const me = await http.json<{ id: string }>('GET', '/api/me');
      const campaign = { id: await createCampaign(http, 'Board bench') };

      // Seed through the API, 8 requests in flight.
      const todoCount = Math.round(TASK_COUNT * TODO_SHARE);
      const seedStarted = performance.now();
      let next = 0;
      const base = Date.UTC(2026, 2, 1, 9);
      const worker = async () => {
        for (let i = next++; i < TASK_COUNT; i = next++) {
          const status = i < todoCount ? 'todo' : OTHER_STATUSES[i % OTHER_STATUSES.length]!;
          await http.json(
            'POST',
            `/api/campaigns/${campaign.id}/tasks`,
            {
              title: `Task ${i + 1}: ${['Draft', 'Review', 'Approve', 'Translate'][i % 4]} ${['reel script', 'story sequence', 'usage rights', 'tracking links'][i % 3]}`,
              ownerId: me.id,
              status,
              marketCode: i % 3 === 0 ? null : i % 3 === 1 ? 'RU' : 'US',
              labels: i % 2 ? [LABELS[i % LABELS.length]!] : [],
              dueAt: i % 5 === 0 ? null : new Date(base + (i % 90) * 86_400_000).toISOString(),
            },
            201,
          );
          if ((i + 1) % 2000 === 0) log(`seeded ${i + 1} tasks`);
        }
      };
      await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      figures.push({
        metric: `seed ${TASK_COUNT.toLocaleString('en-US')} tasks (${SEED_CONCURRENCY} concurrent POSTs)`,
        value: seedSeconds,
        unit: 's',
        note: `${Math.round(TASK_COUNT / seedSeconds)} tasks/s`,
      });

      // The browser: signed in with the owner's session, long tasks recorded from the start.
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        timezoneId: 'Europe/Moscow',
      });
      const [name, value] = owner.cookie.split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
      await context.addInitScript(() => {
        window.__longTasks = [];
        try {
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries())
              window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          // longtask unsupported: the figure stays n/a
        }
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      if (process.env.BENCH_DEBUG) {
        page.on('response', (response) => {
          if (response.url().includes('/api/')) log(`${response.status()} ${response.url().slice(-120)}`);
        });
      }

      const opened = performance.now();
      await page.goto(`${server.baseUrl}/campaigns/${campaign.id}/tasks`);
      await page.locator(CARD).first().waitFor({ state: 'visible', timeout: 60_000 });
      const firstCardsMs = performance.now() - opened;
      const loadLongest = await page.evaluate(() =>
        Math.max(0, ...(window.__longTasks ?? []).map((t) => t.duration)),
      );
      figures.push({
        metric: 'time to first cards visible',
        value: firstCardsMs,
        unit: 'ms',
        note: 'navigation → first card painted',
      });
      figures.push({ metric: 'longest main-thread task while loading', value: loadLongest, unit: 'ms' });

      // Scroll the "To do" column to its very end: pages of 200 load as it goes.
      // Frame gaps as well (long tasks are only reported above 50 ms). A string, so that the
      // bundler's helpers for named functions do not end up in the page.
      await page.evaluate(`(() => {
        window.__longTasks = [];
        const frames = { last: performance.now(), longest: 0, count: 0, running: true };
        window.__frames = frames;
        function tick(time) {
          frames.longest = Math.max(frames.longest, time - frames.last);
          frames.last = time;
          frames.count++;
          if (frames.running) requestAnimationFrame(tick);
        }
        requestAnimationFrame(tick);
      })()`);
      const column = page.locator('.board-column-todo .board-column-body');
      const box = await column.boundingBox();
      if (!box) throw new Error('the To do column is not on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const scrollStarted = performance.now();
      let steps = 0;
      for (;;) {
        await page.mouse.wheel(0, SCROLL_STEP_PX);
        await sleep(16);
        steps++;
        const state = await column.evaluate((element) => ({
          top: element.scrollTop,
          height: element.scrollHeight,
          atEnd: element.scrollTop + element.clientHeight >= element.scrollHeight - 4,
          loading: Boolean(element.querySelector('.board-column-more')),
          more: Boolean(
            element
              .closest('.board-column')
              ?.querySelector('.board-column-count')
              ?.textContent?.endsWith('+'),
          ),
        }));
        if (process.env.BENCH_DEBUG) log(`step ${steps}: ${JSON.stringify(state)}`);
        if (state.atEnd && !state.loading && !state.more) break;
        if (performance.now() - scrollStarted > SCROLL_LIMIT_MS) {
          notes.push(`scrolling stopped after ${SCROLL_LIMIT_MS / 1000} s before the end of the column`);
          break;
        }
      }
      const scrollSeconds = (performance.now() - scrollStarted) / 1000;
      if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
      const result = await page.evaluate(() => {
        const tasks = window.__longTasks ?? [];
        if (window.__frames) window.__frames.running = false;
        return {
          longestFrame: window.__frames?.longest ?? null,
          frames: window.__frames?.count ?? 0,
          longest: Math.max(0, ...tasks.map((t) => t.duration)),
          count: tasks.length,
          total: tasks.reduce((sum, t) => sum + t.duration, 0),
          cardsInDom: document.querySelectorAll('.board-column-todo .task-card[data-task-id]').length,
          loaded: document.querySelector('.board-column-todo .board-column-count')?.textContent ?? '',
        };
      });
      figures.push({
        metric: 'longest main-thread task while scrolling a column',
        value: result.longest,
        unit: 'ms',
        target: { op: '<', value: 200 },
        note: `${result.count} long tasks (> 50 ms), ${Math.round(result.total)} ms in all`,
      });
      figures.push({
        metric: 'longest gap between frames while scrolling',
        value: result.longestFrame,
        unit: 'ms',
        note: `${result.frames} frames; 16.7 ms is one frame at 60 Hz`,
      });
      figures.push({
        metric: 'scroll through the column',
        value: scrollSeconds,
        unit: 's',
        note: `${todoCount.toLocaleString('en-US')} cards, ${steps} wheel steps of ${SCROLL_STEP_PX} px`,
      });
      figures.push({
        metric: 'cards in the DOM at the end (virtualised)',
        value: result.cardsInDom,
        unit: 'cards',
        note: `of ${result.loaded} loaded cards`,
      });
      if (errors.length) notes.push(`page errors: ${errors.join(' | ')}`);
      notes.push(`Chromium headless (${await browser.version()}), viewport 1440×900; server on PGlite`);
      await context.close();
    } finally {
      client?.close();
      await browser.close();
      await server?.stop();
    }
    return { figures, notes };
  },
};

export default boardUi;
