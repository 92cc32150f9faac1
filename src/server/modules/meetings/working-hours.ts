import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DEFAULT_HOURS,
  type SlotParticipant,
  type WeeklyHours,
} from '../../../shared/meetings/slot-finder.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { type Actor, isStaff } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import type { externalParticipantBody, participantRef } from './schema.ts';
import { externalParticipants, workingHours } from './tables.ts';

export async function hoursOf(db: DbOrTx, userId: string): Promise<WeeklyHours> {
  const [row] = await db.select().from(workingHours).where(eq(workingHours.userId, userId));
  return row?.hours ?? DEFAULT_HOURS;
}

export async function setWorkingHours(db: Db, actor: Actor, hours: WeeklyHours) {
  await db.transaction(async (tx) => {
    const before = await hoursOf(tx, actor.id);
    await tx
      .insert(workingHours)
      .values({ userId: actor.id, hours })
      .onConflictDoUpdate({ target: workingHours.userId, set: { hours, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: 'user.working_hours_set',
      entityType: 'user',
      entityId: actor.id,
      before,
      after: hours,
    });
  });
  return hours;
}

const everyDay = (days: number[] | undefined, start: string, end: string): WeeklyHours =>
  Object.fromEntries((days ?? [1, 2, 3, 4, 5]).map((d) => [d, { start, end }]));

export async function createExternalParticipant(
  db: Db,
  actor: Actor,
  input: z.output<typeof externalParticipantBody>,
) {
  if (!isStaff(actor) || actor.role === 'stakeholder') throw forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(externalParticipants)
      .values({
        name: input.name,
        email: input.email ?? null,
        kind: input.kind,
        language: input.language,
        timeZone: input.timeZone,
        hours: input.hours ?? everyDay(undefined, input.workStart, input.workEnd),
        createdBy: actor.id,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'external_participant.created',
      entityType: 'external_participant',
      entityId: row!.id,
      after: row!,
    });
    return presentExternal(row!);
  });
}

export function presentExternal(row: typeof externalParticipants.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    kind: row.kind,
    language: row.language,
    timeZone: row.timeZone,
    hours: row.hours,
  };
}

export async function listExternalParticipants(db: DbOrTx) {
  return (await db.select().from(externalParticipants).orderBy(externalParticipants.name)).map(
    presentExternal,
  );
}

/** Resolves the slot finder's participant references to zones and weekly hours. */
export async function slotParticipants(
  db: DbOrTx,
  refs: Array<z.output<typeof participantRef>>,
): Promise<SlotParticipant[]> {
  const userIds = refs.flatMap((r) => ('userId' in r ? [r.userId] : []));
  const externalIds = refs.flatMap((r) => ('externalId' in r ? [r.externalId] : []));
  const userRows = userIds.length ? await db.select().from(users).where(inArray(users.id, userIds)) : [];
  const hourRows = userIds.length
    ? await db.select().from(workingHours).where(inArray(workingHours.userId, userIds))
    : [];
  const externalRows = externalIds.length
    ? await db.select().from(externalParticipants).where(inArray(externalParticipants.id, externalIds))
    : [];
  return refs.map((ref, i) => {
    if ('userId' in ref) {
      const user = userRows.find((u) => u.id === ref.userId);
      if (!user) throw new AppError(400, 'unknown_participant', 'error.unknown_participant');
      const hours = hourRows.find((h) => h.userId === user.id)?.hours ?? DEFAULT_HOURS;
      return { id: `user:${user.id}`, name: user.name, timeZone: user.timeZone, hours };
    }
    if ('externalId' in ref) {
      const row = externalRows.find((e) => e.id === ref.externalId);
      if (!row) throw new AppError(400, 'unknown_participant', 'error.unknown_participant');
      return { id: `external:${row.id}`, name: row.name, timeZone: row.timeZone, hours: row.hours };
    }
    return {
      id: `adhoc:${i}`,
      name: ref.name ?? ref.timeZone,
      timeZone: ref.timeZone,
      hours: everyDay(ref.days, ref.workStart, ref.workEnd),
    };
  });
}
