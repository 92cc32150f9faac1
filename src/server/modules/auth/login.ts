import { eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import {
  clearAccountFailures,
  enforceLoginLimit,
  isKnownDevice,
  recordLoginFailure,
  rememberDevice,
} from './login-limit.ts';
import type { Actor } from './policies.ts';
import { toActor } from './present.ts';
import { burnPasswordCheck, verifyPassword } from './secrets.ts';
import { endSession, startSession } from './sessions.ts';
import { users } from './tables.ts';

/**
 * Signs in with e-mail and password, within the shared sign-in limits (see login-limit.ts). A
 * deactivated account is told so, but only once the right password was given.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; address: string; deviceCookie: string | undefined },
) {
  const { email, password, address } = input;
  await enforceLoginLimit(db, email, address, await isKnownDevice(db, input.deviceCookie, email));
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await burnPasswordCheck(password);
    await recordLoginFailure(db, email, address);
    throw new AppError(401, 'invalid_credentials', 'error.invalid_credentials');
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordLoginFailure(db, email, address);
    throw new AppError(401, 'invalid_credentials', 'error.invalid_credentials');
  }
  if (user.deactivatedAt) throw new AppError(403, 'account_deactivated', 'error.account_deactivated');
  return db.transaction(async (tx) => {
    await clearAccountFailures(tx, email);
    const session = await startSession(tx, user.id);
    const deviceCookie = await rememberDevice(tx, user.id, input.deviceCookie);
    await recordAuditEvent(tx, {
      actor: { id: user.id, name: user.name },
      action: 'session.started',
      entityType: 'user',
      entityId: user.id,
    });
    const actor = toActor(user);
    return { user: actor, session, deviceCookie };
  });
}

export async function logout(db: Db, actor: Actor, sessionHash: string) {
  await db.transaction(async (tx) => {
    await endSession(tx, actor.id, sessionHash);
    await recordAuditEvent(tx, { actor, action: 'session.ended', entityType: 'user', entityId: actor.id });
  });
}
