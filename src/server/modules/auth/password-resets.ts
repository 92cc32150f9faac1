import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { enqueueMail } from '../../mail/enqueue-mail.ts';
import { passwordResetMail } from '../../mail/templates/password-reset.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { announceAccessRevoked } from './access-revoked.ts';
import { announceCredentialChange } from './credential-cache.ts';
import { clearAccountFailures } from './login-limit.ts';
import type { Actor } from './policies.ts';
import { iso } from './present.ts';
import { hashPassword, hashSecret, newSecret } from './secrets.ts';
import { passwordResets, sessions, users } from './tables.ts';
import { lockManagedUser } from './update-user.ts';

/** One-time password reset links: issued by an admin or requested by e-mail, used once. */
export const RESET_HOURS = 24;

async function createResetToken(tx: DbOrTx, userId: string, createdBy: string | null) {
  // A new link replaces any open one: only the latest link works.
  await tx
    .update(passwordResets)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(passwordResets.userId, userId),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    );
  const token = newSecret();
  const [row] = await tx
    .insert(passwordResets)
    .values({
      tokenHash: hashSecret(token),
      userId,
      createdBy,
      expiresAt: new Date(Date.now() + RESET_HOURS * 3600 * 1000),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { token, row };
}

/** An admin issues a one-time link for a user they manage (shown once; stored hashed). */
export async function issueResetLink(db: Db, actor: Actor, userId: string, origin: string) {
  return db.transaction(async (tx) => {
    if (userId === actor.id) throw new AppError(403, 'cannot_change_self', 'error.cannot_change_self');
    const target = await lockManagedUser(tx, actor, userId);
    if (target.deactivatedAt) throw new AppError(409, 'user_deactivated', 'error.user_deactivated');
    const { token, row } = await createResetToken(tx, userId, actor.id);
    await recordAuditEvent(tx, {
      actor,
      action: 'user.password_reset_issued',
      entityType: 'user',
      entityId: userId,
      after: { email: target.email, expiresAt: iso(row.expiresAt) },
    });
    return { url: `${origin}/reset/${token}`, expiresAt: iso(row.expiresAt)! };
  });
}

/**
 * Someone asks for a reset by e-mail address. The answer never says whether the address is known.
 * For an active account a token is created and the link is queued as an e-mail in the same
 * transaction; the SMTP conversation happens in a job, so the answer takes as long either way.
 */
export async function requestReset(db: Db, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        timeZone: users.timeZone,
      })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deactivatedAt)))
      .for('update');
    if (!user) return;
    const { token, row } = await createResetToken(tx, user.id, null);
    await recordAuditEvent(tx, {
      actor: null,
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      after: { expiresAt: iso(row.expiresAt) },
    });
    await enqueueMail(tx, passwordResetMail({ user, token, expiresAt: row.expiresAt }));
  });
}

/** Uses a reset link once: sets the password and ends every session of that user. */
export async function confirmReset(db: Db, token: string, newPassword: string): Promise<string> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ reset: passwordResets, user: { id: users.id, name: users.name, email: users.email } })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, hashSecret(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
          isNull(users.deactivatedAt),
        ),
      )
      .for('update', { of: passwordResets });
    if (!found) throw new AppError(400, 'reset_invalid', 'error.reset_invalid');
    const { reset, user } = found;
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await clearAccountFailures(tx, user.email);
    await recordAuditEvent(tx, {
      actor: { id: user.id, name: user.name },
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { resetId: reset.id, issuedBy: reset.createdBy, sessionsEnded: ended.length },
    });
    await announceCredentialChange(tx, user.id);
    await announceAccessRevoked(tx, user.id);
    return user.id;
  });
}
