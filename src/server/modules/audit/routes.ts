import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../http/errors.ts';
import { instant } from '../../http/instant.ts';
import { requireUser } from '../auth/authenticate.ts';
import { mayReadAudit } from '../auth/policies.ts';
import { findAuditEvents } from './find-events.ts';

const auditQuery = z.strictObject({
  campaignId: z.uuid().optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  campaignId: z.string().nullable(),
  /** The version of the action's payload schema (src/server/modules/audit/catalogue.ts). */
  version: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
});

/** Read-only on purpose: there is no route that edits or deletes an audit event. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The audit log, newest first',
        querystring: auditQuery,
        response: { 200: z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      if (!mayReadAudit(requireUser(request))) throw forbidden();
      const { from, to, ...rest } = request.query;
      return findAuditEvents(app.ctx.database.db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
};
