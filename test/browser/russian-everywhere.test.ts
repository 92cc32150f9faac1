import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/shared/i18n/index.ts';
import { openPage, sharedBrowser } from '../support/browser.ts';
import { Client } from '../support/client.ts';
import { PASSWORD, setupOwner } from '../support/factories.ts';
import { SCREENS, type ScreenIds } from '../support/screens.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Every screen of the demo in Russian, read in a browser set to en-US (so nothing may lean on the
// browser's locale). The app records every catalogue key it asks for (src/web/i18n/record-keys.ts);
// a key missing from the Russian catalogue, or one whose Russian text is still the English one,
// fails the test, and so does page text that shows a raw key, an English month in a date or a
// market named "United States".

const en = catalogues.en as Record<string, string>;
const ru = catalogues.ru as Record<string, string>;

/** Russian texts that are rightly the same as the English ones: product, brand and unit names. */
const SAME_IN_BOTH = new Set([
  'app.name',
  'common.languageName.en',
  'wizard.brandPlaceholder',
  'brief.kpi.cpm',
  'brief.kpi.cpa',
  'brief.kpi.cpe',
  'brief.kpi.roas',
  'report.csv.kpi',
  'reportDoc.col.kpi',
  'briefUi.measurement.metric',
  'measurement.export.csv',
  'tracker.create.submitHint',
  'imports.doc.platform',
  ...['instagram', 'tiktok', 'youtube', 'telegram'].flatMap((p) => [
    `creators.platform.${p}`,
    `measurement.platform.${p}`,
  ]),
  'creators.form.telegram',
]);

/** The first segments of catalogue keys (`tracker`, `brief`…): a dotted word starting so is a raw key. */
const NAMESPACES = new Set(Object.keys(en).map((key) => key.split('.')[0]!));

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*';
const ENGLISH_DATE = new RegExp(`\\b${MONTH}\\.? \\d{1,2}\\b|\\b\\d{1,2} ${MONTH}\\b`, 'g');

async function ok<T>(promise: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const res = await promise;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const getBrowser = sharedBrowser();
let server: TestServer;
let owner: Client;
let creator: Client;
let workspace: ScreenIds;

beforeAll(async () => {
  server = await startServer();
  ({ client: owner } = await setupOwner(server.url, { locale: 'ru', timeZone: 'Europe/Moscow' }));
  const demo = await ok(owner.post<{ campaignId: string }>('/api/demo'), 'load the demo');
  const { engagements } = await ok(
    owner.get<{ engagements: Array<{ id: string; creator: { id: string; marketCode: string } }> }>(
      `/api/campaigns/${demo.campaignId}/engagements`,
    ),
    'list engagements',
  );
  const first = engagements[0];
  if (!first) throw new Error('the demo has no engagements');
  // A creator of the demo signed in to the portal, with a Russian profile.
  const forPortal = engagements.find((e) => e.creator.marketCode === 'RU' && e.id !== first.id) ?? first;
  const invite = await ok(
    owner.post<{ token: string }>('/api/invites', {
      email: 'ru-creator@example.com',
      role: 'creator',
      marketCodes: [forPortal.creator.marketCode],
      creatorId: forPortal.creator.id,
    }),
    'invite a creator',
  );
  creator = new Client(server.url);
  await ok(
    creator.post('/api/auth/register', {
      email: 'ru-creator@example.com',
      password: PASSWORD,
      name: 'Алина Блогер',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
      inviteToken: invite.token,
    }),
    'register the creator',
  );
  workspace = { campaignId: demo.campaignId, engagementId: first.id, portalEngagementId: forPortal.id };
});
afterAll(async () => {
  await server?.close();
});

interface Seen {
  keys: string[];
  text: string;
  /** Text of elements that show a code as a code (`.mono`, `<code>`). */
  codes: string[];
}

/** An ICU message without its arguments: `{time} {zone}` has no words to translate. */
function withoutArguments(message: string): string {
  let out = message;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/\{[^{}]*\}/g, '');
  }
  return out;
}

