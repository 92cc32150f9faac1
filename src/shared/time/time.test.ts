import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatInZones,
  hoursBetween,
  isoDate,
  isValidPlainDate,
  isValidTimeZone,
  listTimeZones,
  nextMonday,
  normalizeTimeZone,
  parseLocalTime,
  startOfDay,
  todayIn,
  toUtcIso,
  tryUtcIso,
  zoneAbbreviation,
  zoneOffset,
} from './index.ts';

const MOW = 'Europe/Moscow';
const NYC = 'America/New_York';
const LAX = 'America/Los_Angeles';
const MARKETS = [MOW, NYC, LAX];

/** `{zone: 'date time abbreviation offset'}` for compact side-by-side assertions. */
function sideBySide(instant: string, locale: 'en' | 'ru' = 'en') {
  return Object.fromEntries(
    formatInZones(instant, MARKETS, locale).map((d) => [
      d.zone,
      `${d.date} ${d.time} ${d.abbreviation} ${d.offset}`,
    ]),
  );
}

describe('time zones', () => {
  it('accepts IANA names, canonical and aliases', () => {
    for (const tz of [
      MOW,
      NYC,
      LAX,
      'UTC',
      'Etc/UTC',
      'GMT',
      'US/Eastern',
      'Europe/Kiev',
      'Europe/Kyiv',
      'W-SU',
    ])
      expect(isValidTimeZone(tz), tz).toBe(true);
  });

  it('rejects unknown names, empty strings and bare offsets', () => {
    for (const tz of [
      'Mars/Base',
      '',
      ' ',
      '+03:00',
      '-05:00',
      '+0300',
      'Z',
      'Europe/Moscow ',
      'Moscow',
      'UTC+3',
    ])
      expect(isValidTimeZone(tz), JSON.stringify(tz)).toBe(false);
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });

  it('normalises capitalisation but keeps aliases', () => {
    expect(normalizeTimeZone('europe/moscow')).toBe(MOW);
    expect(normalizeTimeZone('utc')).toBe('UTC');
    expect(normalizeTimeZone('US/Eastern')).toBe('US/Eastern');
    expect(normalizeTimeZone('+03:00')).toBeNull();
  });

  it('lists zones sorted, with UTC and the market zones, all valid', () => {
    const zones = listTimeZones();
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain('UTC');
    for (const tz of MARKETS) expect(zones).toContain(tz);
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
    for (const tz of zones) expect(isValidTimeZone(tz), tz).toBe(true);
    // a copy: callers cannot corrupt the cached list
    zones.pop();
    expect(listTimeZones()).toContain('UTC');
    expect(listTimeZones().length).toBe(zones.length + 1);
  });
});

describe('instants', () => {
  it('normalises to UTC toISOString form', () => {
    expect(toUtcIso('2026-03-05T18:00:00+03:00')).toBe('2026-03-05T15:00:00.000Z');
    expect(toUtcIso('2026-03-05T10:00-05:00')).toBe('2026-03-05T15:00:00.000Z');
    expect(toUtcIso('2026-03-05T15:00:00.123456Z')).toBe('2026-03-05T15:00:00.123Z');
    expect(toUtcIso(new Date(Date.UTC(2026, 2, 5, 15)))).toBe('2026-03-05T15:00:00.000Z');
  });

  it('refuses strings without an offset, garbage and invalid dates', () => {
    expect(() => toUtcIso('2026-03-05T15:00:00')).toThrow(RangeError);
    expect(() => toUtcIso('2026-03-05')).toThrow(RangeError);
    expect(() => toUtcIso('not a date')).toThrow(RangeError);
    expect(() => toUtcIso('2026-02-30T10:00Z')).toThrow(RangeError);
    expect(() => toUtcIso(new Date(Number.NaN))).toThrow(RangeError);
    expect(tryUtcIso('2026-03-05T15:00:00')).toBeNull();
    expect(tryUtcIso(42)).toBeNull();
    expect(tryUtcIso('2026-03-05T15:00Z')).toBe('2026-03-05T15:00:00.000Z');
  });

  it('gives zone offsets, including US DST and Moscow without DST', () => {
    expect(zoneOffset('2026-03-07T12:00:00Z', NYC)).toBe('-05:00');
    expect(zoneOffset('2026-03-09T12:00:00Z', NYC)).toBe('-04:00');
    expect(zoneOffset('2026-03-07T12:00:00Z', LAX)).toBe('-08:00');
    expect(zoneOffset('2026-03-09T12:00:00Z', LAX)).toBe('-07:00');
    expect(zoneOffset('2026-01-15T12:00:00Z', MOW)).toBe('+03:00');
    expect(zoneOffset('2026-07-15T12:00:00Z', MOW)).toBe('+03:00');
    expect(zoneOffset('2026-07-15T12:00:00Z', 'UTC')).toBe('+00:00');
    expect(zoneOffset('2026-07-15T12:00:00Z', 'Asia/Kolkata')).toBe('+05:30');
    expect(() => zoneOffset('2026-07-15T12:00:00Z', 'Mars/Base')).toThrow(RangeError);
  });

  it('gives the calendar day in a zone and hours between instants', () => {
    expect(isoDate('2026-03-05T22:30:00Z', MOW)).toBe('2026-03-06');
    expect(isoDate('2026-03-05T22:30:00Z', NYC)).toBe('2026-03-05');
    expect(isoDate('2026-03-05T02:00:00Z', LAX)).toBe('2026-03-04');
    expect(hoursBetween('2026-03-05T15:00:00Z', '2026-03-07T15:00:00Z')).toBe(48);
    expect(hoursBetween('2026-03-07T15:00:00Z', '2026-03-05T16:30:00Z')).toBe(-46.5);
  });
});

