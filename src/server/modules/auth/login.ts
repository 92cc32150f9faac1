import { eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from './policies.ts';
import { toActor } from './present.ts';
import { burnPasswordCheck, verifyPassword } from './secrets.ts';
import { endSession, startSession } from './sessions.ts';
import { users } from './tables.ts';

export async function login(db: Db, email: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await burnPasswordCheck(password);
    throw new AppError(401, 'invalid_credentials', 'error.invalid_credentials');
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError(401, 'invalid_credentials', 'error.invalid_credentials');
  }
  return db.transaction(async (tx) => {
    const session = await startSession(tx, user.id);
    await recordAuditEvent(tx, {
      actor: { id: user.id, name: user.name },
      action: 'session.started',
      entityType: 'user',
      entityId: user.id,
    });
    const actor = toActor(user);
    return { user: actor, session };
  });
}

export async function logout(db: Db, actor: Actor, sessionHash: string) {
  await db.transaction(async (tx) => {
    await endSession(tx, actor.id, sessionHash);
    await recordAuditEvent(tx, { actor, action: 'session.ended', entityType: 'user', entityId: actor.id });
  });
}
