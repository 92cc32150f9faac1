import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { decideEscalation } from './decide-escalation.ts';
import { findEscalation, listEscalations } from './find-escalations.ts';
import { raiseEscalation } from './raise-escalation.ts';
import {
  decisionBody,
  escalationListSchema,
  escalationParams,
  escalationSchema,
  listEscalationsQuery,
  raiseEscalationBody,
} from './schema.ts';

const tags = ['Escalations'];

export const escalationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/api/campaigns/:id/escalations',
    {
      schema: {
        tags,
        summary:
          'Raise an escalation under one of the brief’s rules (optionally from a task, draft, engagement or milestone)',
        params: campaignParams,
        body: raiseEscalationBody,
        response: {
          201: escalationSchema,
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const raised = await db.transaction((tx) =>
        raiseEscalation(tx, actor, request.params.id, request.body),
      );
      return reply.status(201).send(raised);
    },
  );

  app.get(
    '/api/campaigns/:id/escalations',
    {
      schema: {
        tags,
        summary: 'The campaign’s escalations, newest first (filter by status or by the item raised from)',
        params: campaignParams,
        querystring: listEscalationsQuery,
        response: { 200: escalationListSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => listEscalations(db, requireUser(request), request.params.id, request.query),
  );

  app.get(
    '/api/escalations/:id',
    {
      schema: {
        tags,
        params: escalationParams,
        response: { 200: escalationSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => findEscalation(db, requireUser(request), request.params.id),
  );

  app.post(
    '/api/escalations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide an open escalation (the current decider or an admin); 409 once it is closed',
        params: escalationParams,
        body: decisionBody,
        response: { 200: escalationSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => decideEscalation(db, requireUser(request), request.params.id, request.body),
  );
};
