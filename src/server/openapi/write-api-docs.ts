/**
 * npm run docs:api: builds the app on a throwaway embedded database and rewrites the generated
 * part of docs/api.md from its OpenAPI document (the hand-written introduction is kept).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { mergeApiReference, type OpenApiDocument, renderApiReference } from './api-reference.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-docs-'));
try {
  const database = await openDatabase({ dataDir });
  const app = await buildApp({
    config: { ...loadConfig({}), dataDir, webDir: path.join(dataDir, 'web') },
    database,
  });
  await app.ready();
  const generated = renderApiReference(app.swagger() as OpenApiDocument);
  await app.close();
  await database.close();
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Tandem HTTP API\n';
  fs.writeFileSync(file, mergeApiReference(existing, generated));
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
