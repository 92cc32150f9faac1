import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/index.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  dataDir: string;
  /** The PostgreSQL database of this server (unset on PGlite): a second instance may open it. */
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A fresh database on the PostgreSQL server in DATABASE_URL, and the function that drops it. */
export async function createTestDatabase(
  prefix = 'tandem_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/**
 * A real server on a random port with its own fresh database: a copy of the migrated PGlite
 * template, or, when DATABASE_URL is set, a new database on that PostgreSQL server.
 * `env` sets configuration variables for this server only (e.g. JOBS_POLL_INTERVAL_MS).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = path.join(inject('testWorkDir'), `server-${randomBytes(6).toString('hex')}`);
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDatabase = created.drop;
  } else {
    fs.cpSync(inject('pgliteTemplate'), path.join(dataDir, 'pglite'), { recursive: true });
  }
  const loaded = loadConfig(options.env ?? {});
  // This run's own build of the web app (global-setup.ts), unless the test chose one.
  const webDir = options.env?.WEB_DIR ? loaded.webDir : inject('webDir');
  const config = { ...loaded, webDir, port: 0, host: '127.0.0.1', dataDir, databaseUrl };
  const database = await openDatabase({ dataDir, databaseUrl });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    database,
    dataDir,
    databaseUrl,
    async close() {
      await app.close();
      await database.close();
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
