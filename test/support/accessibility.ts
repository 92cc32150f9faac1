import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/shared/i18n/index.ts';
import { Client } from './client.ts';
import { PASSWORD, setupOwner } from './factories.ts';
import type { Screen, ScreenIds, Who } from './screens.ts';

/**
 * Walks every screen of the demo workspace (SCREENS, ./screens.ts) in a real browser, runs axe-core
 * on each and measures the page's width, for test/browser/accessibility.test.ts.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];
/** The impacts that fail test/browser/accessibility.test.ts (minor ones are only counted). */
export const FAILING_IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate'];
const fails = (v: Violation) => FAILING_IMPACTS.includes(v.impact);

/** Whether a screen state fails: a critical, serious or moderate violation, or sideways scrolling on a phone. */
export const failed = (r: ScreenResult) =>
  r.violations.some(fails) || (r.width < 600 && r.scrollWidth > r.width);

export interface Violation {
  id: string;
  impact: Impact;
  help: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface ScreenResult {
  screen: string;
  locale: Locale;
  width: number;
  violations: Violation[];
  /** document.documentElement.scrollWidth after the screen settled. */
  scrollWidth: number;
  /** The widest elements sticking out of the viewport (only measured when the page is too wide). */
  overflow: string[];
}

export interface Workspace extends ScreenIds {
  url: string;
  owner: Client;
  creator: Client;
}

interface EngagementRow {
  id: string;
  creator: { id: string; marketCode: string };
  status: string;
}

async function ok<T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const res = await promise;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

interface DemoPerson {
  email: string;
  role: string;
  password: string;
}

/** An owner who loads the demo, and a creator of the demo who has signed in to the portal. */
export async function demoWorkspace(url: string): Promise<Workspace> {
  const { client: owner } = await setupOwner(url, { locale: 'en', timeZone: 'Europe/Moscow' });
  const demo = await ok(
    owner.post<{ campaignId: string; people: DemoPerson[] }>('/api/demo'),
    'load the demo',
  );
  const { engagements } = await ok(
    owner.get<{ engagements: EngagementRow[] }>(`/api/campaigns/${demo.campaignId}/engagements`),
    'list engagements',
  );
  const first = engagements[0];
  if (!first) throw new Error('the demo has no engagements');
  const creator = new Client(url);
  const demoCreator = demo.people.find((p) => p.role === 'creator');
  if (demoCreator) {
    // The demo hands out its creators' portal logins once, to the admin who loaded it.
    await ok(
      creator.post('/api/auth/login', { email: demoCreator.email, password: demoCreator.password }),
      'sign the demo creator in',
    );
  } else {
    // An older demo without portal logins: invite one of its creators.
    const forPortal = engagements.find((e) => e.creator.marketCode === 'RU' && e.id !== first.id) ?? first;
    const invite = await ok(
      owner.post<{ token: string }>('/api/invites', {
        email: 'a11y-creator@example.com',
        role: 'creator',
        marketCodes: [forPortal.creator.marketCode],
        creatorId: forPortal.creator.id,
      }),
      'invite a creator',
    );
    await ok(
      creator.post('/api/auth/register', {
        email: 'a11y-creator@example.com',
        password: PASSWORD,
        name: 'Alina Creator',
        locale: 'en',
        timeZone: 'Europe/Moscow',
        inviteToken: invite.token,
      }),
      'register the creator',
    );
  }
  const portal = await ok(
    creator.get<{ engagements: Array<{ id: string }> }>('/api/portal/engagements'),
    'portal',
  );
  const portalEngagement = portal.engagements[0];
  if (!portalEngagement) throw new Error('the demo creator has no engagement in the portal');
  return {
    url,
    campaignId: demo.campaignId,
    engagementId: first.id,
    portalEngagementId: portalEngagement.id,
    owner,
    creator,
  };
}

/** Both signed-in people read the workspace in `locale` (their saved profile language). */
export async function useLanguage(w: Workspace, locale: Locale) {
  await ok(w.owner.patch('/api/me', { locale }), 'owner language');
  await ok(w.creator.patch('/api/me', { locale }), 'creator language');
}

async function contextFor(browser: Browser, w: Workspace, who: Who, locale: Locale, width: number) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    locale: locale === 'ru' ? 'ru-RU' : 'en-US',
    timezoneId: 'Europe/Moscow',
    reducedMotion: 'reduce',
    isMobile: width < 600,
    hasTouch: width < 600,
  });
  const client = who === 'owner' ? w.owner : who === 'creator' ? w.creator : undefined;
  const cookie = client?.cookie;
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: w.url }]);
  }
  await context.addInitScript((l) => window.localStorage.setItem('tandem.locale', l), locale);
  return context;
}

const BUSY = '.spinner, .skeleton, .skeleton-row, [aria-busy="true"]';

/** Waits until the page has its heading, no visible spinner or skeleton, and has stayed so for a moment. */
export async function settle(page: Page, ready?: string) {
  if (ready) await page.locator(ready).first().waitFor({ timeout: 30_000 });
  try {
    await page.waitForFunction(
      (busySelector) => {
        const w = window as unknown as { __a11yCalm?: number };
        const busy = Array.from(document.querySelectorAll(busySelector)).some((el) => el.checkVisibility());
        const heading = document.querySelector('h1');
        if (busy || !heading) {
          w.__a11yCalm = 0;
          return false;
        }
        w.__a11yCalm = (w.__a11yCalm ?? 0) + 1;
        return w.__a11yCalm >= 3;
      },
      BUSY,
      { timeout: 30_000, polling: 150 },
    );
  } catch (error) {
    const state = await page.evaluate(
      (busySelector) => ({
        url: location.pathname,
        heading: document.querySelector('h1')?.textContent ?? null,
        busy: Array.from(document.querySelectorAll(busySelector))
          .filter((el) => el.checkVisibility())
          .map((el) => el.outerHTML.slice(0, 200)),
      }),
      BUSY,
    );
    throw new Error(`${page.url()} did not settle: ${JSON.stringify(state)}`, { cause: error });
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: Impact | null;
    help: string;
    nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
  }>;
}

