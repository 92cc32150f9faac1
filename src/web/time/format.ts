import type { Locale, MessageKey, MessageValues } from '../../shared/i18n/runtime.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { formatInZones, todayIn, zoneAbbreviation } from '../../shared/time/index.ts';

// How the web app writes instants, days and times, in the UI language: the one formatting module
// on top of src/shared/time (which does the zone and day maths through Temporal and Intl; nothing
// here adds an offset by hand). Zone lists and the zone picker live beside it in zones.ts,
// durations in src/shared/time/duration.ts.

const intlTag = (locale: Locale) => (locale === 'ru' ? 'ru' : 'en-GB');

// Intl.DateTimeFormat instances are costly to make and asked for on every render: one per
// language, zone and pattern.
const formats = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}\u0000${zone}\u0000${JSON.stringify(options)}`;
  let format = formats.get(id);
  if (!format) {
    if (formats.size > 500) formats.clear();
    format = new Intl.DateTimeFormat(intlTag(locale), { timeZone: zone, ...options });
    formats.set(id, format);
  }
  return format;
}

// Labels are asked for on every render of every visible card; the conversions behind them
// (Temporal, Intl) are not free, so each distinct label is computed once.
const labels = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size > 20_000) labels.clear();
    label = make();
    labels.set(key, label);
  }
  return label;
}

/** Today's date in a zone (`YYYY-MM-DD`), recomputed once a minute at most. */
function rememberedToday(zone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  return remembered(`today|${zone}|${minute}`, () => todayIn(zone, now));
}

// ---------------------------------------------------------------------------------------------
// Instants with their date

/** `5 Mar 2026, 18:04:12 MSK`: an instant as seen in a zone, with the zone's short name. */
export function formatInstant(instant: string, zone: string, locale: Locale, withSeconds = false): string {
  const date = new Date(instant);
  const text = dtf(locale, zone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(date);
  return `${text} ${zoneAbbreviation(date, zone)}`;
}

/**
 * `just now`, `2 minutes ago`, `3 hours ago` (`in 3 hours`) within a day, else the instant in the
 * viewer's zone (`5 Mar 2026, 18:04 MSK`): when a notification came or a text was last edited.
 */
export function formatWhen(
  t: (key: MessageKey, values?: MessageValues) => string,
  instant: string,
  zone: string,
  locale: Locale,
  now = new Date(),
): string {
  const seconds = (new Date(instant).getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) >= 24 * 3600) return formatInstant(instant, zone, locale);
  if (Math.abs(seconds) < 45) return t('duration.justNow');
  return formatDuration(t, seconds / 60, { units: 1, relative: true });
}

/** `5 Mar 2026`: the calendar day of an instant in a zone. */
export function formatDay(instant: string, zone: string, locale: Locale): string {
  return dtf(locale, zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(instant));
}

/**
 * `5 Mar 18:00 MSK` / `5 мар. 18:00 MSK` in the UI language, from a time the server already placed in
 * a zone (its date, wall-clock time and zone name): the server's own `label` is in the language of the
 * profile when it answered, which can differ from the one on screen (a switch, a cached answer).
 */
export function zonedLabel(
  display: { date: string; time: string; abbreviation: string },
  locale: Locale,
): string {
  return `${plainDateLabel(display.date, locale)} ${display.time} ${display.abbreviation}`;
}

/** `5 Mar 18:00 MSK` (with the year when it is not this year's, `5 Mar 2027 18:00 MSK`). */
export function instantLabel(instant: string, zone: string, locale: Locale, now = new Date()): string {
  const year = rememberedToday(zone, now).slice(0, 4);
  return remembered(`instant|${instant}|${zone}|${locale}|${year}`, () => {
    const [display] = formatInZones(instant, [zone], locale);
    if (!display) return instant;
    if (display.date.slice(0, 4) === year) return display.label;
    return `${plainDateLabel(display.date, locale, true)} ${display.time} ${display.abbreviation}`;
  });
}

/** Compact, for table cells: `18:04` today, `5 Mar` this year, `5 Mar 2025` before. */
export function shortInstantLabel(instant: string, zone: string, locale: Locale, now = new Date()): string {
  const today = rememberedToday(zone, now);
  return remembered(`short|${instant}|${zone}|${locale}|${today}`, () => {
    const [display] = formatInZones(instant, [zone], locale);
    if (!display) return instant;
    if (display.date === today) return display.time;
    return plainDateLabel(display.date, locale, display.date.slice(0, 4) !== today.slice(0, 4));
  });
}

/** `5 Mar 18:00 MSK · 5 Mar 10:00 EST`: one instant in several zones. */
export function inZonesLabel(instant: string, zones: readonly string[], locale: Locale): string {
  return remembered(`zones|${instant}|${zones.join(',')}|${locale}`, () =>
    formatInZones(instant, zones, locale)
      .map((display) => display.label)
      .join(' · '),
  );
}

/** The wall-clock date and time of an instant in a zone, as a date and a time input want them. */
export function localParts(instant: string, zone: string): { date: string; time: string } {
  const [display] = formatInZones(instant, [zone], 'en');
  return { date: display?.date ?? '', time: display?.time ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Calendar dates (no zone involved)

/** `2026-03-08` → `8 Mar` / `8 мар.` (`8 Mar 2026` with the year). */
export function plainDateLabel(date: string, locale: Locale, withYear = false): string {
  return dtf(locale, 'UTC', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** `Sun` / `вс`: the weekday of a calendar date. */
export function weekdayLabel(date: string, locale: Locale): string {
  return dtf(locale, 'UTC', { weekday: 'short' }).format(new Date(`${date}T12:00:00Z`));
}

// ---------------------------------------------------------------------------------------------
// Days and clock times of meetings

/** `16:00` in the zone (24 h). */
export function clock(instant: string | number | Date, zone: string, locale: Locale): string {
  return dtf(locale, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** `16:00 MSK`. */
export function clockWithZone(instant: string | number | Date, zone: string, locale: Locale): string {
  return `${clock(instant, zone, locale)} ${zoneAbbreviation(new Date(instant), zone)}`;
}

/** `16:00–17:00 MSK` (the end's abbreviation; a DST change inside one meeting is not a case we meet). */
export function timeRange(start: string, end: string, zone: string, locale: Locale): string {
  return `${clock(start, zone, locale)}–${clock(end, zone, locale)} ${zoneAbbreviation(new Date(end), zone)}`;
}

/** The first letter in upper case (`пн, 9 мар.` → `Пн, 9 мар.`); the month stays as the language writes it. */
const capitalizeFirst = (text: string, locale: Locale) =>
  text ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;

/** `Mon, 9 Mar` / `Пн, 9 мар.`. */
export function dayLabel(instant: string | number | Date, zone: string, locale: Locale): string {
  return capitalizeFirst(
    dtf(locale, zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant)),
    locale,
  );
}

/** `Mon, 9 Mar` / `Пн, 9 мар.` for a calendar date (`YYYY-MM-DD`): no zone involved. */
export function plainDayLabel(date: string, locale: Locale): string {
  return dayLabel(`${date}T12:00:00Z`, 'UTC', locale);
}

/** `Monday, 9 March 2026` / `Понедельник, 9 марта 2026 г.`. */
export function longDayLabel(instant: string | number | Date, zone: string, locale: Locale): string {
  return capitalizeFirst(
    dtf(locale, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(instant),
    ),
    locale,
  );
}

/** Whether the instant falls on another calendar day in `zone` than in `reference`. */
export function dayShift(instant: string, zone: string, reference: string): -1 | 0 | 1 {
  const [a, b] = formatInZones(instant, [zone, reference], 'en');
  if (!a || !b || a.date === b.date) return 0;
  return a.date < b.date ? -1 : 1;
}

/** A meeting's length from minutes, in Intl's short units: `2 hr 30 min` / `2 ч 30 мин`. */
export function meetingLength(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const format = (value: number, unit: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  if (!hours) return format(rest, 'minute');
  if (!rest) return format(hours, 'hour');
  return `${format(hours, 'hour')} ${format(rest, 'minute')}`;
}
