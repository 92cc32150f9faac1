import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asDownload } from '../../http/download.ts';
import { originOf } from '../../http/html.ts';
import { requireUser } from '../auth/authenticate.ts';
import { renderCalendarFeed, rotateCalendarFeed } from './calendar-feed.ts';

const tags = ['Calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const origin = (request: FastifyRequest) => originOf(request, app.ctx.config.publicUrl);

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create or replace my iCalendar subscription URL (tasks due and campaign milestones)',
        response: { 201: z.object({ url: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rotateCalendarFeed(db, requireUser(request), origin(request))),
  );

  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags,
        summary: 'The iCalendar feed (the token in the URL is the credential)',
        params: z.strictObject({ file: z.string().regex(/^cal_[\w-]+\.ics$/) }),
      },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const body = await renderCalendarFeed(db, token, origin(request));
      return asDownload(reply.type('text/calendar; charset=utf-8'), 'tandem.ics')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
};
