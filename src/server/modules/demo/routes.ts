import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf } from '../../http/html.ts';
import { requireUser } from '../auth/authenticate.ts';
import { ImportFiles } from '../metrics/import-files.ts';
import { loadDemo } from './load-demo.ts';

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  // The demo's exports go through the real import; their temporary files live with the others
  // (DATA_DIR/import-tmp) and the request waits for them, so nothing runs on after it.
  const files = new ImportFiles(app.ctx.config.dataDir);
  app.addHook('onClose', async () => files.close());
  app.post(
    '/api/demo',
    {
      schema: {
        tags: ['Demo'],
        summary:
          'Load the demo workspace: the Russia + US wellness launch, every feature populated (admins, once)',
        response: {
          201: z.object({
            campaignId: z.uuid(),
            /** The demo's team with their generated passwords: shown once, to the admin who loads it. */
            people: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                email: z.string(),
                role: z.string(),
                marketCodes: z.array(z.string()),
                password: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await loadDemo(
            app.ctx.database.db,
            requireUser(request),
            originOf(request, app.ctx.config.publicUrl),
            files,
          ),
        ),
  );
};
