/** Up to 30 days: a question left longer than that is not an escalation any more. */
export const MAX_ESCALATION_MINUTES = 43_200;

export type DurationUnit = 'minutes' | 'hours' | 'days';

const MINUTES_PER = { minutes: 1, hours: 60, days: 1440 } as const;

/** A rule's time to decide in the largest whole unit (90 → 90 minutes, 120 → 2 hours, 2880 → 2 days). */
export function splitMinutes(minutes: number): { unit: DurationUnit; count: number } {
  if (minutes % MINUTES_PER.days === 0) return { unit: 'days', count: minutes / MINUTES_PER.days };
  if (minutes % MINUTES_PER.hours === 0) return { unit: 'hours', count: minutes / MINUTES_PER.hours };
  return { unit: 'minutes', count: minutes };
}

export const toMinutes = (count: number, unit: DurationUnit) => count * MINUTES_PER[unit];
