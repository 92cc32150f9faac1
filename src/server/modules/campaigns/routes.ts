import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../http/errors.ts';
import { streamScope } from '../../realtime/routes.ts';
import { requireUser } from '../auth/authenticate.ts';
import { errorSchema } from '../auth/schema.ts';
import { createCampaign } from './create-campaign.ts';
import { findCampaign, listCampaigns, presentCampaign } from './find-campaign.ts';
import { mayViewCampaign } from './policies.ts';
import { campaignParams, campaignSchema, createCampaignBody, updateCampaignBody } from './schema.ts';
import { updateCampaign } from './update-campaign.ts';

const tags = ['Campaigns'];

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign with two or more markets',
        body: createCampaignBody,
        response: { 201: campaignSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(db, requireUser(request), request.body)),
  );

  app.get(
    '/api/campaigns',
    { schema: { tags, response: { 200: z.object({ campaigns: z.array(campaignSchema) }) } } },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      return { campaigns: (await listCampaigns(db)).map(presentCampaign) };
    },
  );

  app.get(
    '/api/campaigns/:id',
    { schema: { tags, params: campaignParams, response: { 200: campaignSchema, 404: errorSchema } } },
    async (request) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      return presentCampaign(await findCampaign(db, request.params.id));
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign; send the version you started from to be protected against overwriting',
        params: campaignParams,
        body: updateCampaignBody,
        response: { 200: campaignSchema, 409: errorSchema },
      },
    },
    async (request) => updateCampaign(db, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/campaigns/:id/events',
    {
      schema: {
        tags: ['Realtime'],
        summary: 'Server-Sent Events: one per committed change in the campaign',
        params: campaignParams,
      },
    },
    async (request, reply) => {
      if (!mayViewCampaign(requireUser(request))) throw forbidden();
      await findCampaign(db, request.params.id);
      streamScope(app, request, reply, `campaign:${request.params.id}`);
    },
  );
};
