/**
 * npm run restore -- <file> [--force]
 *
 * Brings a backup made by `npm run backup` back into DATA_DIR (default ./data): the cluster is
 * unpacked into DATA_DIR/pglite. A data directory that already holds a database is refused unless
 * --force is given (its database is then replaced). The server must not be running on DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { acquireDirectoryLock } from '../../db/directory-lock.ts';
import { restoreBackup } from '../../db/index.ts';

const args = process.argv.slice(2);
const force = args.includes('--force');
const source = args.find((arg) => !arg.startsWith('--'));
if (!source) {
  console.error('Usage: npm run restore -- <file.tar.gz> [--force]   (into DATA_DIR, default ./data)');
  process.exit(2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: restore PostgreSQL with pg_restore --no-owner -d "$DATABASE_URL" <file>.',
  );
  process.exit(1);
}
const dataDir = config.dataDir;
try {
  const tarball = new Blob([fs.readFileSync(path.resolve(source))]);
  fs.mkdirSync(dataDir, { recursive: true });
  const release = await acquireDirectoryLock(path.join(dataDir, 'pglite.lock'), dataDir);
  try {
    const existing = fs.readdirSync(dataDir).filter((entry) => entry !== 'pglite.lock');
    if (existing.length > 0 && !force) {
      throw new Error(
        `${dataDir} is not empty (${existing.join(', ')}); pass --force to replace its database.`,
      );
    }
    if (force) {
      fs.rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });
      fs.rmSync(path.join(dataDir, 'import-tmp'), { recursive: true, force: true });
    }
    await restoreBackup(tarball, dataDir);
  } finally {
    release();
  }
  console.log(`Restored ${source} into ${dataDir}.`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
