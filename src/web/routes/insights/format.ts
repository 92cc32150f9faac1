// Formatting shared by the meetings and measurement screens. Times go through Intl and the shared
// time core (never offset arithmetic by hand); numbers through Intl in the UI language.
import { Temporal } from 'temporal-polyfill';
import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';
import { formatInZones, zoneAbbreviation } from '../../../shared/time/index.ts';

const intlTag = (locale: Locale) => (locale === 'ru' ? 'ru' : 'en-GB');

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions, key: string) {
  const id = `${locale}\u0000${zone}\u0000${key}`;
  let format = cache.get(id);
  if (!format) {
    if (cache.size > 500) cache.clear();
    format = new Intl.DateTimeFormat(intlTag(locale), { timeZone: zone, ...options });
    cache.set(id, format);
  }
  return format;
}

/** `16:00` in the zone (24 h). */
export function clock(instant: string | number | Date, zone: string, locale: Locale): string {
  return dtf(locale, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'hm').format(
    new Date(instant),
  );
}

/** `16:00 MSK`. */
export function clockWithZone(instant: string | number | Date, zone: string, locale: Locale): string {
  return `${clock(instant, zone, locale)} ${zoneAbbreviation(new Date(instant), zone)}`;
}

/** The first letter in upper case (`пн, 9 мар.` → `Пн, 9 мар.`); the month stays as the language writes it. */
const capitalizeFirst = (text: string, locale: Locale) =>
  text ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;

/** `Mon, 9 Mar` / `Пн, 9 мар.`. */
export function dayLabel(instant: string | number | Date, zone: string, locale: Locale): string {
  return capitalizeFirst(
    dtf(locale, zone, { weekday: 'short', day: 'numeric', month: 'short' }, 'wdm').format(new Date(instant)),
    locale,
  );
}

/** `Monday, 9 March 2026` / `Понедельник, 9 марта 2026 г.`. */
export function longDayLabel(instant: string | number | Date, zone: string, locale: Locale): string {
  return capitalizeFirst(
    dtf(locale, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, 'long').format(
      new Date(instant),
    ),
    locale,
  );
}

/** `16:00–17:00 MSK` (the end's abbreviation; a DST change inside one meeting is not a case we meet). */
export function timeRange(start: string, end: string, zone: string, locale: Locale): string {
  return `${clock(start, zone, locale)}–${clock(end, zone, locale)} ${zoneAbbreviation(new Date(end), zone)}`;
}

/** Whether the instant falls on another calendar day in `zone` than in `reference`. */
export function dayShift(instant: string, zone: string, reference: string): -1 | 0 | 1 {
  const [a, b] = formatInZones(instant, [zone, reference], 'en');
  if (!a || !b || a.date === b.date) return 0;
  return a.date < b.date ? -1 : 1;
}

/** The calendar date (`YYYY-MM-DD`) today in a zone. */
export function todayIn(zone: string): string {
  return Temporal.Now.zonedDateTimeISO(zone).toPlainDate().toString();
}

/** Midnight starting `date` in `zone`, as epoch ms (Temporal picks the first instant of a day a DST change shortens). */
export function startOfDay(date: string, zone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

export function addDaysTo(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Days from `from` to `to` inclusive (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  let day = Temporal.PlainDate.from(from);
  const last = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(day, last) <= 0 && days.length < 70) {
    days.push(day.toString());
    day = day.add({ days: 1 });
  }
  return days;
}

/** The Monday of the week after `date`. */
export function nextMonday(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return day.add({ days: 8 - day.dayOfWeek }).toString();
}

/** `2 h 30 min` / `2 ч 30 мин`, from minutes. */
export function duration(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const format = (value: number, unit: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  if (!hours) return format(rest, 'minute');
  if (!rest) return format(hours, 'hour');
  return `${format(hours, 'hour')} ${format(rest, 'minute')}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** The market's name in the UI language (one rule everywhere: src/shared/market-name.ts). */
export { marketName } from '../../../shared/market-name.ts';

/** `reach` → "Reach" / "Охват" (the brief's KPI names). */
export const kpiLabel = (t: (key: MessageKey) => string, metric: string) =>
  t(`brief.kpi.${metric}` as MessageKey);

// The figures' formatting lives in src/shared/figures.ts: the report document on the server
// uses the same functions, so the dashboard and the document round alike.
export {
  formatCount,
  formatKpi,
  formatMoney,
  formatPercent,
  formatRatio,
  formatShare,
  LOWER_IS_BETTER,
} from '../../../shared/figures.ts';

/**
 * A number typed the way either market writes it (`1 234,5`, `1,234.5`, `1234`): null when empty,
 * NaN when it is not a number. A lone comma is a decimal comma in Russian; in English it groups
 * thousands only when it looks like it (`1,500`, not `0,011`).
 */
export function parseTypedNumber(raw: string, locale: Locale = 'en'): number | null {
  let value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!value) return null;
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    value = comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else if (comma >= 0) {
    value =
      locale === 'en' && /^-?[1-9]\d{0,2}(,\d{3})+$/.test(value)
        ? value.replace(/,/g, '')
        : value.replace(',', '.');
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}
