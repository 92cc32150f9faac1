import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/authenticate.ts';
import { deleteWebhook } from './delete-webhook.ts';
import { getWebhook, listDeliveries, listWebhooks, webhookEventGroups } from './find-webhooks.ts';
import { assertMayManageWebhooks } from './policies.ts';
import { redeliver } from './redeliver.ts';
import { registerWebhook } from './register-webhook.ts';
import {
  createdWebhookSchema,
  createWebhookBody,
  deliveriesQuery,
  deliveryParams,
  deliverySchema,
  eventsCatalogueSchema,
  updateWebhookBody,
  webhookParams,
  webhookSchema,
} from './schema.ts';
import { sendTestDelivery } from './send-test.ts';
import { updateWebhook } from './update-webhook.ts';

const tags = ['Webhooks'];

/** Outgoing webhooks, for owners and admins (see README "Webhooks"). */
export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Registered webhooks, newest first (never their secrets); admins only',
        response: { 200: z.object({ webhooks: z.array(webhookSchema) }) },
      },
    },
    async (request) => ({ webhooks: await listWebhooks(db, requireUser(request)) }),
  );

  app.get(
    '/api/webhooks/events',
    {
      schema: {
        tags,
        summary: 'The event names a webhook may ask for (audit actions), by entity; admins only',
        response: { 200: eventsCatalogueSchema },
      },
    },
    async (request) => {
      assertMayManageWebhooks(requireUser(request));
      return { groups: webhookEventGroups() };
    },
  );

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary:
          'Registers a URL for events (audit action names, or ["*"]); the signing secret is returned this once; admins only',
        body: createWebhookBody,
        response: { 201: createdWebhookSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerWebhook(db, requireUser(request), request.body)),
  );

  app.get(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'One webhook; admins only',
        params: webhookParams,
        response: { 200: webhookSchema },
      },
    },
    async (request) => getWebhook(db, requireUser(request), request.params.id),
  );

  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary:
          'Changes the URL, events or description, or pauses/resumes (resuming clears the failure count and sends what waited); admins only',
        params: webhookParams,
        body: updateWebhookBody,
        response: { 200: webhookSchema },
      },
    },
    async (request) => updateWebhook(db, requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Deletes a webhook and its delivery log; admins only',
        params: webhookParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteWebhook(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Queues a signed `ping` delivery (one attempt, sent even while paused); admins only',
        params: webhookParams,
        response: { 202: deliverySchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sendTestDelivery(db, requireUser(request), request.params.id)),
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log, newest first, with status, attempts and the exact body; admins only',
        params: webhookParams,
        querystring: deliveriesQuery,
        response: {
          200: z.object({ deliveries: z.array(deliverySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) => listDeliveries(db, requireUser(request), request.params.id, request.query),
  );

  app.post(
    '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary:
          'Sends a delivered or failed delivery again (same body and id, fresh retries); 409 while it is pending; admins only',
        params: deliveryParams,
        response: { 202: deliverySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await redeliver(db, requireUser(request), request.params.id, request.params.deliveryId)),
  );
};
