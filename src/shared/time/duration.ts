import type { MessageKey, MessageValues } from '../i18n/index.ts';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * The words of a duration: `long` for countdowns and lateness on screen (`2 hours 10 minutes`,
 * launch control, the tracker, approvals, escalations, "3 hours ago"), `short` for tables and
 * exports (`3 h 20 min`, the retrospective, its print page and its CSV). Russian writes both in
 * full, in the form that follows «на», «через» and precedes «назад» (`1 минуту`, `2 часа`).
 * The keys live in the core catalogue (`web.ts`): the shell's notification bell uses them too.
 */
const WORDS = {
  long: { days: 'duration.days', hours: 'duration.hours', minutes: 'duration.minutes' },
  short: { days: 'duration.short.days', hours: 'duration.short.hours', minutes: 'duration.short.minutes' },
} as const satisfies Record<string, Record<'days' | 'hours' | 'minutes', MessageKey>>;

export type DurationStyle = keyof typeof WORDS;

export interface DurationOptions {
  /** `long` (the default): `2 hours 10 minutes`; `short`: `2 h 10 min`. */
  style?: DurationStyle;
  /**
   * How many units: 2 (the default) says the largest and the next one when it is not zero
   * (`2 days 1 hour`); 1 rounds to the largest alone (`2 hours` for 2 h 20 min, `3 hours` for 2 h 40 min).
   */
  units?: 1 | 2;
  /**
   * Relative to now, the sign choosing the side: `in 3 hours` / `через 3 часа` for a positive
   * length, `3 hours ago` / `3 часа назад` for a negative one. Otherwise the sign is dropped.
   */
  relative?: boolean;
}

/**
 * A length of time as people say it, with the language's plurals (ICU): `2 days 1 hour`,
 * `3 h 20 min`, `45 minutes`, `in 2 hours 5 minutes`, `3 hours ago`. `long` counts anything under
 * a minute as one (a countdown never says "0 minutes"); `short` writes `0 min`.
 */
export function formatDuration(t: Translate, totalMinutes: number, options: DurationOptions = {}): string {
  const { style = 'long', units = 2, relative = false } = options;
  const words = WORDS[style];
  const minutes = Math.max(style === 'long' ? 1 : 0, Math.round(Math.abs(totalMinutes)));
  const parts: string[] = [];
  if (units === 1) {
    const hours = Math.round(minutes / 60);
    const days = Math.round(minutes / 1440);
    if (minutes < 60) parts.push(t(words.minutes, { count: minutes }));
    else if (hours < 24) parts.push(t(words.hours, { count: hours }));
    else parts.push(t(words.days, { count: days }));
  } else {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    if (days > 0) {
      parts.push(t(words.days, { count: days }));
      if (hours > 0) parts.push(t(words.hours, { count: hours }));
    } else if (hours > 0) {
      parts.push(t(words.hours, { count: hours }));
      if (rest > 0) parts.push(t(words.minutes, { count: rest }));
    } else {
      parts.push(t(words.minutes, { count: rest }));
    }
  }
  const duration = parts.join(' ');
  if (!relative) return duration;
  return totalMinutes < 0 ? t('duration.ago', { duration }) : t('duration.in', { duration });
}

/** "3 h 20 min late" for something done late, "2 days 1 h overdue" for something still open. */
export function lateText(t: Translate, minutes: number, open: boolean): string {
  const duration = formatDuration(t, Math.max(0, minutes), { style: 'short' });
  return open ? t('retro.overdueBy', { duration }) : t('retro.lateBy', { duration });
}

/** Whole minutes from `from` to `to` (negative when `to` is earlier). */
export const minutesBetween = (from: string | Date, to: string | Date) =>
  Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
