import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../../http/errors.ts';
import { originOf } from '../../http/html.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { requireUser, SESSION_COOKIE, SESSION_DAYS } from './authenticate.ts';
import { changePassword } from './change-password.ts';
import { createInvitation, findOpenInvitation, listInvitations, revokeInvitation } from './invitations.ts';
import { listUsers } from './list-users.ts';
import { login, logout } from './login.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from './login-limit.ts';
import { confirmReset, issueResetLink, requestReset } from './password-resets.ts';
import { isAdmin, isStaff } from './policies.ts';
import { presentUser } from './present.ts';
import { needsSetup, register } from './register.ts';
import {
  changePasswordBody,
  createInviteBody,
  createTokenBody,
  errorSchema,
  idParams,
  inviteSchema,
  listedUserSchema,
  loginBody,
  registerBody,
  resetConfirmBody,
  resetRequestBody,
  tokenSchema,
  updateMeBody,
  updateUserBody,
  userSchema,
} from './schema.ts';
import { updateProfile } from './update-profile.ts';
import { updateUser } from './update-user.ts';

const tags = ['Accounts'];

/** Our cookies are all httpOnly, SameSite=Lax and Secure over https; they differ in path and life. */
function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookie: { name: string; value: string; path: string; days: number },
) {
  reply.setCookie(cookie.name, cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: cookie.path,
    maxAge: cookie.days * 24 * 3600,
  });
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string) {
  setCookie(request, reply, { name: SESSION_COOKIE, value, path: '/', days: SESSION_DAYS });
}

/** A 429 from the shared sign-in limit carries `Retry-After`, like the plugin's. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') {
      reply.header('retry-after', String(error.values?.seconds ?? 60));
    }
    throw error;
  }
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
      schema: {
        tags,
        summary:
          'Sign in (limits shared by all instances: 10 failures per account, 50 per address, 15 minutes)',
        body: loginBody,
        response: {
          200: z.object({ user: userSchema }),
          401: errorSchema,
          403: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { user, session, deviceCookie } = await withRetryAfter(reply, () =>
        login(db, {
          email: request.body.email,
          password: request.body.password,
          address: request.ip,
          deviceCookie: request.cookies[DEVICE_COOKIE],
        }),
      );
      // The session cookie first: clients that read one Set-Cookie header see it.
      setSessionCookie(request, reply, session.cookie);
      if (deviceCookie) {
        setCookie(request, reply, {
          name: DEVICE_COOKIE,
          value: deviceCookie,
          path: '/api/auth',
          days: DEVICE_DAYS,
        });
      }
      return { user: presentUser(user) };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: rateLimited(10),
      schema: {
        tags,
        summary: 'Ask for a reset link by e-mail (always 202: never says whether the address is known)',
        body: resetRequestBody,
        response: { 202: z.null(), 429: errorSchema },
      },
    },
    async (request, reply) => {
      await requestReset(db, request.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: rateLimited(10),
      schema: {
        tags,
        summary: 'Set a new password with a one-time reset link; ends every session of that user',
        body: resetConfirmBody,
        response: { 204: z.null(), 400: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const userId = await confirmReset(db, request.body.token, request.body.newPassword);
      app.ctx.credentials.forgetUser(userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { changesCredentials: true },
      schema: {
        tags,
        summary: 'Change your password: the current one is checked, your other sessions end',
        body: changePasswordBody,
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      await withRetryAfter(reply, () =>
        changePassword(db, actor, {
          ...request.body,
          keepSessionHash: request.credential?.kind === 'session' ? request.credential.id : null,
          address: request.ip,
        }),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { changesCredentials: true }, schema: { tags, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireUser(request);
      if (request.credential?.kind === 'session') await logout(db, actor, request.credential.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
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
          200: z.object({ users: z.array(listedUserSchema) }),
        },
      },
    },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { users: await listUsers(db) };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's role, markets or activation (owner and admins)",
        params: idParams,
        body: updateUserBody,
        response: { 200: listedUserSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const updated = await updateUser(db, requireUser(request), request.params.id, request.body);
      // NOTIFY reaches this instance a moment after the commit: forget the user here at once.
      app.ctx.credentials.forgetUser(request.params.id);
      return updated;
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: 'Issue a one-time password reset link for a user (shown once, valid 24 hours)',
        params: idParams,
        response: {
          201: z.object({ url: z.string(), expiresAt: z.string() }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const created = await issueResetLink(
        db,
        requireUser(request),
        request.params.id,
        originOf(request, app.ctx.config.publicUrl),
      );
      return reply.status(201).send(created);
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
    { config: { changesCredentials: true }, schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeApiToken(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
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
          201: z.object({
            id: z.uuid(),
            token: z.string(),
            url: z.string(),
            expiresAt: z.string(),
            /** The invitation went to the mail queue (false when e-mail is off: share the link). */
            emailed: z.boolean(),
          }),
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

  app.delete(
    '/api/invites/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeInvitation(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
