import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/shared/i18n/index.ts';
import {
  demoWorkspace,
  describeFailures,
  failed,
  renderResults,
  type ScreenResult,
  screenSession,
  useLanguage,
  type Workspace,
} from '../support/accessibility.ts';
import { sharedBrowser } from '../support/browser.ts';
import { SCREENS } from '../support/screens.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Every screen of the demo, in English and Russian, on a laptop and on a phone: no critical,
// serious or moderate axe-core violation (minor ones are counted), and at 390 px no page scrolls
// sideways. The table of violations by impact and page widths is printed (and saved to
// $TMPDIR/tandem-accessibility.txt).

const getBrowser = sharedBrowser();
const results: ScreenResult[] = [];
let server: TestServer;
let workspace: Workspace;

beforeAll(async () => {
  server = await startServer();
  workspace = await demoWorkspace(server.url);
});
afterAll(async () => {
  if (results.length) {
    const report = renderResults(results);
    console.log(`\naxe-core and page widths\n${report}\n`);
    fs.writeFileSync(
      path.join(os.tmpdir(), 'tandem-accessibility.txt'),
      `${report}\n\n${describeFailures(results)}\n`,
    );
  }
  await server?.close();
});

const WIDTHS = [1440, 390] as const;

describe('accessibility and phones', () => {
  for (const locale of ['en', 'ru'] as const satisfies readonly Locale[]) {
    for (const width of WIDTHS) {
      it(`every screen in ${locale} at ${width} px: no critical, serious or moderate axe violation${width < 600 ? ', nothing scrolls sideways' : ''}`, async () => {
        const browser = await getBrowser();
        await useLanguage(workspace, locale);
        const session = screenSession(browser, workspace, locale, width);
        const mine: ScreenResult[] = [];
        try {
          // A11Y_SCREENS="board,timeline" narrows a run to some screens while fixing them.
          const only = process.env.A11Y_SCREENS?.split(',');
          for (const screen of SCREENS.filter((s) => !only || only.includes(s.name))) {
            const result = await session.audit(screen);
            mine.push(result);
            results.push(result);
          }
        } finally {
          await session.close();
        }
        const failures = mine.filter(failed);
        if (failures.length) console.log(describeFailures(failures));
        expect(failures.map((r) => r.screen)).toEqual([]);
      }, 600_000);
    }
  }
});
