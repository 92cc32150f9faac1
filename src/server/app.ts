import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/index.ts';
import { compressionOptions } from './http/compression.ts';
import { registerCrossSiteCheck } from './http/cross-site.ts';
import { registerNoSniff } from './http/download.ts';
import { notFound, registerErrorHandling, routerError, sendError } from './http/errors.ts';
import { registerEmptyBodyAsObject } from './http/request-body.ts';
import { registerStorableTextCheck } from './http/storable.ts';
import { notificationsDigest } from './jobs/definitions/notifications-digest.ts';
import { notificationsSweep } from './jobs/definitions/notifications-sweep.ts';
import { sessionsPurgeExpired } from './jobs/definitions/sessions-purge-expired.ts';
import { jobRoutes } from './jobs/routes.ts';
import { JobRunner } from './jobs/runner.ts';
import { mailRoutes } from './mail/routes.ts';
import { configureMail } from './mail/settings.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { AuditSubscriptions } from './modules/audit/subscriptions.ts';
import { registerAuthentication } from './modules/auth/authenticate.ts';
import { CredentialCache } from './modules/auth/credential-cache.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { backupRoutes } from './modules/backup/routes.ts';
import { briefRoutes } from './modules/briefs/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { UPLOAD_TYPES } from './modules/creators/approvals.ts';
import { creatorRoutes } from './modules/creators/routes.ts';
import { demoRoutes } from './modules/demo/routes.ts';
import { escalationRoutes } from './modules/escalations/routes.ts';
import './modules/meetings/email-invitations.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { metricsRoutes } from './modules/metrics/routes.ts';
import { recoverStaleImports } from './modules/metrics/run-import.ts';
import './modules/notifications/reactions.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { retrospectiveRoutes } from './modules/retrospective/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { timelineRoutes } from './modules/timeline/routes.ts';
import { attachWebhooks, webhookRoutes } from './modules/webhooks/index.ts';
import './modules/webhooks/reactions.ts';
import { RealtimeHub } from './realtime/index.ts';
import { realtimeRoutes } from './realtime/routes.ts';
import { VERSION } from './version.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean | { level: string };
}

/** Builds the whole HTTP application; used by main.ts and by the tests. */
export async function buildApp({ config, database, logger = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: process.env.TRUST_PROXY === 'true',
    // Graceful shutdown: stop accepting, finish in-flight requests, then close the database.
    forceCloseConnections: 'idle',
    // Errors the router raises before any route runs still answer in the API's error shape.
    frameworkErrors: (error, request, reply) => sendError(request, reply, routerError(error)),
    // Slow clients: headers and the whole request must arrive in time and idle sockets are closed.
    // Node's request timeout stops counting once the request is received, so Server-Sent Events
    // (long responses with a heartbeat more often than the idle timeout) are not cut.
    requestTimeout: config.timeouts.request,
    connectionTimeout: config.timeouts.idle,
    keepAliveTimeout: config.timeouts.keepAlive,
    http: {
      headersTimeout: Math.min(config.timeouts.headers, config.timeouts.request),
      // Node checks the header and request deadlines on this interval (30 s by default).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(config.timeouts.headers / 4))),
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  configureMail(config, app.log);
  const hub = new RealtimeHub();
  await hub.start(database);
  const audit = new AuditSubscriptions(database.db, app.log);
  audit.attach(hub);
  const ctx: AppContext = { config, database, hub, audit, credentials: new CredentialCache() };
  app.decorate('ctx', ctx);
  app.addHook('preClose', async () => hub.endStreams());
  app.addHook('onClose', async () => {
    await audit.close();
    await hub.close();
  });

  await app.register(fastifyCookie);
  // Before any route: the plugin hooks every route added after it. Server-Sent Events are hijacked
  // streams and never pass through it; see http/compression.ts for what is compressed and how.
  await app.register(fastifyCompress, compressionOptions);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tandem API',
        version: VERSION,
        description: 'See docs/api.md in the repository (authentication, errors, instants, pagination).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerErrorHandling(app, config.bodyLimit);
  registerNoSniff(app);
  // Before authentication: a cross-site request on the session cookie is refused before any work.
  registerCrossSiteCheck(app, config.publicUrl);
  // Only JSON (and the CSV and file types below) may change anything: Fastify's default text/plain
  // parser would let a plain HTML form on another site post here (415 instead).
  app.removeContentTypeParser('text/plain');
  registerEmptyBodyAsObject(app);
  registerStorableTextCheck(app);
  // CSV bodies stay streams: imports parse them row by row and never hold a whole file.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
  // Uploaded files (drafts, signed PDFs): routes that accept them raise their own body limit.
  app.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  await registerAuthentication(app);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['Health'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, version: VERSION }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(auditRoutes);
  await app.register(realtimeRoutes);
  await app.register(campaignRoutes);
  await app.register(briefRoutes);
  await app.register(timelineRoutes);
  await app.register(taskRoutes);
  await app.register(calendarRoutes);
  await app.register(meetingRoutes);
  await app.register(creatorRoutes);
  await app.register(metricsRoutes);
  await app.register(escalationRoutes);
  await app.register(retrospectiveRoutes);
  await app.register(notificationRoutes);
  await app.register(demoRoutes);
  await app.register(backupRoutes);
  await attachWebhooks(app);
  await app.register(webhookRoutes);
  await recoverStaleImports(database.db, database.kind === 'pglite');

  // Background jobs: on by default; stopped on close (running jobs get a quarter of the grace).
  await app.register(jobRoutes);
  await app.register(mailRoutes);
  if (config.jobs.enabled) {
    const runner = new JobRunner(database, {
      ...config.jobs,
      schedules: [
        { name: sessionsPurgeExpired.name, everyMs: config.jobs.sessionsPurgeIntervalMs },
        { name: notificationsDigest.name, everyMs: config.mail.digestIntervalMs },
        { name: notificationsSweep.name, everyMs: config.jobs.notificationsSweepIntervalMs },
      ],
      log: app.log,
    });
    await runner.start();
    app.addHook('onClose', async () => runner.stop(Math.floor(config.timeouts.shutdownGrace / 4)));
  }

  await serveWebApp(app, config.webDir);
  return app;
}

/**
 * The built single-page app. Files are looked up per request (a rebuild needs no restart); a
 * missing file (a path with an extension) is a 404, every other non-API GET gets index.html.
 */
async function serveWebApp(app: FastifyInstance, webDir: string) {
  const hasWeb = () => fs.existsSync(path.join(webDir, 'index.html'));
  // Created when missing so that a build made after start-up is served without a restart.
  fs.mkdirSync(webDir, { recursive: true });
  // The build writes a .br and a .gz beside each file (vite-precompress.ts): sent as they are.
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' &&
      !pathname.startsWith('/api/') &&
      pathname !== '/api' &&
      !/\.[a-z0-9]+$/i.test(pathname);
    if (isPage && hasWeb()) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    return sendError(request, reply, notFound());
  });
}
