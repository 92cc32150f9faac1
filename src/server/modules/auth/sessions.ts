import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { SESSION_DAYS } from './authenticate.ts';
import { announceCredentialChange } from './credential-cache.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { sessions } from './tables.ts';

/** Starts a session and returns the cookie value (only its hash is stored). */
export async function startSession(tx: DbOrTx, userId: string): Promise<{ cookie: string; expiresAt: Date }> {
  const cookie = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await tx.insert(sessions).values({ id: hashSecret(cookie), userId, expiresAt });
  return { cookie, expiresAt };
}

export async function endSession(tx: DbOrTx, userId: string, sessionHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionHash));
  await announceCredentialChange(tx, userId);
}
