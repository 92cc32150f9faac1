import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { readLaunchControl } from './launch-control.ts';
import { createMilestone, deleteMilestone, readTimeline, updateMilestone } from './milestones.ts';
import {
  createMilestoneBody,
  launchControlSchema,
  launchWindowSchema,
  milestoneParams,
  milestoneSchema,
  timelineSchema,
  updateMilestoneBody,
} from './schema.ts';

const tags = ['Timeline'];
const savedMilestone = milestoneSchema.extend({ launchWindow: launchWindowSchema });

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/api/campaigns/:id/milestones',
    {
      schema: {
        tags,
        summary:
          'Add a milestone at an instant or a local time in a zone; 409 launch_window_exceeded unless confirmOutsideWindow',
        params: campaignParams,
        body: createMilestoneBody,
        response: { 201: savedMilestone, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMilestone(db, requireUser(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/milestones/:id',
    {
      schema: {
        tags,
        params: milestoneParams,
        body: updateMilestoneBody,
        response: { 200: savedMilestone, 409: errorSchema },
      },
    },
    async (request) => updateMilestone(db, requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/milestones/:id',
    { schema: { tags, params: milestoneParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteMilestone(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/campaigns/:id/timeline',
    {
      schema: {
        tags,
        summary: "Milestones with each market's local time side by side, and the launch-window check",
        params: campaignParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => readTimeline(db, requireUser(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/launch',
    {
      schema: {
        tags,
        summary:
          "Launch control: each market's and each creator's planned and actual go-live, who is late and by how much",
        params: campaignParams,
        response: { 200: launchControlSchema },
      },
    },
    async (request) => readLaunchControl(db, requireUser(request), request.params.id),
  );
};
