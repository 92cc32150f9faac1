import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDirectoryLock } from './directory-lock.ts';
import * as schema from './schema.ts';
import { statementLogger } from './statement-log.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Either the database handle or an open transaction: service functions accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Embedded database only: a consistent gzipped tarball of the cluster, taken while holding
   * PGlite's single connection (queries wait, nothing is lost). Restore with restoreBackup.
   */
  backup?(): Promise<Blob>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same for every instance of Tandem.
const MIGRATION_LOCK_KEY = 7_264_001;

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  // Several instances may start at once: one migrates, the others wait on the advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client: migrator, schema }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger: statementLogger() }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite keeps its cluster in DATA_DIR/pglite. The first initialisation happens in a sibling
 * directory that is renamed into place only once complete, so a process killed half-way never
 * leaves a cluster that later hangs or fails to open. A lock file keeps a second process out:
 * two PGlite instances on one directory corrupt it.
 */
async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = await acquireDirectoryLock(path.join(dataDir, 'pglite.lock'), dataDir);
  try {
    const clusterDir = path.join(dataDir, 'pglite');
    for (const entry of fs.readdirSync(dataDir)) {
      if (entry.startsWith('.pglite-init-'))
        fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    if (!fs.existsSync(clusterDir)) {
      const staging = path.join(dataDir, `.pglite-init-${process.pid}-${randomBytes(4).toString('hex')}`);
      const fresh = await PGlite.create(staging, pgliteOptions);
      await migratePglite(drizzlePglite({ client: fresh, schema }), { migrationsFolder });
      await fresh.close();
      fsyncDirectoryTree(staging);
      fs.renameSync(staging, clusterDir);
      fsyncPath(dataDir);
    }
    const client = await PGlite.create(clusterDir, pgliteOptions);
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    const db = drizzlePglite({ client, schema, logger: statementLogger() }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      async listen(channel, onPayload) {
        const unsubscribe = await client.listen(channel, onPayload);
        return () => unsubscribe();
      },
      async backup() {
        // The checkpoint only shortens recovery on restore: committed work is in the WAL anyway.
        await client.query('CHECKPOINT');
        return client.dumpDataDir('gzip');
      },
      async close() {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite starts Postgres with `-F` (fsync off) by default; we turn fsync back on so that an
 * acknowledged commit is on disk, not only in the page cache. 16 MB of shared buffers instead of
 * 128 MB keeps an idle server small; the working set of a campaign workspace fits easily.
 */
/**
 * Restores a backup tarball (from Database.backup) into DATA_DIR/pglite of an empty data
 * directory. The cluster is written to a staging directory and renamed into place when complete.
 */
export async function restoreBackup(tarball: Blob, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.pglite-init-${process.pid}-${randomBytes(4).toString('hex')}`);
  const restored = await PGlite.create(staging, { ...pgliteOptions, loadDataDir: tarball });
  try {
    await restored.query('select 1');
  } finally {
    await restored.close();
  }
  fsyncDirectoryTree(staging);
  fs.renameSync(staging, path.join(dataDir, 'pglite'));
  fsyncPath(dataDir);
}

const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'shared_buffers=16MB'],
};

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDirectoryTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncDirectoryTree(full);
    else if (entry.isFile()) fsyncPath(full);
  }
  fsyncPath(dir);
}
