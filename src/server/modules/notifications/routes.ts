import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamScope } from '../../realtime/routes.ts';
import { requireUser } from '../auth/authenticate.ts';
import { listNotifications, markRead, readSettings, updateSettings } from './inbox.ts';
import { NOTIFICATION_GROUPS } from './kinds.ts';

const tags = ['Notifications'];

const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  urgent: z.boolean(),
  campaignId: z.string().nullable(),
  marketCode: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const listQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

const readBody = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

const kindSetting = z.strictObject({ inApp: z.boolean(), email: z.boolean() });
const digest = z.enum(['off', 'daily']);

const settingsSchema = z.object({
  kinds: z.record(z.string(), z.object({ inApp: z.boolean(), email: z.boolean() })),
  digest,
  emailAvailable: z.boolean(),
  catalogue: z.array(
    z.object({
      kind: z.string(),
      group: z.enum(NOTIFICATION_GROUPS),
      urgent: z.boolean(),
      audience: z.enum(['team', 'creator']),
      label: z.string(),
      default: z.object({ inApp: z.boolean(), email: z.boolean() }),
    }),
  ),
});

const settingsBody = z.strictObject({
  kinds: z.record(z.string().max(100), kindSetting).optional(),
  digest: digest.optional(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first (title and body in my language, times in my zone)',
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            unreadCount: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => listNotifications(db, requireUser(request), request.query),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some of my notifications read ({ids}) or all of them ({all: true})',
        body: readBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await markRead(db, requireUser(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'My channels per notification kind, the daily digest, and the kinds I can receive',
        response: { 200: settingsSchema },
      },
    },
    async (request) => readSettings(db, requireUser(request)),
  );

  app.put(
    '/api/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Change my channels per kind ({kind: {inApp, email}}; both false = off) and the digest',
        body: settingsBody,
        response: { 200: settingsSchema },
      },
    },
    async (request) => updateSettings(db, requireUser(request), request.body),
  );

  app.get(
    '/api/me/events',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events for me: a notification arrived, notifications were read',
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      streamScope(app, request, reply, `user:${actor.id}`);
    },
  );
};
