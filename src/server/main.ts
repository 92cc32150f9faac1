import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/index.ts';

const config = loadConfig();
const graceMs = config.timeouts.shutdownGrace;
let app: FastifyInstance | undefined;
let database: Database | undefined;
let closing = false;

/**
 * Graceful shutdown with a hard deadline. The deadline is armed before anything is awaited and is
 * not unref'd, so whatever close() waits on (a slow upload, an event stream, a LISTEN connection,
 * a running import), the process ends within the grace time. Halfway through, connections still
 * open are cut so that in-flight handlers fail fast and the database can close cleanly.
 */
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  setTimeout(() => {
    console.error(`Tandem did not stop within ${graceMs} ms of ${signal}; exiting anyway.`);
    process.exit(1);
  }, graceMs);
  // Nothing to close yet (still opening the database): a stale lock file is detected next start.
  if (!app || !database) process.exit(1);
  const [server, db] = [app, database];
  server.log.info({ signal }, 'shutting down');
  setTimeout(() => server.server.closeAllConnections(), Math.floor(graceMs / 2));
  void (async () => {
    try {
      await server.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      server.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  })();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => {
    console.error(`Tandem could not open its database: ${error.message}`);
    process.exit(1);
  },
);
app = await buildApp({ config, database, logger: { level: config.logLevel } });

try {
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
    `Tandem is running at http://localhost:${config.port}`,
  );
} catch (error) {
  app.log.error({ err: error }, 'could not start');
  await database.close();
  process.exit(1);
}
