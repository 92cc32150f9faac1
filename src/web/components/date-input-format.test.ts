import { describe, expect, it } from 'vitest';
import { exampleTyped, formatTyped, parseTyped } from './date-input-format.ts';

describe('dates typed the UI language’s way', () => {
  it('shows the value as the language writes it, not the browser', () => {
    expect(formatTyped('2026-12-07', 'date', 'ru')).toBe('07.12.2026');
    expect(formatTyped('2026-12-07', 'date', 'en')).toBe('12/07/2026');
    expect(formatTyped('2026-12-07T18:00', 'datetime', 'ru')).toBe('07.12.2026 18:00');
    expect(formatTyped('2026-12-07T18:00', 'datetime', 'en')).toBe('12/07/2026 18:00');
    expect(formatTyped('18:00', 'time', 'ru')).toBe('18:00');
    expect(formatTyped('', 'date', 'ru')).toBe('');
    expect(exampleTyped('datetime', 'ru')).toBe('07.12.2026 18:00');
  });

  it('reads what a person types, and ISO', () => {
    expect(parseTyped('07.12.2026', 'date', 'ru')).toBe('2026-12-07');
    expect(parseTyped('7.12.26', 'date', 'ru')).toBe('2026-12-07');
    expect(parseTyped('12/07/2026', 'date', 'en')).toBe('2026-12-07');
    expect(parseTyped('07/12/2026', 'date', 'ru')).toBe('2026-12-07');
    expect(parseTyped('07.12.2026', 'date', 'en')).toBe('2026-12-07');
    expect(parseTyped('2026-03-08', 'date', 'en')).toBe('2026-03-08');
    expect(parseTyped('Dec 7, 2026', 'date', 'en')).toBe('2026-12-07');
    expect(parseTyped('7 декабря 2026', 'date', 'ru')).toBe('2026-12-07');
    expect(parseTyped('5 мая 2026 г.', 'date', 'ru')).toBe('2026-05-05');
    expect(parseTyped('5 марта 2026', 'date', 'ru')).toBe('2026-03-05');
    expect(parseTyped('07.12.2026 18:00', 'datetime', 'ru')).toBe('2026-12-07T18:00');
    expect(parseTyped('12/07/2026, 6:30 pm', 'datetime', 'en')).toBe('2026-12-07T18:30');
    expect(parseTyped('2026-01-05T18:00', 'datetime', 'en')).toBe('2026-01-05T18:00');
    expect(parseTyped('Dec 7, 2026 18:00', 'datetime', 'en')).toBe('2026-12-07T18:00');
    expect(parseTyped('9:05', 'time', 'ru')).toBe('09:05');
    expect(parseTyped('12 am', 'time', 'en')).toBe('00:00');
    expect(parseTyped('', 'datetime', 'ru')).toBe('');
  });

  it('refuses what is not a date', () => {
    expect(parseTyped('31.02.2026', 'date', 'ru')).toBeNull();
    expect(parseTyped('13/13/2026', 'date', 'en')).toBeNull();
    expect(parseTyped('завтра', 'date', 'ru')).toBeNull();
    expect(parseTyped('07.12.2026', 'datetime', 'ru')).toBeNull();
    expect(parseTyped('07.12.2026 25:00', 'datetime', 'ru')).toBeNull();
    expect(parseTyped('18', 'time', 'ru')).toBeNull();
  });
});
