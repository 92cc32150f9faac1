import { Temporal } from 'temporal-polyfill';
import { DEFAULT_HOURS, type WeeklyHours } from '../../../shared/meetings/slot-finder.ts';
import { isValidTimeZone } from '../../../shared/time/index.ts';

/**
 * When a non-urgent message may go out: now, if the recipient is inside their working hours, or
 * else the start of their next working period, in their own zone (DST included). Someone with no
 * working day at all gets it at once.
 */
export function nextWorkingMoment(now: Date, timeZone: string, hours: WeeklyHours | null): Date {
  const week = hours && Object.keys(hours).length > 0 ? hours : DEFAULT_HOURS;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = zoned.toPlainDate().add({ days: offset });
    const period = week[day.dayOfWeek as keyof WeeklyHours];
    if (!period) continue;
    const start = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(period.start) });
    const end = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(period.end) });
    if (Temporal.ZonedDateTime.compare(zoned, end) >= 0) continue;
    if (Temporal.ZonedDateTime.compare(zoned, start) >= 0) return now;
    return new Date(start.epochMilliseconds);
  }
  return now;
}
