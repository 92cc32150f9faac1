import type { Locale } from '../../shared/i18n/runtime.ts';
import { formatInstant } from './format.ts';

/** "2 minutes ago" within a day, else the instant in the viewer's zone (`5 Mar 2026, 18:04 MSK`). */
export function formatWhen(instant: string, zone: string, locale: Locale, now = new Date()): string {
  const seconds = Math.round((new Date(instant).getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 24 * 3600) {
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (abs < 45) return format.format(0, 'second');
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
    return format.format(Math.round(seconds / 3600), 'hour');
  }
  return formatInstant(instant, zone, locale);
}
