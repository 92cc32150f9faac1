import { lt, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../../modules/audit/record-event.ts';
import { loginFailures, sessions } from '../../modules/auth/tables.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<Record<string, never>> = async (_payload, { db, job }) => {
  await db.transaction(async (tx) => {
    const endedSessions = await tx
      .delete(sessions)
      .where(lt(sessions.expiresAt, sql`now()`))
      .returning({ id: sessions.id });
    const oldFailures = await tx
      .delete(loginFailures)
      .where(lt(loginFailures.at, sql`now() - interval '1 day'`))
      .returning({ id: loginFailures.id });
    if (endedSessions.length === 0 && oldFailures.length === 0) return;
    await recordAuditEvent(tx, {
      actor: null,
      action: 'sessions.purged',
      entityType: 'job',
      entityId: job.id,
      after: { expiredSessions: endedSessions.length, loginFailures: oldFailures.length },
    });
  });
};
