import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { announceAccessRevoked } from './access-revoked.ts';
import { announceCredentialChange } from './credential-cache.ts';
import { presentListedUser } from './list-users.ts';
import { type Actor, isAdmin } from './policies.ts';
import type { updateUserBody } from './schema.ts';
import { passwordResets, sessions, users } from './tables.ts';

type UserRow = typeof users.$inferSelect;

/**
 * Who may manage whom (role, markets, activation, reset links):
 * - only the owner and admins manage accounts;
 * - nobody manages the owner (the owner's role is fixed; there is no transfer yet);
 * - admin accounts are managed only by the owner, and only the owner makes admins;
 * - nobody grants the owner role;
 * - nobody manages their own account this way: no own role, markets or deactivation (an admin
 *   could lock themselves out); their profile and password are under /api/me.
 */
export function mayManageUser(actor: Actor, target: Pick<UserRow, 'id' | 'role'>): boolean {
  if (!isAdmin(actor)) return false;
  if (target.role === 'owner') return false;
  if (target.role === 'admin' && actor.role !== 'owner') return false;
  return true;
}

/** Finds a user an admin may manage, locked for the change; 404 when unknown, 403 when not theirs. */
export async function lockManagedUser(tx: DbOrTx, actor: Actor, id: string) {
  if (!isAdmin(actor)) throw forbidden();
  const [target] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!target) throw notFound();
  if (target.role === 'owner') throw new AppError(403, 'owner_protected', 'error.owner_protected');
  if (!mayManageUser(actor, target)) {
    throw new AppError(403, 'role_not_allowed', 'error.role_not_allowed', { role: target.role });
  }
  return target;
}

/**
 * Changes a user's role, markets or activation. Deactivating ends their sessions at once, and their
 * API tokens are refused while deactivated (kept, so reactivation restores the integrations).
 * Every instance forgets the user's cached credentials through NOTIFY.
 */
export async function updateUser(db: Db, actor: Actor, id: string, changes: z.output<typeof updateUserBody>) {
  return db.transaction(async (tx) => {
    if (!isAdmin(actor)) throw forbidden();
    if (id === actor.id) {
      throw new AppError(403, 'cannot_change_self', 'error.cannot_change_self');
    }
    const current = await lockManagedUser(tx, actor, id);
    if (changes.role !== undefined && changes.role !== current.role) {
      if (changes.role === 'owner' || (changes.role === 'admin' && actor.role !== 'owner')) {
        throw new AppError(403, 'role_not_allowed', 'error.role_not_allowed', { role: changes.role });
      }
      // A creator account is an external guest tied to a roster record: it neither becomes staff
      // nor does a staff account become one (invite them as a creator instead).
      if (changes.role === 'creator' || current.role === 'creator') {
        throw new AppError(400, 'creator_role_fixed', 'error.creator_role_fixed');
      }
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<UserRow> = {};
    if (changes.role !== undefined && changes.role !== current.role) {
      before.role = current.role;
      after.role = changes.role;
      set.role = changes.role;
    }
    if (changes.marketCodes !== undefined) {
      const next = [...new Set(changes.marketCodes)].sort();
      const previous = [...current.marketCodes].sort();
      if (next.join(',') !== previous.join(',')) {
        before.marketCodes = current.marketCodes;
        after.marketCodes = next;
        set.marketCodes = next;
      }
    }
    const wasActive = current.deactivatedAt === null;
    if (changes.active !== undefined && changes.active !== wasActive) {
      before.active = wasActive;
      after.active = changes.active;
      set.deactivatedAt = changes.active ? null : new Date();
    }
    if (Object.keys(set).length === 0) return presentListedUser(current);
    const [updated] = await tx
      .update(users)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    if (!updated) throw new Error('update returned no row');
    if (changes.active === false && wasActive) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      // Open reset links die with the deactivation: reactivation does not bring them back.
      await tx
        .update(passwordResets)
        .set({ expiresAt: sql`now()` })
        .where(
          and(
            eq(passwordResets.userId, id),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, sql`now()`),
          ),
        );
    }
    const action =
      after.active === false
        ? 'user.deactivated'
        : after.active === true
          ? 'user.reactivated'
          : 'user.access_changed';
    await recordAuditEvent(tx, {
      actor,
      action,
      entityType: 'user',
      entityId: id,
      before: { email: current.email, ...before },
      after: { email: current.email, ...after },
    });
    await announceCredentialChange(tx, id);
    await announceAccessRevoked(tx, id);
    await publish(tx, 'workspace', { type: 'user.updated', entityType: 'user', entityId: id });
    return presentListedUser(updated);
  });
}
