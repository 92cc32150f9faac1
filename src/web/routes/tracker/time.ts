import type { Locale } from '../../../shared/i18n/runtime.ts';
import { formatInZones, isoDate, parseLocalTime } from '../../../shared/time/index.ts';
import type { Market } from '../../api/campaigns.ts';

// Instants of the tracker and the timeline as people read them: in the viewer's zone, "as agreed"
// in the zone they were set in, and in every market's zone side by side. All through src/shared/time.

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
function todayIn(zone: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  return remembered(`today|${zone}|${minute}`, () => isoDate(now, zone));
}

/** `5 Mar 18:00 MSK` (with the year when it is not this year's, `5 Mar 2027 18:00 MSK`). */
export function instantLabel(instant: string, zone: string, locale: Locale, now = new Date()): string {
  const year = todayIn(zone, now).slice(0, 4);
  return remembered(`instant|${instant}|${zone}|${locale}|${year}`, () => {
    const [display] = formatInZones(instant, [zone], locale);
    if (!display) return instant;
    if (display.date.slice(0, 4) === year) return display.label;
    return `${plainDateLabel(display.date, locale, true)} ${display.time} ${display.abbreviation}`;
  });
}

/** Compact, for table cells: `18:04` today, `5 Mar` this year, `5 Mar 2025` before. */
export function shortInstantLabel(instant: string, zone: string, locale: Locale, now = new Date()): string {
  const today = todayIn(zone, now);
  return remembered(`short|${instant}|${zone}|${locale}|${today}`, () => {
    const [display] = formatInZones(instant, [zone], locale);
    if (!display) return instant;
    if (display.date === today) return display.time;
    return plainDateLabel(display.date, locale, display.date.slice(0, 4) !== today.slice(0, 4));
  });
}

/** The zones of the campaign's markets, each once, in market order. */
export function marketZones(markets: readonly Pick<Market, 'timeZone'>[]): string[] {
  return [...new Set(markets.map((market) => market.timeZone))];
}

/** `5 Mar 18:00 MSK · 5 Mar 10:00 EST`: one instant in several zones. */
export function inZonesLabel(instant: string, zones: readonly string[], locale: Locale): string {
  return remembered(`zones|${instant}|${zones.join(',')}|${locale}`, () =>
    formatInZones(instant, zones, locale)
      .map((display) => display.label)
      .join(' · '),
  );
}

/** `2026-03-08` → `8 Mar` / `8 мар.` (`8 Mar 2026` with the year). A calendar date: no zone involved. */
export function plainDateLabel(date: string, locale: Locale, withYear = false): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** `Sun` / `вс`: the weekday of a calendar date. */
export function weekdayLabel(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The wall-clock date and time of an instant in a zone, as a date and a time input want them. */
export function localParts(instant: string, zone: string): { date: string; time: string } {
  const [display] = formatInZones(instant, [zone], 'en');
  return { date: display?.date ?? '', time: display?.time ?? '' };
}

/** The instant where a calendar day starts in a zone (the first existing minute when midnight is skipped). */
export function startOfDay(date: string, zone: string): number {
  const parsed = parseLocalTime(`${date}T00:00`, zone, 'later');
  return parsed.ok ? new Date(parsed.instant).getTime() : new Date(`${date}T00:00:00Z`).getTime();
}
