import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { announceCredentialChange } from './credential-cache.ts';
import type { Actor } from './policies.ts';
import { toActor } from './present.ts';
import type { updateMeBody } from './schema.ts';
import { users } from './tables.ts';

export async function updateProfile(
  db: Db,
  actor: Actor,
  changes: z.output<typeof updateMeBody>,
): Promise<Actor> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, actor.id)).for('update');
    if (!current) throw new Error('signed-in user vanished');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['name', 'locale', 'timeZone'] as const) {
      const value = changes[key];
      if (value !== undefined && value !== current[key]) {
        before[key] = current[key];
        after[key] = value;
      }
    }
    if (Object.keys(after).length === 0) return toActor(current);
    const [updated] = await tx
      .update(users)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(users.id, actor.id))
      .returning();
    if (!updated) throw new Error('update returned no row');
    await recordAuditEvent(tx, {
      actor,
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: actor.id,
      before,
      after,
    });
    await announceCredentialChange(tx, actor.id);
    await publish(tx, 'workspace', { type: 'user.updated', entityType: 'user', entityId: actor.id });
    return toActor(updated);
  });
}