describe('plain dates', () => {
  it('validates and adds days across month, leap-year and DST boundaries', () => {
    expect(isValidPlainDate('2028-02-29')).toBe(true);
    expect(isValidPlainDate('2026-02-29')).toBe(false);
    expect(isValidPlainDate('2026-3-5')).toBe(false);
    expect(isValidPlainDate('2026-03-05T00:00')).toBe(false);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
  });

  it('finds where a day starts in a zone, also when a DST change skips midnight', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(startOfDay('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfDay('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(startOfDay('2026-11-01', 'America/New_York'))).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(startOfDay('2026-03-29', 'Europe/Moscow'))).toBe('2026-03-28T21:00:00.000Z');
    // São Paulo, 4 Nov 2018: the clocks went from 23:59:59 to 01:00, so the day began at 01:00 (-02).
    expect(iso(startOfDay('2018-11-04', 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
  });

  it('lists days, finds next Monday and today in a zone', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(nextMonday('2026-03-04')).toBe('2026-03-09');
    expect(nextMonday('2026-03-09')).toBe('2026-03-16');
    expect(todayIn('Asia/Tokyo', '2026-03-08T16:00:00Z')).toBe('2026-03-09');
    expect(todayIn('America/New_York', '2026-03-08T16:00:00Z')).toBe('2026-03-08');
  });
});

describe('formatInZones: Moscow, New York, Los Angeles side by side', () => {
  it('shows one instant in each zone with EST/PST before the US change', () => {
    expect(sideBySide('2026-03-05T15:00:00Z')).toEqual({
      [MOW]: '2026-03-05 18:00 MSK +03:00',
      [NYC]: '2026-03-05 10:00 EST -05:00',
      [LAX]: '2026-03-05 07:00 PST -08:00',
    });
  });

  it('follows the US spring-forward on 2026-03-08 while Moscow stays at +03:00', () => {
    // 06:59 UTC is 01:59 EST; one minute later the clocks in New York read 03:00 EDT.
    expect(sideBySide('2026-03-08T06:59:00Z')[NYC]).toBe('2026-03-08 01:59 EST -05:00');
    expect(sideBySide('2026-03-08T07:00:00Z')[NYC]).toBe('2026-03-08 03:00 EDT -04:00');
    // Los Angeles switches three hours later in UTC terms.
    expect(sideBySide('2026-03-08T09:59:00Z')[LAX]).toBe('2026-03-08 01:59 PST -08:00');
    expect(sideBySide('2026-03-08T10:00:00Z')[LAX]).toBe('2026-03-08 03:00 PDT -07:00');
    // Same UTC time of day on either side of the change: the Moscow/New York gap shrinks from 8 h to 7 h.
    expect(sideBySide('2026-03-07T15:00:00Z')).toEqual({
      [MOW]: '2026-03-07 18:00 MSK +03:00',
      [NYC]: '2026-03-07 10:00 EST -05:00',
      [LAX]: '2026-03-07 07:00 PST -08:00',
    });
    expect(sideBySide('2026-03-09T15:00:00Z')).toEqual({
      [MOW]: '2026-03-09 18:00 MSK +03:00',
      [NYC]: '2026-03-09 11:00 EDT -04:00',
      [LAX]: '2026-03-09 08:00 PDT -07:00',
    });
  });

  it('follows the US fall-back on 2026-11-01: the 01:xx hour appears twice', () => {
    expect(sideBySide('2026-11-01T05:30:00Z')).toEqual({
      [MOW]: '2026-11-01 08:30 MSK +03:00',
      [NYC]: '2026-11-01 01:30 EDT -04:00',
      [LAX]: '2026-10-31 22:30 PDT -07:00',
    });
    expect(sideBySide('2026-11-01T06:30:00Z')).toEqual({
      [MOW]: '2026-11-01 09:30 MSK +03:00',
      [NYC]: '2026-11-01 01:30 EST -05:00',
      [LAX]: '2026-10-31 23:30 PDT -07:00',
    });
    expect(sideBySide('2026-11-01T09:30:00Z')[LAX]).toBe('2026-11-01 01:30 PST -08:00');
  });

  it('labels in English and Russian', () => {
    const en = formatInZones('2026-03-05T15:00:00Z', MARKETS, 'en').map((d) => d.label);
    expect(en).toEqual(['5 Mar 18:00 MSK', '5 Mar 10:00 EST', '5 Mar 07:00 PST']);
    const ru = formatInZones('2026-03-05T15:00:00Z', MARKETS, 'ru').map((d) => d.label);
    expect(ru).toEqual(['5 мар. 18:00 MSK', '5 мар. 10:00 EST', '5 мар. 07:00 PST']);
    // The label's day is the zone's day, not the UTC day.
    const late = formatInZones('2026-05-05T22:00:00Z', [MOW, NYC], 'ru').map((d) => d.label);
    expect(late).toEqual(['6 мая 01:00 MSK', '5 мая 18:00 EDT']);
  });

  it('keeps the zone as given, accepts Date input and keeps the requested order', () => {
    const out = formatInZones(new Date(Date.UTC(2026, 6, 1, 12)), ['UTC', 'us/eastern', MOW], 'en');
    expect(out.map((d) => [d.zone, d.time, d.abbreviation])).toEqual([
      ['UTC', '12:00', 'UTC'],
      ['us/eastern', '08:00', 'EDT'],
      [MOW, '15:00', 'MSK'],
    ]);
    expect(formatInZones('2026-07-01T12:00:00Z', [], 'en')).toEqual([]);
  });

  it('throws on an invalid zone or instant', () => {
    expect(() => formatInZones('2026-03-05T15:00:00Z', [MOW, 'Mars/Base'], 'en')).toThrow(RangeError);
    expect(() => formatInZones('2026-03-05T15:00:00', [MOW], 'en')).toThrow(RangeError);
  });
});

describe('abbreviations', () => {
  it('uses Intl names for US zones, EST vs EDT', () => {
    expect(zoneAbbreviation('2026-01-15T12:00:00Z', NYC)).toBe('EST');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', NYC)).toBe('EDT');
    expect(zoneAbbreviation('2026-01-15T12:00:00Z', LAX)).toBe('PST');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', LAX)).toBe('PDT');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'America/Phoenix')).toBe('MST');
  });

  it('uses the explicit table where Intl gives GMT±N', () => {
    expect(zoneAbbreviation('2026-01-15T12:00:00Z', MOW)).toBe('MSK');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', MOW)).toBe('MSK');
    expect(zoneAbbreviation('2026-01-15T12:00:00Z', 'Europe/London')).toBe('GMT');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation('2026-01-15T12:00:00Z', 'Europe/Berlin')).toBe('CET');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'Europe/Berlin')).toBe('CEST');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'Europe/Kiev')).toBe('EEST');
  });

  it('keeps GMT±N where no name is known, including historical offsets of table zones', () => {
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'Asia/Yekaterinburg')).toBe('GMT+5');
    expect(zoneAbbreviation('2026-07-15T12:00:00Z', 'Asia/Dubai')).toBe('GMT+4');
    // Moscow was on permanent +04:00 from 2011 to 2014: not labelled MSK by the table.
    expect(zoneOffset('2012-07-15T12:00:00Z', MOW)).toBe('+04:00');
    expect(zoneAbbreviation('2012-07-15T12:00:00Z', MOW)).toBe('GMT+4');
  });
});

