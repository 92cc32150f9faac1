/**
 * Time core shared by the server and the web app.
 *
 * Rules (see DESIGN.md, "Time"):
 * - an instant is a UTC ISO string in `Date#toISOString()` form: `2026-03-08T15:00:00.000Z`;
 * - a zone is an IANA name (`Europe/Moscow`), never a bare offset;
 * - every conversion goes through Temporal (polyfill) or Intl — no hand-written offset arithmetic;
 * - nothing here depends on the zone of the process (server) or of the browser.
 *
 * Browser-safe: the only import is `temporal-polyfill`.
 */
import { Temporal } from 'temporal-polyfill';

export type TimeLocale = 'en' | 'ru';
export type InstantInput = string | Date;

/** A wall-clock time in a zone that needs an explicit choice: skipped (gap) or repeated (overlap). */
export type Disambiguation = 'earlier' | 'later' | 'reject';

export type ParseLocalTimeResult =
  | {
      ok: true;
      /** UTC, `toISOString()` form. */
      instant: string;
      /** Offset in effect at that instant, `+03:00`. */
      offset: string;
      /** Wall-clock time actually denoted, `YYYY-MM-DDTHH:mm` (seconds added when non-zero). Differs from the input only for a gap. */
      local: string;
      /** Set when the local time fell in a DST gap or overlap and `earlier`/`later` resolved it. */
      adjusted: null | { kind: 'gap' | 'overlap'; chosen: 'earlier' | 'later' };
    }
  | { ok: false; reason: 'nonexistent' | 'ambiguous' | 'invalid_format' | 'invalid_time_zone' };

export type ResolvedLocalTime = Extract<ParseLocalTimeResult, { ok: true }>;

export interface ZonedDisplay {
  zone: string;
  /** Calendar date in the zone, `YYYY-MM-DD`. */
  date: string;
  /** Wall-clock time in the zone, `HH:mm` (24 h). */
  time: string;
  /** `EST`, `EDT`, `PST`, `MSK`…, or Intl's `GMT+3` form when no name is known. */
  abbreviation: string;
  /** `+03:00`, `-05:00`. */
  offset: string;
  /** Human text, e.g. `5 Mar 18:00 MSK` (en) or `5 мар. 18:00 MSK` (ru). */
  label: string;
}

// ---------------------------------------------------------------------------------------------
// Zones

const zoneIdCache = new Map<string, string | null>();

/**
 * The zone ID with IANA capitalisation (`europe/moscow` → `Europe/Moscow`), or null when the
 * name is not an IANA zone. Aliases stay as given (`Europe/Kiev` is not rewritten to `Europe/Kyiv`).
 * Offsets (`+03:00`), which Temporal would accept as zones, are rejected.
 */
export function normalizeTimeZone(tz: string): string | null {
  if (typeof tz !== 'string') return null;
  const cached = zoneIdCache.get(tz);
  if (cached !== undefined) return cached;
  let id: string | null = null;
  // IANA names start with a letter; this excludes `+03:00`, `-0500`, `` and the like.
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) {
    try {
      id = new Temporal.ZonedDateTime(0n, tz).timeZoneId;
    } catch {
      id = null;
    }
  }
  if (zoneIdCache.size > 1000) zoneIdCache.clear();
  zoneIdCache.set(tz, id);
  return id;
}

/** True for IANA zone names, canonical or alias (`Europe/Moscow`, `US/Eastern`, `UTC`); case-insensitive. */
export function isValidTimeZone(tz: string): boolean {
  return normalizeTimeZone(tz) !== null;
}

let zoneList: string[] | undefined;

/** Every zone the runtime knows (`Intl.supportedValuesOf('timeZone')`) plus `UTC`, sorted. */
export function listTimeZones(): string[] {
  if (!zoneList) {
    const supported =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
    const set = new Set(supported);
    set.add('UTC');
    zoneList = [...set].sort();
  }
  return [...zoneList];
}

// ---------------------------------------------------------------------------------------------
// Instants

