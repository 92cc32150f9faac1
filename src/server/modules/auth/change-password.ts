import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { announceAccessRevoked } from './access-revoked.ts';
import { announceCredentialChange } from './credential-cache.ts';
import { enforceLoginLimit, recordLoginFailure } from './login-limit.ts';
import type { Actor } from './policies.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { sessions, users } from './tables.ts';

/**
 * A signed-in user changes their password: the current one is checked (wrong guesses count towards
 * the account's sign-in limit, so a borrowed session cannot brute-force it), every other session
 * ends, the one making the change stays.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionHash: string | null; address: string },
) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) throw new Error('signed-in user vanished');
  await enforceLoginLimit(db, actor.email, input.address, null);
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await recordLoginFailure(db, actor.email, input.address);
    throw new AppError(400, 'wrong_password', 'error.wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
    const others = input.keepSessionHash
      ? and(eq(sessions.userId, actor.id), ne(sessions.id, input.keepSessionHash))
      : eq(sessions.userId, actor.id);
    const ended = await tx.delete(sessions).where(others).returning({ id: sessions.id });
    await recordAuditEvent(tx, {
      actor,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: actor.id,
      after: { otherSessionsEnded: ended.length },
    });
    await announceCredentialChange(tx, actor.id);
    if (ended.length > 0) await announceAccessRevoked(tx, actor.id);
  });
}