/** Every catalogue-key problem and English leftover on one screen, as readable lines. */
function problems(screen: string, seen: Seen): string[] {
  const out: string[] = [];
  for (const id of seen.keys) {
    const [locale, key = ''] = id.split(/:(.*)/s);
    // The boot spinner shows before the profile (and its language) is known: the browser's language.
    if (locale !== 'ru' && key !== 'common.loading') out.push(`${screen}: asked for ${key} in ${locale}`);
    else if (locale !== 'ru') continue;
    else if (!(key in ru)) out.push(`${screen}: ${key} is not in the Russian catalogue`);
    else if (ru[key] === en[key] && /[A-Za-z]{3,}/.test(withoutArguments(ru[key]!)) && !SAME_IN_BOTH.has(key))
      out.push(`${screen}: ${key} is still English in Russian ("${ru[key]}")`);
  }
  for (const match of seen.text.matchAll(/(?<![@\w./-])([a-z][A-Za-z]*)(\.[A-Za-z0-9_]+)+(?![\w/@-])/g)) {
    // Codes shown as codes (the audit log's action beside its name) are meant to be technical.
    if (NAMESPACES.has(match[1]!) && !seen.codes.includes(match[0]))
      out.push(`${screen}: raw key on the page: ${match[0]}`);
  }
  for (const match of seen.text.matchAll(ENGLISH_DATE)) out.push(`${screen}: English date "${match[0]}"`);
  if (seen.text.includes('United States')) out.push(`${screen}: "United States" on the page`);
  return out;
}

describe('Russian everywhere', () => {
  it('renders every screen of the demo in Russian in an en-US browser: no English fallbacks, raw keys, English months or market names', async () => {
    const browser = await getBrowser();
    const found: string[] = [];
    const pageErrors: string[] = [];
    for (const who of ['owner', 'creator'] as const) {
      const client = who === 'owner' ? owner : creator;
      const {
        context,
        page,
        pageErrors: errors,
      } = await openPage(browser, {
        locale: 'en-US',
        timezoneId: 'America/New_York',
      });
      try {
        const [name, value] = (client.cookie ?? '').split('=');
        await context.addCookies([{ name: name!, value: value!, url: server.url }]);
        await context.addInitScript(() => {
          window.__tandemI18n = { keys: [] };
        });
        const profile = await client.get<{ locale: string }>('/api/me');
        expect(profile.body.locale, `${who} reads in Russian`).toBe('ru');
        for (const screen of SCREENS.filter((s) => s.who === who)) {
          await page.goto(server.url + screen.path(workspace));
          await settle(page).catch((error: Error) => {
            throw new Error(`${screen.name} did not settle in Russian: ${error.message}`);
          });
          const seen = await page.evaluate(() => {
            const attributes = Array.from(
              document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
            ).flatMap((el) =>
              ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
            );
            const values = Array.from(document.querySelectorAll('input:not([type=hidden]), textarea')).map(
              (el) => (el as HTMLInputElement).value,
            );
            const codes = Array.from(document.querySelectorAll('.mono, code, kbd')).map(
              (el) => el.textContent?.trim() ?? '',
            );
            return {
              codes,
              keys: [...(window.__tandemI18n?.keys ?? [])],
              // The rendered text, as a reader sees it (hidden elements left out).
              // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is read
              text: [document.title, document.body.innerText, ...attributes, ...values].join('\n'),
            };
          });
          expect(seen.keys.length, `${screen.name}: no catalogue key was recorded`).toBeGreaterThan(0);
          found.push(...problems(screen.name, seen));
        }
        pageErrors.push(...errors);
      } finally {
        await context.close();
      }
    }
    expect([...new Set(found)]).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});

/** Waits until the page has its heading, in Russian, with no spinner or skeleton, for a moment. */
async function settle(page: import('playwright-core').Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __calm?: number };
      const busy = document.querySelector('.spinner, .skeleton, .skeleton-row, [aria-busy="true"]');
      if (busy || !document.querySelector('h1') || document.documentElement.lang !== 'ru') {
        w.__calm = 0;
        return false;
      }
      w.__calm = (w.__calm ?? 0) + 1;
      return w.__calm >= 3;
    },
    undefined,
    { timeout: 30_000, polling: 150 },
  );
}
