import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/authenticate.ts';
import { loadDemo } from './load-demo.ts';

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/demo',
    {
      schema: {
        tags: ['Demo'],
        summary:
          'Load the demo workspace: the Russia + US wellness launch, every feature populated (admins, once)',
        response: { 201: z.object({ campaignId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await loadDemo(app.ctx.database.db, requireUser(request))),
  );
};
