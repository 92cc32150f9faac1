/**
 * npm run backup -- <file>
 *
 * Embedded database (PGlite): a consistent gzipped tarball of DATA_DIR/pglite.
 * - Server running: set TANDEM_URL (e.g. http://localhost:3000) and TANDEM_TOKEN (an admin's API
 *   token); the server takes the backup while it keeps serving (POST /api/admin/backup).
 * - Server stopped: without TANDEM_URL the script opens DATA_DIR itself (it refuses, through the
 *   data directory's lock, when a server is using it).
 * PostgreSQL (DATABASE_URL set): use pg_dump -Fc / pg_restore; this script only says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/index.ts';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
  console.error('Usage: npm run backup -- <file.tar.gz>');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: this Tandem runs on PostgreSQL. Back it up with\n' +
      '  pg_dump -Fc "$DATABASE_URL" -f tandem.dump\n' +
      'and restore into an empty database with\n' +
      '  pg_restore --no-owner -d "$NEW_DATABASE_URL" tandem.dump',
  );
  process.exit(1);
}
const file = path.resolve(target);
const partial = `${file}.partial`;

async function online(url: string, token: string): Promise<Buffer> {
  const res = await fetch(new URL('/api/admin/backup', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

async function offline(): Promise<Buffer> {
  const database = await openDatabase({ dataDir: config.dataDir }).catch((error: Error) => {
    throw new Error(
      `${error.message}\nIf a Tandem server is using it, set TANDEM_URL and TANDEM_TOKEN (an admin's API token) to back up through the server.`,
    );
  });
  try {
    if (!database.backup) throw new Error('This database cannot be backed up here.');
    return Buffer.from(await (await database.backup()).arrayBuffer());
  } finally {
    await database.close();
  }
}

try {
  const url = process.env.TANDEM_URL;
  let bytes: Buffer;
  if (url) {
    const token = process.env.TANDEM_TOKEN;
    if (!token) throw new Error('TANDEM_URL is set but TANDEM_TOKEN (an admin API token) is not.');
    bytes = await online(url, token);
  } else {
    bytes = await offline();
  }
  // Written next to the target and renamed when complete: a failed backup never looks like one.
  fs.writeFileSync(partial, bytes);
  const fd = fs.openSync(partial, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(partial, file);
  console.log(
    `Backup written to ${file} (${bytes.length} bytes, ${url ? `from ${url}` : `from ${config.dataDir}`}).`,
  );
} catch (error) {
  fs.rmSync(partial, { force: true });
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
