import type { MessageKey, MessageValues } from '../i18n/index.ts';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * The words of a duration: `long` for countdowns and lateness on screen (`2 hours 10 minutes`,
 * launch control, the tracker), `short` for tables and exports (`3 h 20 min`, the retrospective,
 * its print page and its CSV). Russian writes both in full, as after «на» and «через».
 */
const WORDS = {
  long: {
    days: 'launchUi.duration.days',
    hours: 'launchUi.duration.hours',
    minutes: 'launchUi.duration.minutes',
  },
  short: { days: 'retro.duration.days', hours: 'retro.duration.hours', minutes: 'retro.duration.minutes' },
} as const satisfies Record<string, Record<'days' | 'hours' | 'minutes', MessageKey>>;

/**
 * A length of time as people say it, with the language's plurals (ICU): the largest unit and the
 * next one when it is not zero (`2 days 1 hour`, `3 h 20 min`, `45 minutes`). The sign is dropped.
 * `long` counts anything under a minute as one (a countdown never says "0 minutes"); `short`
 * writes `0 min`.
 */
export function formatDuration(
  t: Translate,
  totalMinutes: number,
  style: keyof typeof WORDS = 'long',
): string {
  const words = WORDS[style];
  const minutes = Math.max(style === 'long' ? 1 : 0, Math.round(Math.abs(totalMinutes)));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t(words.days, { count: days }));
    if (hours > 0) parts.push(t(words.hours, { count: hours }));
  } else if (hours > 0) {
    parts.push(t(words.hours, { count: hours }));
    if (rest > 0) parts.push(t(words.minutes, { count: rest }));
  } else {
    parts.push(t(words.minutes, { count: rest }));
  }
  return parts.join(' ');
}

/** "3 h 20 min late" for something done late, "2 days 1 h overdue" for something still open. */
export function lateText(t: Translate, minutes: number, open: boolean): string {
  const duration = formatDuration(t, Math.max(0, minutes), 'short');
  return open ? t('retro.overdueBy', { duration }) : t('retro.lateBy', { duration });
}

/** Whole minutes from `from` to `to` (negative when `to` is earlier). */
export const minutesBetween = (from: string | Date, to: string | Date) =>
  Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
