import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asDownload } from '../../http/download.ts';
import { forbidden } from '../../http/errors.ts';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { addComment, setWatching, taskDetail } from './discuss-task.ts';
import { tasksCsv } from './export-tasks.ts';
import { campaignLabels, findTasks } from './find-tasks.ts';
import {
  commentBody,
  createTaskBody,
  listTasksQuery,
  taskDetailSchema,
  taskPageSchema,
  taskParams,
  taskSchema,
  updateTaskBody,
  watcherBody,
} from './schema.ts';
import { createTask, deleteTask, updateTask } from './write-task.ts';

const tags = ['Tasks'];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/api/campaigns/:id/tasks',
    {
      schema: {
        tags,
        params: campaignParams,
        body: createTaskBody,
        response: { 201: taskSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTask(db, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/campaigns/:id/tasks',
    {
      schema: {
        tags,
        summary:
          'Tasks with filters, sorting and cursor pagination (status may list several: status=todo,blocked)',
        params: campaignParams,
        querystring: listTasksQuery,
        response: { 200: taskPageSchema },
      },
    },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      await findCampaign(db, request.params.id);
      return findTasks(db, { campaignId: request.params.id }, request.query);
    },
  );

  app.get(
    '/api/campaigns/:id/labels',
    {
      schema: {
        tags,
        summary: 'Every label used in the campaign’s tasks',
        params: campaignParams,
        response: { 200: z.object({ labels: z.array(z.string()) }) },
      },
    },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      await findCampaign(db, request.params.id);
      return { labels: await campaignLabels(db, request.params.id) };
    },
  );

  app.get(
    '/api/campaigns/:id/tasks.csv',
    {
      schema: {
        tags,
        summary: 'The filtered tasks as CSV',
        params: campaignParams,
        querystring: listTasksQuery,
      },
    },
    async (request, reply) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      const campaign = await findCampaign(db, request.params.id);
      return asDownload(reply.type('text/csv; charset=utf-8'), `tasks-${campaign.id}.csv`).send(
        await tasksCsv(db, campaign, request.query),
      );
    },
  );

  app.get(
    '/api/me/tasks',
    {
      schema: {
        tags,
        summary: 'My tasks across campaigns',
        querystring: listTasksQuery,
        response: { 200: taskPageSchema },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!mayViewCampaign(actor)) throw forbidden();
      return findTasks(
        db,
        { ownerId: actor.id },
        { ...request.query, sort: request.query.sort === 'board' ? 'due' : request.query.sort },
      );
    },
  );

  app.get(
    '/api/tasks/:id',
    { schema: { tags, params: taskParams, response: { 200: taskDetailSchema, 404: errorSchema } } },
    async (request) => taskDetail(db, requireUser(request), request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change a task; 409 when version is not the current one',
        params: taskParams,
        body: updateTaskBody,
        response: { 200: taskSchema, 409: errorSchema },
      },
    },
    async (request) => updateTask(db, requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/tasks/:id',
    { schema: { tags, params: taskParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTask(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/tasks/:id/comments',
    {
      schema: {
        tags,
        params: taskParams,
        body: commentBody,
        response: {
          201: z.object({
            id: z.uuid(),
            authorId: z.uuid(),
            authorName: z.string(),
            body: z.string(),
            createdAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addComment(db, requireUser(request), request.params.id, request.body.body)),
  );

  app.post(
    '/api/tasks/:id/watchers',
    { schema: { tags, params: taskParams, body: watcherBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await setWatching(db, requireUser(request), request.params.id, request.body.userId, true);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/tasks/:id/watchers/:userId',
    {
      schema: {
        tags,
        params: z.strictObject({ id: z.uuid(), userId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setWatching(db, requireUser(request), request.params.id, request.params.userId, false);
      return reply.status(204).send(null);
    },
  );
};
