import { describe, expect, it } from 'vitest';
import { formatInstant } from './format.ts';
import { filterZones, shortOffset, splitZone, zoneOptions } from './zones.ts';

// A fixed instant: 5 March 2026, before the US clock change (New York is UTC−5, Moscow UTC+3).
const AT = new Date('2026-03-05T15:00:00Z');

describe('time zone picker data', () => {
  it('lists every zone plus UTC, west to east, with the time there', () => {
    const options = zoneOptions('en', AT);
    expect(options.length).toBeGreaterThan(300);
    expect(options.map((o) => o.zone)).toContain('UTC');
    const minutes = options.map((o) => o.offsetMinutes);
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
    expect(options.find((o) => o.zone === 'Europe/Moscow')).toMatchObject({
      offset: '+03:00',
      time: '18:00',
    });
    expect(options.find((o) => o.zone === 'America/New_York')).toMatchObject({
      offset: '-05:00',
      time: '10:00',
    });
  });

  it('puts the city typed first, before zones that merely share its time', () => {
    expect(filterZones(zoneOptions('en', AT), 'moscow')[0]?.zone).toBe('Europe/Moscow');
    expect(filterZones(zoneOptions('en', AT), 'new york').map((o) => o.zone)).toEqual(['America/New_York']);
    expect(filterZones(zoneOptions('ru', AT), 'москва')[0]?.zone).toBe('Europe/Moscow');
    expect(filterZones(zoneOptions('ru', AT), 'Нью-Йорк')[0]?.zone).toBe('America/New_York');
  });

  it('finds zones by offset', () => {
    const zones = filterZones(zoneOptions('en', AT), 'utc+3').map((o) => o.zone);
    expect(zones).toContain('Europe/Moscow');
    expect(zones).not.toContain('America/New_York');
  });

  it('names offsets and regions for people', () => {
    expect(shortOffset('+03:00')).toBe('UTC+3');
    expect(shortOffset('+05:30')).toBe('UTC+5:30');
    expect(shortOffset('-05:00')).toBe('UTC−5');
    expect(shortOffset('+00:00')).toBe('UTC');
    expect(splitZone('America/Argentina/Buenos_Aires', 'en')).toEqual({
      city: 'Buenos Aires',
      region: 'America / Argentina',
    });
    expect(splitZone('Europe/Moscow', 'ru')).toEqual({ city: 'Москва', region: 'Европа' });
  });
});

describe('formatInstant', () => {
  it('shows one instant in the viewer’s zone with its abbreviation, DST included', () => {
    expect(formatInstant('2026-03-05T15:00:00Z', 'Europe/Moscow', 'en')).toBe('5 Mar 2026, 18:00 MSK');
    expect(formatInstant('2026-03-05T15:00:00Z', 'America/New_York', 'en')).toBe('5 Mar 2026, 10:00 EST');
    // After 8 March New York is on daylight time; Moscow does not change.
    expect(formatInstant('2026-03-09T15:00:00Z', 'America/New_York', 'en')).toBe('9 Mar 2026, 11:00 EDT');
    expect(formatInstant('2026-03-05T15:00:00Z', 'Europe/Moscow', 'ru', true)).toBe(
      '5 мар. 2026 г., 18:00:00 MSK',
    );
  });
});
