import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/index.ts';
import { unauthenticated } from '../../http/errors.ts';
import { listenForRevokedAccess } from './access-revoked.ts';
import { CREDENTIALS_CHANNEL } from './credential-cache.ts';
import type { Actor } from './policies.ts';
import { hashSecret } from './secrets.ts';
import { apiTokens, sessions, users } from './tables.ts';

export const SESSION_COOKIE = 'tandem_session';
export const SESSION_DAYS = 30;

const actorColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  marketCodes: users.marketCodes,
  locale: users.locale,
  timeZone: users.timeZone,
};

async function actorForSession(db: Db, sessionHash: string): Promise<(Actor & { expiresAt: Date }) | null> {
  const [row] = await db
    .select({ ...actorColumns, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionHash), gt(sessions.expiresAt, sql`now()`), isNull(users.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

async function actorForToken(db: Db, tokenHash: string): Promise<(Actor & { tokenId: string }) | null> {
  const [row] = await db
    .select({ ...actorColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    // A deactivated user's tokens are kept (reactivation restores them) but never accepted.
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(users.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

/** Resolves the caller on every request; routes decide with `requireUser` whether one is needed. */
export async function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('user', null);
  app.decorateRequest('credential', null);
  const { db } = app.ctx.database;
  const cache = app.ctx.credentials;
  const unlisten = await app.ctx.database.listen(CREDENTIALS_CHANNEL, (userId) => cache.forgetUser(userId));
  app.addHook('onClose', async () => unlisten());
  await listenForRevokedAccess(app);
  // NOTIFY reaches this instance a moment after the commit; a caller who just signed out or
  // revoked a token must not be served from the cache in that moment, so routes that change
  // credentials or the profile (config.changesCredentials) clear the caller's entries before the
  // response leaves.
  app.addHook('onSend', async (request) => {
    if (request.user && request.routeOptions.config.changesCredentials) cache.forgetUser(request.user.id);
  });
  // last_used_at is informative: updating it at most once a minute per token keeps reads cheap.
  const lastTouched = new Map<string, number>();

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const tokenHash = hashSecret(header.slice(7).trim());
      let cached = cache.get(tokenHash);
      if (!cached) {
        const epoch = cache.epoch;
        const found = await actorForToken(db, tokenHash);
        if (!found) return;
        const { tokenId, ...actor } = found;
        cache.set(tokenHash, actor, tokenId, undefined, epoch);
        cached = { actor, tokenId, expiresAt: 0 };
      }
      const tokenId = cached.tokenId!;
      request.user = cached.actor;
      request.credential = { kind: 'token', id: tokenId };
      const now = Date.now();
      if ((lastTouched.get(tokenId) ?? 0) < now - 60_000) {
        lastTouched.set(tokenId, now);
        await db
          .update(apiTokens)
          .set({ lastUsedAt: new Date(now) })
          .where(eq(apiTokens.id, tokenId));
      }
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const sessionHash = hashSecret(cookie);
    let actor = cache.get(sessionHash)?.actor;
    if (!actor) {
      const epoch = cache.epoch;
      const found = await actorForSession(db, sessionHash);
      if (!found) return;
      const { expiresAt, ...rest } = found;
      actor = rest;
      cache.set(sessionHash, actor, null, expiresAt, epoch);
    }
    request.user = actor;
    request.credential = { kind: 'session', id: sessionHash };
  });
}

export function requireUser(request: FastifyRequest): Actor {
  if (!request.user) throw unauthenticated();
  return request.user;
}
