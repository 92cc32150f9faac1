import { and, asc, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { DEFAULT_HOURS, type WeeklyHours } from '../../../shared/meetings/slot-finder.ts';
import { isValidTimeZone } from '../../../shared/time/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { enqueueMail } from '../../mail/enqueue-mail.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { digestMail } from '../../mail/templates/notification.ts';
import { users } from '../../modules/auth/tables.ts';
import { workingHours } from '../../modules/meetings/tables.ts';
import { notifications } from '../../modules/notifications/tables.ts';
import type { JobHandler } from '../define.ts';
import { jobs } from '../tables.ts';

/**
 * The local date when the person's working day has begun (today has working hours and it is at
 * or after their start, in their zone), else null: a digest waits for a working day's morning.
 */
export function digestDay(now: Date, timeZone: string, hours: WeeklyHours | null): string | null {
  const week = hours && Object.keys(hours).length > 0 ? hours : DEFAULT_HOURS;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
  const period = week[local.dayOfWeek as keyof WeeklyHours];
  if (!period) return null;
  const start = local
    .toPlainDate()
    .toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(period.start) });
  return Temporal.ZonedDateTime.compare(local, start) >= 0 ? local.toPlainDate().toString() : null;
}

export const run: JobHandler<Record<string, never>> = async (_payload, { db, signal }) => {
  if (!mailConfigured()) return;
  const waiting = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.emailStatus, 'digest'));
  if (waiting.length === 0) return;
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      timeZone: users.timeZone,
      deactivatedAt: users.deactivatedAt,
      hours: workingHours.hours,
    })
    .from(users)
    .leftJoin(workingHours, eq(workingHours.userId, users.id))
    .where(
      inArray(
        users.id,
        waiting.map((w) => w.userId),
      ),
    );
  const now = new Date();
  for (const person of people) {
    if (signal.aborted) return;
    const day = digestDay(now, person.timeZone, person.hours);
    if (!day && !person.deactivatedAt) continue;
    // The mail job's dedupe key marks the digest of that local day (kept with the finished job).
    const key = `digest:${person.id}:${day}`;
    await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, person.id), eq(notifications.emailStatus, 'digest')))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .for('update', { skipLocked: true });
      if (rows.length === 0) return;
      if (person.deactivatedAt) {
        await markRows(tx, rows, { emailStatus: 'skipped' });
        return;
      }
      const [sentToday] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.name, 'mail.send'), eq(jobs.dedupeKey, key)))
        .limit(1);
      if (sentToday) return;
      await enqueueMail(tx, digestMail(rows, person), { dedupeKey: key });
      await markRows(tx, rows, { emailStatus: 'sent', emailedAt: now });
    });
  }
};

async function markRows(
  tx: DbOrTx,
  rows: Array<{ id: string }>,
  set: Partial<typeof notifications.$inferInsert>,
) {
  await tx
    .update(notifications)
    .set(set)
    .where(
      inArray(
        notifications.id,
        rows.map((r) => r.id),
      ),
    );
}