export async function runAxe(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(
    () =>
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page, untyped there
      (window as any).axe.run(document, {
        resultTypes: ['violations'],
        // Off by default in axe (experimental), but a user of a screen reader or voice control
        // meets it: a control's accessible name must contain its visible text.
        rules: { 'label-content-name-mismatch': { enabled: true } },
      }) as Promise<unknown>,
  );
  return (result as AxeResult).violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'minor',
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      html: n.html.slice(0, 160),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
    })),
  }));
}

/**
 * What makes the page scroll sideways: elements reaching past the viewport's right edge with no
 * ancestor that clips or scrolls them, outermost first (their parent still fits).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const clips = (el: Element) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
    // Clipped by an ancestor that scrolls or hides overflow, walking containing blocks: an
    // absolutely positioned element escapes every unpositioned ancestor, a fixed one all of them.
    const escapes = (el: Element) => {
      if (el.getBoundingClientRect().right <= limit) return false;
      let position = getComputedStyle(el).position;
      if (position === 'fixed') return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        const contains = position !== 'absolute' || style.position !== 'static' || style.transform !== 'none';
        if (contains && clips(a)) return false;
        if (contains) position = style.position;
      }
      return true;
    };
    const found: Array<{ right: number; label: string }> = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!escapes(el)) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && escapes(parent)) continue;
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '';
      const chain: string[] = [];
      for (let a = el.parentElement; a && a !== document.body && chain.length < 3; a = a.parentElement) {
        chain.push(
          typeof a.className === 'string' && a.className
            ? a.className.split(/\s+/)[0]!
            : a.tagName.toLowerCase(),
        );
      }
      found.push({
        right: Math.round(el.getBoundingClientRect().right),
        label: `${el.tagName.toLowerCase()}${cls} (in ${chain.join(' < ')})`,
      });
    }
    return found
      .sort((a, b) => b.right - a.right)
      .slice(0, 6)
      .map((f) => `${f.label} → ${f.right}px`);
  });
}

/**
 * Browser contexts for one language and width, one per person (so a screen reuses the cached
 * bundle of the previous one); close() when done.
 */
export function screenSession(browser: Browser, w: Workspace, locale: Locale, width: number) {
  const pages = new Map<Who, Promise<{ context: BrowserContext; page: Page }>>();
  const pageFor = (who: Who) => {
    let entry = pages.get(who);
    if (!entry) {
      entry = contextFor(browser, w, who, locale, width).then(async (context) => ({
        context,
        page: await context.newPage(),
      }));
      pages.set(who, entry);
    }
    return entry;
  };
  return {
    /** Opens one screen and measures it. */
    async audit(screen: Screen): Promise<ScreenResult> {
      const { page } = await pageFor(screen.who);
      const t0 = performance.now();
      await page.goto(w.url + screen.path(w));
      try {
        await settle(page, screen.ready);
      } catch (error) {
        // Once more from a fresh load: other test files rebuild the web app into the same
        // directory, and a page loaded mid-rebuild can come up blank.
        console.warn(`${screen.name}: ${(error as Error).message}; reloading once`);
        await page.reload();
        await settle(page, screen.ready);
      }
      const t1 = performance.now();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale, { timeout: 15_000 });
      const violations = await runAxe(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (process.env.A11Y_TIMING)
        console.log(screen.name, Math.round(t1 - t0), Math.round(performance.now() - t1));
      return {
        screen: screen.name,
        locale,
        width,
        violations,
        scrollWidth,
        overflow: scrollWidth > width ? await overflowing(page) : [],
      };
    },
    async close() {
      for (const entry of pages.values()) await (await entry).context.close();
    },
  };
}

const count = (r: ScreenResult, impact: Impact) => r.violations.filter((v) => v.impact === impact).length;

/** One line per screen state: violations by impact, and the page's width. */
export function renderResults(results: readonly ScreenResult[]): string {
  const header = ['screen', 'lang', 'width', ...IMPACTS, 'scrollWidth'];
  const rows = results.map((r) => [
    r.screen,
    r.locale,
    String(r.width),
    ...IMPACTS.map((i) => String(count(r, i))),
    `${r.scrollWidth}${r.scrollWidth > r.width ? ' (too wide)' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const totals = IMPACTS.map((i) => `${i} ${results.reduce((sum, r) => sum + count(r, i), 0)}`).join(', ');
  return [line(header), ...rows.map(line), `${results.length} screen states; violations: ${totals}`].join(
    '\n',
  );
}

/** The failing (critical, serious and moderate) violations, spelled out. */
export function describeFailures(results: readonly ScreenResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const bad = r.violations.filter(fails);
    for (const v of bad) {
      lines.push(`${r.screen} [${r.locale} ${r.width}] ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
      for (const n of v.nodes.slice(0, 4)) lines.push(`    ${n.target} — ${n.html}\n      ${n.summary}`);
    }
    if (r.scrollWidth > r.width) {
      lines.push(`${r.screen} [${r.locale} ${r.width}] scrolls sideways: ${r.scrollWidth}px`);
      for (const o of r.overflow) lines.push(`    ${o}`);
    }
  }
  return lines.join('\n');
}
