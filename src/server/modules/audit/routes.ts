import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLocale } from '../../../shared/i18n/index.ts';
import { asDownload } from '../../http/download.ts';
import { forbidden } from '../../http/errors.ts';
import { instant } from '../../http/instant.ts';
import { requestLocale } from '../../http/locale.ts';
import { requireUser } from '../auth/authenticate.ts';
import { mayReadAudit } from '../auth/policies.ts';
import { marketCode, timeZone } from '../auth/schema.ts';
import { auditCsv } from './export-csv.ts';
import { findAuditEvents, findAuditFacets } from './find-events.ts';

/** Several values: repeated (`?action=a&action=b`) or comma-separated (`?action=a,b`). */
const listOf = (item: z.ZodString, description: string) =>
  z
    .union([z.string().max(2000), z.array(z.string().max(2000)).max(50)])
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value])
            .flatMap((part) => part.split(','))
            .map((part) => part.trim())
            .filter(Boolean),
    )
    .pipe(z.array(item).max(50).optional())
    .describe(description);

const filterShape = {
  campaignId: z.uuid().optional(),
  entityType: listOf(
    z.string().regex(/^[a-z_]{1,64}$/),
    'One entity type or several (comma-separated or repeated): task, milestone, engagement…',
  ),
  entityId: z.string().max(128).optional(),
  actorId: z.uuid().optional(),
  action: listOf(
    z.string().regex(/^[a-z_]{1,40}\.[a-z_]{1,40}$/),
    'One action or several (comma-separated or repeated): task.created, engagement.status_changed…',
  ),
  marketCode: listOf(marketCode, 'One market code or several (comma-separated or repeated)'),
  from: instant.optional(),
  to: instant.optional(),
};

const auditQuery = z.strictObject({
  ...filterShape,
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const exportQuery = z.strictObject({
  ...filterShape,
  language: z
    .enum(['en', 'ru'])
    .optional()
    .describe("Headers and names in this language (default: the caller's)"),
  timeZone: timeZone.optional().describe("The zone of the local-time column (default: the caller's)"),
});

const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  campaignId: z.string().nullable(),
  entityLabel: z
    .string()
    .nullable()
    .describe(
      "The entity's name when the event was written (null when nothing names it: show the entity type's name)",
    ),
  marketCode: z
    .string()
    .nullable()
    .describe("The entity's market (null: the whole campaign or the workspace)"),
  /** The version of the action's payload schema (src/server/modules/audit/catalogue.ts). */
  version: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
});

const facetsSchema = z.object({
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
  marketCodes: z.array(z.string()),
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
});

const toDates = <T extends { from?: string | undefined; to?: string | undefined }>({
  from,
  to,
  ...rest
}: T) => ({
  ...rest,
  from: from ? new Date(from) : undefined,
  to: to ? new Date(to) : undefined,
});

/** Read-only on purpose: there is no route that edits or deletes an audit event. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The audit log, newest first (a market lead or member sees their markets’ events)',
        querystring: auditQuery,
        response: { 200: z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!mayReadAudit(actor)) throw forbidden();
      return findAuditEvents(db, actor, toDates(request.query));
    },
  );

  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The filtered audit log as CSV (same filters as GET /api/audit), newest first',
        querystring: exportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, UTF-8 with a byte-order mark') },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!mayReadAudit(actor)) throw forbidden();
      const { language, timeZone: zone, ...filter } = request.query;
      const locale = isLocale(language) ? language : requestLocale(request);
      const stream = auditCsv(db, actor, toDates(filter), locale, zone ?? actor.timeZone);
      const day = new Date().toISOString().slice(0, 10);
      return asDownload(reply.type('text/csv; charset=utf-8'), `audit-${day}.csv`).send(stream);
    },
  );

  app.get(
    '/api/audit/facets',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The actions, entity types, markets and people present in the log (or one campaign’s)',
        querystring: z.strictObject({ campaignId: z.uuid().optional() }),
        response: { 200: facetsSchema },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!mayReadAudit(actor)) throw forbidden();
      return findAuditFacets(db, actor, request.query.campaignId);
    },
  );
};
