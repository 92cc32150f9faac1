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
import * as schema from './schema.ts';

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
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
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
  const releaseLock = acquireDirectoryLock(path.join(dataDir, 'pglite.lock'));
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
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      async listen(channel, onPayload) {
        const unsubscribe = await client.listen(channel, onPayload);
        return () => unsubscribe();
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
const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'shared_buffers=16MB'],
};

function acquireDirectoryLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The data directory is in use by process ${holder} (${lockPath}).`);
      }
      // The holder died without cleaning up (SIGKILL): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