function toInstant(x: InstantInput): Temporal.Instant {
  if (x instanceof Date) {
    const ms = x.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return Temporal.Instant.fromEpochMilliseconds(ms);
  }
  if (typeof x !== 'string') throw new TypeError('Expected an ISO 8601 string or a Date');
  // Requires a `Z` or an offset: a string without one is a local time, not an instant.
  return Temporal.Instant.from(x);
}

function instantToIso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

/**
 * Normalises an instant to UTC `toISOString()` form (`2026-03-08T15:00:00.000Z`).
 * Strings must carry `Z` or an offset; sub-millisecond digits are truncated.
 * Throws RangeError on anything else.
 */
export function toUtcIso(x: InstantInput): string {
  return instantToIso(toInstant(x));
}

/** Like `toUtcIso`, but returns null instead of throwing. */
export function tryUtcIso(x: unknown): string | null {
  if (typeof x !== 'string' && !(x instanceof Date)) return null;
  try {
    return toUtcIso(x);
  } catch {
    return null;
  }
}

function zoned(x: InstantInput, tz: string): Temporal.ZonedDateTime {
  const id = normalizeTimeZone(tz);
  if (!id) throw new RangeError(`Invalid time zone: ${tz}`);
  return toInstant(x).toZonedDateTimeISO(id);
}

/** UTC offset of `tz` at `instant`: `+03:00`. Throws RangeError on an invalid instant or zone. */
export function zoneOffset(instant: InstantInput, tz: string): string {
  return zoned(instant, tz).offset;
}

/** Calendar day (`YYYY-MM-DD`) of `instant` in `tz`. */
export function isoDate(instant: InstantInput, tz: string): string {
  return zoned(instant, tz).toPlainDate().toString();
}

/** Signed hours from `a` to `b` (fractional). */
export function hoursBetween(a: InstantInput, b: InstantInput): number {
  return toInstant(a).until(toInstant(b)).total({ unit: 'hours' });
}

/**
 * The years Tandem accepts in any date or instant. Wide enough for any campaign, narrow enough
 * that every database, Temporal and Intl agree on the value (PostgreSQL has no year 0).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/** True when the instant falls inside [EARLIEST_YEAR, LATEST_YEAR] (UTC years). */
