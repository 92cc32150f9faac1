import type { Translate } from '../i18n/locale.tsx';

/**
 * A length of time as people say it, with the language's plurals (ICU): `2 hours 10 minutes`,
 * `3 days 4 hours`, `1 minute` / `2 часа 10 минут`, `3 дня 4 часа`. Two units at most: the
 * largest and the next one when it is not zero; under a minute counts as one.
 */
export function humanDuration(t: Translate, totalMinutes: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(totalMinutes)));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('launchUi.duration.days', { count: days }));
    if (hours > 0) parts.push(t('launchUi.duration.hours', { count: hours }));
  } else if (hours > 0) {
    parts.push(t('launchUi.duration.hours', { count: hours }));
    if (rest > 0) parts.push(t('launchUi.duration.minutes', { count: rest }));
  } else {
    parts.push(t('launchUi.duration.minutes', { count: rest }));
  }
  return parts.join(' ');
}

/** Whole minutes from `from` to `to` (negative when `to` is earlier). */
export const minutesBetween = (from: string | Date, to: string | Date) =>
  Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
