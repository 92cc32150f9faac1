import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../db/index.ts';

/**
 * Long-lived responses (Server-Sent Events) were authorized once, when they opened. When a user's
 * access shrinks (deactivated, role or markets changed, sessions ended by a password change or
 * reset), every instance ends that user's open streams; the browser reconnects at once and is
 * authorized again with what the user has now (or refused).
 */
export const ACCESS_REVOKED_CHANNEL = 'tandem_access_revoked';

// Keyed by the app's context, which the root instance and its plugins share.
const watchers = new WeakMap<object, Map<string, Set<() => void>>>();

function registry(app: FastifyInstance) {
  let map = watchers.get(app.ctx);
  if (!map) {
    map = new Map();
    watchers.set(app.ctx, map);
  }
  return map;
}

/** Call in the transaction that shrinks the user's access. */
export async function announceAccessRevoked(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${ACCESS_REVOKED_CHANNEL}, ${userId})`);
}

/** Ends the user's open streams on this instance. */
export function endStreamsOf(app: FastifyInstance, userId: string): void {
  const ends = registry(app).get(userId);
  if (!ends) return;
  for (const end of [...ends]) end();
}

/** Registers a stream's `end`; returns the function that forgets it (call when the stream closes). */
export function watchAccess(app: FastifyInstance, userId: string, end: () => void): () => void {
  const map = registry(app);
  let ends = map.get(userId);
  if (!ends) {
    ends = new Set();
    map.set(userId, ends);
  }
  ends.add(end);
  return () => {
    ends.delete(end);
    if (ends.size === 0 && map.get(userId) === ends) map.delete(userId);
  };
}

export async function listenForRevokedAccess(app: FastifyInstance): Promise<void> {
  const unlisten = await app.ctx.database.listen(ACCESS_REVOKED_CHANNEL, (userId) =>
    endStreamsOf(app, userId),
  );
  app.addHook('onClose', async () => unlisten());
}