describe('parseLocalTime', () => {
  it('converts ordinary local times', () => {
    expect(parseLocalTime('2026-03-05T18:00', MOW)).toEqual({
      ok: true,
      instant: '2026-03-05T15:00:00.000Z',
      offset: '+03:00',
      local: '2026-03-05T18:00',
      adjusted: null,
    });
    expect(parseLocalTime('2026-03-08T10:00', NYC)).toMatchObject({
      ok: true,
      instant: '2026-03-08T14:00:00.000Z',
      offset: '-04:00',
      adjusted: null,
    });
    expect(parseLocalTime('2026-03-07T10:00:30', NYC)).toMatchObject({
      ok: true,
      instant: '2026-03-07T15:00:30.000Z',
      offset: '-05:00',
      local: '2026-03-07T10:00:30',
    });
    expect(parseLocalTime('2026-03-08T02:30', MOW)).toMatchObject({
      ok: true,
      instant: '2026-03-07T23:30:00.000Z',
    });
  });

  it('rejects a time in the spring-forward gap by default', () => {
    expect(parseLocalTime('2026-03-08T02:30', NYC)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseLocalTime('2026-03-08T02:00', NYC)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseLocalTime('2026-03-08T02:59:59', LAX)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseLocalTime('2026-03-08T02:30', NYC, 'reject')).toEqual({ ok: false, reason: 'nonexistent' });
    // The minute before and the first minute after the gap are fine.
    expect(parseLocalTime('2026-03-08T01:59', NYC)).toMatchObject({
      ok: true,
      instant: '2026-03-08T06:59:00.000Z',
    });
    expect(parseLocalTime('2026-03-08T03:00', NYC)).toMatchObject({
      ok: true,
      instant: '2026-03-08T07:00:00.000Z',
    });
  });

  it('resolves a gap explicitly and reports it', () => {
    expect(parseLocalTime('2026-03-08T02:30', NYC, 'earlier')).toEqual({
      ok: true,
      instant: '2026-03-08T06:30:00.000Z',
      offset: '-05:00',
      local: '2026-03-08T01:30',
      adjusted: { kind: 'gap', chosen: 'earlier' },
    });
    expect(parseLocalTime('2026-03-08T02:30', NYC, 'later')).toEqual({
      ok: true,
      instant: '2026-03-08T07:30:00.000Z',
      offset: '-04:00',
      local: '2026-03-08T03:30',
      adjusted: { kind: 'gap', chosen: 'later' },
    });
  });

  it('rejects a time in the fall-back overlap by default', () => {
    expect(parseLocalTime('2026-11-01T01:30', NYC)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocalTime('2026-11-01T01:00', LAX)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocalTime('2026-11-01T00:59', NYC)).toMatchObject({ ok: true, adjusted: null });
    expect(parseLocalTime('2026-11-01T02:00', NYC)).toMatchObject({
      ok: true,
      instant: '2026-11-01T07:00:00.000Z',
      adjusted: null,
    });
  });

  it('resolves an overlap explicitly and reports it', () => {
    expect(parseLocalTime('2026-11-01T01:30', NYC, 'earlier')).toEqual({
      ok: true,
      instant: '2026-11-01T05:30:00.000Z',
      offset: '-04:00',
      local: '2026-11-01T01:30',
      adjusted: { kind: 'overlap', chosen: 'earlier' },
    });
    expect(parseLocalTime('2026-11-01T01:30', NYC, 'later')).toEqual({
      ok: true,
      instant: '2026-11-01T06:30:00.000Z',
      offset: '-05:00',
      local: '2026-11-01T01:30',
      adjusted: { kind: 'overlap', chosen: 'later' },
    });
  });

  it('does not report an adjustment when the choice was not needed', () => {
    expect(parseLocalTime('2026-03-08T10:00', NYC, 'earlier')).toMatchObject({ ok: true, adjusted: null });
    expect(parseLocalTime('2026-11-01T01:30', MOW, 'later')).toMatchObject({ ok: true, adjusted: null });
  });

  it('rejects malformed input and unknown zones', () => {
    for (const bad of [
      '',
      '2026-03-08',
      '2026-03-08T10',
      '2026-03-08 10:00',
      '2026-03-08T10:00Z',
      '2026-03-08T10:00+03:00',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-03-08T24:00',
      '2026-03-08T10:60',
      '26-03-08T10:00',
      ' 2026-03-08T10:00',
    ])
      expect(parseLocalTime(bad, NYC), JSON.stringify(bad)).toEqual({ ok: false, reason: 'invalid_format' });
    expect(parseLocalTime('2026-03-08T10:00', 'Mars/Base')).toEqual({
      ok: false,
      reason: 'invalid_time_zone',
    });
    expect(parseLocalTime('2026-03-08T10:00', '+03:00')).toEqual({ ok: false, reason: 'invalid_time_zone' });
    expect(parseLocalTime('2026-03-08T10:00', '')).toEqual({ ok: false, reason: 'invalid_time_zone' });
  });

  it('round-trips with formatInZones every 15 minutes through both 2026 US changes', () => {
    for (const [from, to] of [
      ['2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z'],
      ['2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z'],
    ] as const) {
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 15 * 60_000) {
        const instant = new Date(ms).toISOString();
        for (const shown of formatInZones(instant, MARKETS, 'en')) {
          const local = `${shown.date}T${shown.time}`;
          const strict = parseLocalTime(local, shown.zone);
          if (strict.ok) {
            expect(strict.instant, `${local} ${shown.zone}`).toBe(instant);
            expect(strict.offset).toBe(shown.offset);
          } else {
            // A displayed time can be ambiguous but never nonexistent; one of the two passes is it.
            expect(strict.reason).toBe('ambiguous');
            const both = [
              parseLocalTime(local, shown.zone, 'earlier'),
              parseLocalTime(local, shown.zone, 'later'),
            ];
            expect(both.map((r) => r.ok && r.instant)).toContain(instant);
          }
        }
      }
    }
  });
});