export function isInstantInRange(x: InstantInput): boolean {
  const iso = tryUtcIso(x);
  if (!iso) return false;
  const year = new Date(iso).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

// ---------------------------------------------------------------------------------------------
// Plain (all-day) dates

/** True for a real calendar date written `YYYY-MM-DD` (`2026-02-30` is false). */
export function isValidPlainDate(date: string): boolean {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const year = Number(date.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** `addDays('2026-02-27', 2)` → `2026-03-01`. Throws RangeError on an invalid date. */
export function addDays(date: string, days: number): string {
  if (!isValidPlainDate(date)) throw new RangeError(`Invalid date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The calendar day (`YYYY-MM-DD`) it is in `tz` at `now`. */
export function todayIn(tz: string, now: InstantInput = new Date()): string {
  return isoDate(now, tz);
}

/**
 * The first instant of a calendar day in `tz`, as epoch ms: midnight, or where the day really
 * starts when a DST change skips midnight (Temporal's start of day, no offsets added by hand).
 */
export function startOfDay(date: string, tz: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: tz }).epochMilliseconds;
}

/** The days from `from` to `to`, both included (`YYYY-MM-DD`), at most `limit` of them. */
export function daysBetween(from: string, to: string, limit = 70): string[] {
  const days: string[] = [];
  let day = Temporal.PlainDate.from(from);
  const last = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(day, last) <= 0 && days.length < limit) {
    days.push(day.toString());
    day = day.add({ days: 1 });
  }
  return days;
}

/** The Monday of the week after `date`'s. */
export function nextMonday(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return day.add({ days: 8 - day.dayOfWeek }).toString();
}

// ---------------------------------------------------------------------------------------------
// Local (wall-clock) time → instant

const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

function formatLocal(pdt: Temporal.PlainDateTime): string {
  return pdt.second === 0 && pdt.millisecond === 0
    ? pdt.toString({ smallestUnit: 'minute' })
    : pdt.toString({ smallestUnit: pdt.millisecond === 0 ? 'second' : 'millisecond' });
}

/**
 * Interprets a wall-clock time (`2026-03-08T10:00`, seconds optional) in an IANA zone.
 *
 * A time the clocks skip (spring forward) is `nonexistent`, one they pass twice (fall back) is
 * `ambiguous` — unless `disambiguation` is `earlier` or `later`, in which case it is resolved
 * the way Temporal defines those options and `adjusted` says what happened. For a gap,
 * `earlier` gives the wall time shifted back by the gap (02:30 → 01:30 EST) and `later` the
 * wall time shifted forward (02:30 → 03:30 EDT); for an overlap both denote the input wall time,
 * at the first or the second pass.
 */
export function parseLocalTime(
  local: string,
  timeZone: string,
  disambiguation: Disambiguation = 'reject',
): ParseLocalTimeResult {
  if (typeof local !== 'string' || !LOCAL_RE.test(local)) return { ok: false, reason: 'invalid_format' };
  let pdt: Temporal.PlainDateTime;
  try {
    pdt = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
  } catch {
    return { ok: false, reason: 'invalid_format' };
  }
  const zone = normalizeTimeZone(timeZone);
  if (!zone) return { ok: false, reason: 'invalid_time_zone' };

  let earlier: Temporal.ZonedDateTime;
  let later: Temporal.ZonedDateTime;
  try {
    earlier = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' });
    later = pdt.toZonedDateTime(zone, { disambiguation: 'later' });
  } catch {
    // Outside the range Temporal can represent.
    return { ok: false, reason: 'invalid_format' };
  }

  const ok = (zdt: Temporal.ZonedDateTime, adjusted: ResolvedLocalTime['adjusted']): ResolvedLocalTime => ({
    ok: true as const,
    instant: instantToIso(zdt.toInstant()),
    offset: zdt.offset,
    local: formatLocal(zdt.toPlainDateTime()),
    adjusted,
  });

  if (earlier.epochNanoseconds === later.epochNanoseconds) return ok(earlier, null);

  // Two candidates. In an overlap both show the requested wall time; in a gap neither does.
  const kind = earlier.toPlainDateTime().equals(pdt) ? 'overlap' : 'gap';
  if (disambiguation === 'reject') {
    return { ok: false, reason: kind === 'gap' ? 'nonexistent' : 'ambiguous' };
  }
  return ok(disambiguation === 'earlier' ? earlier : later, { kind, chosen: disambiguation });
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * Names used when Intl (en-US, `timeZoneName: 'short'`) only gives `GMT±N` for a zone.
 * Intl already names the US zones (EST/EDT, CST/CDT, MST/MDT, PST/PDT, AKST, HST), UTC and GMT.
 * Each entry applies to the listed zone IDs (aliases included) and only at the listed offsets,
 * so a historical offset (Moscow was +04:00 in 2011–2014) falls back to Intl's `GMT+4` rather
 * than a wrong name. Deliberately small: add a zone only with its commonly used abbreviation.
 */
const KNOWN_ABBREVIATIONS: ReadonlyArray<{
  zones: readonly string[];
  byOffset: Readonly<Record<string, string>>;
}> = [
  // Moscow time (no DST since 2014).
  { zones: ['Europe/Moscow', 'W-SU', 'Europe/Kirov', 'Europe/Volgograd'], byOffset: { '+03:00': 'MSK' } },
  // UK summer time (winter is already `GMT` from Intl).
  {
    zones: [
      'Europe/London',
      'GB',
      'GB-Eire',
      'Europe/Belfast',
      'Europe/Jersey',
      'Europe/Guernsey',
      'Europe/Isle_of_Man',
    ],
    byOffset: { '+01:00': 'BST' },
  },
  // Central European Time.
  {
    zones: [
      'Europe/Berlin',
      'Europe/Paris',
      'Europe/Madrid',
      'Europe/Rome',
      'Europe/Amsterdam',
      'Europe/Brussels',
      'Europe/Vienna',
      'Europe/Zurich',
      'Europe/Stockholm',
      'Europe/Oslo',
      'Europe/Copenhagen',
      'Europe/Warsaw',
      'Europe/Prague',
      'Europe/Budapest',
      'Europe/Belgrade',
      'CET',
    ],
    byOffset: { '+01:00': 'CET', '+02:00': 'CEST' },
  },
  // Eastern European Time.
  {
    zones: [
      'Europe/Kyiv',
      'Europe/Kiev',
      'Europe/Helsinki',
      'Europe/Athens',
      'Europe/Bucharest',
      'Europe/Sofia',
      'Europe/Riga',
      'Europe/Vilnius',
      'Europe/Tallinn',
      'EET',
    ],
    byOffset: { '+02:00': 'EET', '+03:00': 'EEST' },
  },
  { zones: ['Asia/Tokyo', 'Japan'], byOffset: { '+09:00': 'JST' } },
  { zones: ['Asia/Seoul', 'ROK'], byOffset: { '+09:00': 'KST' } },
  { zones: ['Asia/Kolkata', 'Asia/Calcutta'], byOffset: { '+05:30': 'IST' } },
  {
    zones: [
      'Australia/Sydney',
      'Australia/Melbourne',
      'Australia/Canberra',
      'Australia/Hobart',
      'Australia/ACT',
      'Australia/NSW',
      'Australia/Victoria',
      'Australia/Tasmania',
    ],
    byOffset: { '+10:00': 'AEST', '+11:00': 'AEDT' },
  },
  { zones: ['Australia/Brisbane', 'Australia/Queensland'], byOffset: { '+10:00': 'AEST' } },
];

const abbreviationTable = new Map<string, Readonly<Record<string, string>>>();
for (const entry of KNOWN_ABBREVIATIONS)
  for (const zone of entry.zones) abbreviationTable.set(zone, entry.byOffset);

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatterCache.get(key);
  if (!f) {
    if (formatterCache.size > 2000) formatterCache.clear();
    f = make();
    formatterCache.set(key, f);
  }
  return f;
}

/** Short zone name at an instant: `EST`/`EDT`/`PST`, `MSK` (table above) or Intl's `GMT+3`. */
export function zoneAbbreviation(instant: InstantInput, tz: string): string {
  return abbreviationOf(zoned(instant, tz));
}

function abbreviationOf(zdt: Temporal.ZonedDateTime): string {
  const zone = zdt.timeZoneId;
  const intl =
    formatter(
      `abbr\u0000${zone}`,
      () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }),
    )
      .formatToParts(zdt.epochMilliseconds)
      .find((part) => part.type === 'timeZoneName')?.value ?? zdt.offset;
  if (/^GMT[+-]/.test(intl)) {
    const known = abbreviationTable.get(zone)?.[zdt.offset];
    if (known) return known;
  }
  return intl;
}

/** `5 Mar` (en) / `5 мар.` (ru): the day and month of the instant in its zone. */
function dayMonth(zdt: Temporal.ZonedDateTime, locale: TimeLocale): string {
  const zone = zdt.timeZoneId;
  const tag = locale === 'ru' ? 'ru' : 'en-GB';
  return formatter(
    `dm\u0000${tag}\u0000${zone}`,
    () => new Intl.DateTimeFormat(tag, { timeZone: zone, day: 'numeric', month: 'short' }),
  ).format(zdt.epochMilliseconds);
}

/**
 * One instant shown in several zones side by side, in the order given.
 * Throws RangeError on an invalid instant or zone (validate zones with `isValidTimeZone`).
 */
export function formatInZones(
  instant: InstantInput,
  zones: readonly string[],
  locale: TimeLocale,
): ZonedDisplay[] {
  const at = toInstant(instant);
  return zones.map((zone) => {
    const id = normalizeTimeZone(zone);
    if (!id) throw new RangeError(`Invalid time zone: ${zone}`);
    const zdt = at.toZonedDateTimeISO(id);
    const time = zdt.toPlainTime().toString({ smallestUnit: 'minute' });
    const abbreviation = abbreviationOf(zdt);
    return {
      zone,
      date: zdt.toPlainDate().toString(),
      time,
      abbreviation,
      offset: zdt.offset,
      label: `${dayMonth(zdt, locale)} ${time} ${abbreviation}`,
    };
  });
}
