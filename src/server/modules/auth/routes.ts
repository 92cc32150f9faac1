import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../../http/errors.ts';
import { originOf } from '../../http/html.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { requireUser, SESSION_COOKIE, SESSION_DAYS } from './authenticate.ts';
import {
  createInvitation,
  findOpenInvitation,
  listInvitations,
  listUsers,
  revokeInvitation,
} from './invitations.ts';
import { login, logout } from './login.ts';
import { isAdmin, isStaff } from './policies.ts';
import { presentUser } from './present.ts';
import { needsSetup, register } from './register.ts';
import {
  createInviteBody,
  createTokenBody,
  errorSchema,
  idParams,
  inviteSchema,
  loginBody,
  registerBody,
  tokenSchema,
  updateMeBody,
  userSchema,
} from './schema.ts';
import { updateProfile } from './update-profile.ts';

const tags = ['Accounts'];

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, cookie: string) {
  reply.setCookie(SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

function rateLimited(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      // Per address and account, so one attacker cannot lock everyone else out of their own account.
      keyGenerator: (request: FastifyRequest) => {
        const body = request.body as { email?: unknown } | undefined;
        const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
        return `${request.ip}|${email}`;
      },
      errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
        new AppError(429, 'rate_limited', 'error.rate_limited', {
          seconds: Math.max(1, Math.ceil(context.ttl / 1000)),
        }),
    },
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'Whether the instance still needs its owner',
        response: { 200: z.object({ needsSetup: z.boolean() }) },
      },
    },
    async () => ({ needsSetup: await needsSetup(db) }),
  );

  app.post(
    '/api/auth/register',
    {
      config: rateLimited(10),
      schema: {
        tags,
        summary: 'Create an account: the first becomes the owner, later ones need an invitation',
        body: registerBody,
        response: {
          201: z.object({ user: userSchema }),
          400: errorSchema,
          403: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { user, session } = await register(db, request.body);
      setSessionCookie(request, reply, session.cookie);
      request.user = user;
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: rateLimited(10),
      schema: {
        tags,
        body: loginBody,
        response: { 200: z.object({ user: userSchema }), 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { user, session } = await login(db, request.body.email, request.body.password);
      setSessionCookie(request, reply, session.cookie);
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { changesCredentials: true }, schema: { tags } },
    async (request, reply) => {
      const actor = requireUser(request);
      if (request.credential?.kind === 'session') await logout(db, actor, request.credential.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get('/api/me', { schema: { tags, response: { 200: userSchema, 401: errorSchema } } }, async (request) =>
    presentUser(requireUser(request)),
  );

  app.patch(
    '/api/me',
    {
      config: { changesCredentials: true },
      schema: {
        tags,
        summary: 'Change name, language or time zone',
        body: updateMeBody,
        response: { 200: userSchema },
      },
    },
    async (request) => presentUser(await updateProfile(db, requireUser(request), request.body)),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        response: {
          200: z.object({ users: z.array(userSchema.omit({ locale: true }).extend({ locale: z.string() })) }),
        },
      },
    },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { users: await listUsers(db) };
    },
  );

  app.get(
    '/api/tokens',
    { schema: { tags, response: { 200: z.object({ tokens: z.array(tokenSchema) }) } } },
    async (request) => ({
      tokens: await listApiTokens(db, requireUser(request)),
    }),
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: createTokenBody,
        response: { 201: z.object({ id: z.uuid(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      return reply.status(201).send(await createApiToken(db, actor, request.body.name));
    },
  );

  app.delete(
    '/api/tokens/:id',
    { config: { changesCredentials: true }, schema: { tags, params: idParams } },
    async (request, reply) => {
      await revokeApiToken(db, requireUser(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/invites',
    { schema: { tags, response: { 200: z.object({ invites: z.array(inviteSchema) }) } } },
    async (request) => {
      if (!isAdmin(requireUser(request))) throw forbidden();
      return { invites: await listInvitations(db) };
    },
  );

  app.post(
    '/api/invites',
    {
      schema: {
        tags,
        summary: 'Invite someone by link with a role and markets',
        body: createInviteBody,
        response: {
          201: z.object({ id: z.uuid(), token: z.string(), url: z.string(), expiresAt: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const created = await createInvitation(
        db,
        actor,
        request.body,
        originOf(request, app.ctx.config.publicUrl),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/invites/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation offers (public: the link is the credential)',
        params: z.strictObject({ token: z.string().min(1).max(200) }),
        response: {
          200: z.object({
            email: z.string(),
            role: z.string(),
            marketCodes: z.array(z.string()),
            invitedByName: z.string(),
            expiresAt: z.string(),
          }),
        },
      },
    },
    async (request) => findOpenInvitation(db, request.params.token),
  );

  app.delete('/api/invites/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await revokeInvitation(db, requireUser(request), request.params.id);
    return reply.status(204).send();
  });
};
