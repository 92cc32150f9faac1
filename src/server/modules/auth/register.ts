import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { linkCreatorAccount } from '../creators/roster.ts';
import type { Actor } from './policies.ts';
import { toActor } from './present.ts';
import type { registerBody } from './schema.ts';
import { hashPassword, hashSecret } from './secrets.ts';
import { startSession } from './sessions.ts';
import { invites, users } from './tables.ts';

// Serialises first-user registration so two simultaneous set-ups cannot both become owner.
const SETUP_LOCK_KEY = 7_264_002;

export async function needsSetup(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates an account. The first account of an instance becomes the owner; every later one
 * needs a valid invitation, whose role and markets it takes.
 */
export async function register(db: Db, input: z.output<typeof registerBody>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(users);
    const first = (existing?.n ?? 0) === 0;
    let role: Actor['role'] = 'owner';
    let marketCodes: string[] = [];
    let inviteId: string | null = null;
    let creatorId: string | null = null;
    if (!first) {
      if (!input.inviteToken) throw new AppError(403, 'invite_required', 'error.invite_required');
      const [invite] = await tx
        .select()
        .from(invites)
        .where(
          and(
            eq(invites.tokenHash, hashSecret(input.inviteToken)),
            isNull(invites.acceptedAt),
            isNull(invites.revokedAt),
            gt(invites.expiresAt, sql`now()`),
          ),
        )
        .for('update');
      if (!invite) throw new AppError(400, 'invite_invalid', 'error.invite_invalid');
      if (invite.email !== input.email)
        throw new AppError(400, 'invite_email_mismatch', 'error.invite_email_mismatch');
      role = invite.role;
      marketCodes = invite.marketCodes;
      inviteId = invite.id;
      creatorId = invite.creatorId;
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw new AppError(409, 'email_taken', 'error.email_taken');
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
        timeZone: input.timeZone,
        role,
        marketCodes,
      })
      .returning();
    if (!user) throw new Error('insert returned no row');
    const actor = toActor(user);
    if (creatorId) await linkCreatorAccount(tx, creatorId, user.id);
    if (inviteId) {
      await tx
        .update(invites)
        .set({ acceptedAt: new Date(), acceptedBy: user.id })
        .where(eq(invites.id, inviteId));
    }
    await recordAuditEvent(tx, {
      actor: { id: user.id, name: user.name },
      action: first ? 'user.setup_owner' : 'user.registered',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, role, marketCodes, inviteId },
    });
    await publish(tx, 'workspace', { type: 'user.created', entityType: 'user', entityId: user.id });
    const session = await startSession(tx, user.id);
    return { user: actor, session };
  });
}
