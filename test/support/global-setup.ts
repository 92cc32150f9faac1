import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/index.ts';

/**
 * Once per run: build the web app (the browser tests load it from the server) and prepare a
 * migrated PGlite cluster that every test server copies instead of running initdb again.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
  // Each run builds the web app into its own directory: runs side by side (or `npm start` beside
  // them) never serve one another's half-written dist/web.
  // TANDEM_SKIP_WEB_BUILD=1 saves the build when iterating on API tests with an existing dist/web.
  const webDir = process.env.TANDEM_SKIP_WEB_BUILD ? path.join(root, 'dist/web') : path.join(workDir, 'web');
  if (!process.env.TANDEM_SKIP_WEB_BUILD)
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--logLevel',
        'warn',
        '--outDir',
        webDir,
        '--emptyOutDir',
      ],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  project.provide('webDir', webDir);
  const templateDir = path.join(workDir, 'template');
  const database = await openDatabase({ dataDir: templateDir });
  await database.close();
  project.provide('pgliteTemplate', path.join(templateDir, 'pglite'));
  project.provide('testWorkDir', workDir);
  return () => fs.rmSync(workDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testWorkDir: string;
    webDir: string;
  }
}
