import type { MessageKey, MessageValues } from './i18n/index.ts';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * How late, in words a person reads at a glance: the two largest units only ("2 days 3 h",
 * "3 h 20 min", "45 min"), each through the catalogue so Russian gets its plural forms. Used by
 * the retrospective page, its print page and its CSV.
 */
export function lateDuration(t: Translate, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(t('retro.duration.days', { count: days }));
  if (hours && parts.length < 2) parts.push(t('retro.duration.hours', { count: hours }));
  if (mins && !days && parts.length < 2) parts.push(t('retro.duration.minutes', { count: mins }));
  if (parts.length === 0) parts.push(t('retro.duration.minutes', { count: 0 }));
  return parts.join(' ');
}

/** "3 h 20 min late" for something done late, "2 days 1 h overdue" for something still open. */
export function lateText(t: Translate, minutes: number, open: boolean): string {
  const duration = lateDuration(t, minutes);
  return open ? t('retro.overdueBy', { duration }) : t('retro.lateBy', { duration });
}
