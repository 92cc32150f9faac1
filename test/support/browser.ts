import fs from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches the system Chromium (playwright-core downloads no browsers). A missing browser is a
 * failure with instructions, never a skip: a browser test that silently does not run proves nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it: install it ` +
        '(Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context (own cookies and storage). Uncaught errors in the page are collected
 * so a test can assert the app never crashed behind a screen that happened to look right.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * One Chromium per test file, launched on first use inside a test (so a missing browser fails
 * that test with the install instructions instead of leaving it reported as skipped) and
 * closed after the file.
 */
export function sharedBrowser(): () => Promise<Browser> {
  let launch: Promise<Browser> | undefined;
  afterAll(async () => {
    const browser = await launch?.catch(() => undefined);
    await browser?.close();
  });
  return () => {
    launch ??= launchBrowser();
    return launch;
  };
}
