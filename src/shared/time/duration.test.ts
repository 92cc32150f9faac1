import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageValues, translate } from '../i18n/index.ts';
import { formatDuration, lateText, minutesBetween } from './duration.ts';

const inEnglish = (key: MessageKey, values?: MessageValues) => translate('en', key, values);
const inRussian = (key: MessageKey, values?: MessageValues) => translate('ru', key, values);

describe('formatDuration', () => {
  it('says the two largest units, with English plurals', () => {
    expect(formatDuration(inEnglish, 1)).toBe('1 minute');
    expect(formatDuration(inEnglish, 0.2)).toBe('1 minute');
    expect(formatDuration(inEnglish, 130)).toBe('2 hours 10 minutes');
    expect(formatDuration(inEnglish, 180)).toBe('3 hours');
    expect(formatDuration(inEnglish, 2 * 1440 + 61)).toBe('2 days 1 hour');
    expect(formatDuration(inEnglish, -90)).toBe('1 hour 30 minutes');
  });

  it('uses every Russian plural form (as after «на» and «через»)', () => {
    expect(formatDuration(inRussian, 1)).toBe('1 минуту');
    expect(formatDuration(inRussian, 3)).toBe('3 минуты');
    expect(formatDuration(inRussian, 11)).toBe('11 минут');
    expect(formatDuration(inRussian, 21)).toBe('21 минуту');
    expect(formatDuration(inRussian, 130)).toBe('2 часа 10 минут');
    expect(formatDuration(inRussian, 5 * 60)).toBe('5 часов');
    expect(formatDuration(inRussian, 21 * 60)).toBe('21 час');
    expect(formatDuration(inRussian, 1440)).toBe('1 день');
    expect(formatDuration(inRussian, 2 * 1440 + 120)).toBe('2 дня 2 часа');
    expect(formatDuration(inRussian, 5 * 1440)).toBe('5 дней');
  });

  it('writes the short form for tables, zero included', () => {
    expect(formatDuration(inEnglish, 200, { style: 'short' })).toBe('3 h 20 min');
    expect(formatDuration(inEnglish, 2 * 1440 + 65, { style: 'short' })).toBe('2 days 1 h');
    expect(formatDuration(inEnglish, 0, { style: 'short' })).toBe('0 min');
    expect(formatDuration(inRussian, 200, { style: 'short' })).toBe('3 часа 20 минут');
    expect(lateText(inEnglish, 200, false)).toBe('3 h 20 min late');
    expect(lateText(inEnglish, -5, true)).toContain('0 min');
  });

  it('says how long from now, the sign choosing "in" or "ago"', () => {
    expect(formatDuration(inEnglish, 42, { relative: true })).toBe('in 42 minutes');
    expect(formatDuration(inEnglish, 29.6, { relative: true })).toBe('in 30 minutes');
    expect(formatDuration(inEnglish, 0.2, { relative: true })).toBe('in 1 minute');
    expect(formatDuration(inEnglish, -0.2, { relative: true })).toBe('1 minute ago');
    expect(formatDuration(inEnglish, -130, { relative: true })).toBe('2 hours 10 minutes ago');
    expect(formatDuration(inEnglish, 3 * 1440, { relative: true })).toBe('in 3 days');
    expect(formatDuration(inRussian, 1, { relative: true })).toBe('через 1 минуту');
    expect(formatDuration(inRussian, 3 * 60, { relative: true })).toBe('через 3 часа');
    expect(formatDuration(inRussian, -21, { relative: true })).toBe('21 минуту назад');
    expect(formatDuration(inRussian, -5 * 60, { relative: true })).toBe('5 часов назад');
    expect(formatDuration(inRussian, -2 * 1440, { relative: true })).toBe('2 дня назад');
    expect(formatDuration(inRussian, -(1440 + 60), { relative: true })).toBe('1 день 1 час назад');
  });

  it('rounds to the largest unit alone when asked for one unit', () => {
    expect(formatDuration(inEnglish, 44, { units: 1 })).toBe('44 minutes');
    expect(formatDuration(inEnglish, 59.7, { units: 1 })).toBe('1 hour');
    expect(formatDuration(inEnglish, 140, { units: 1 })).toBe('2 hours');
    expect(formatDuration(inEnglish, 160, { units: 1 })).toBe('3 hours');
    expect(formatDuration(inEnglish, 23 * 60 + 45, { units: 1 })).toBe('1 day');
    expect(formatDuration(inEnglish, -200, { units: 1, relative: true })).toBe('3 hours ago');
    expect(formatDuration(inRussian, -22 * 60, { units: 1, relative: true })).toBe('22 часа назад');
    expect(formatDuration(inRussian, 200, { units: 1, style: 'short' })).toBe('3 часа');
  });

  it('counts whole minutes between two instants', () => {
    expect(minutesBetween('2026-03-08T06:00:00Z', '2026-03-08T08:10:59Z')).toBe(130);
    expect(minutesBetween('2026-03-08T08:00:00Z', '2026-03-08T06:00:00Z')).toBe(-120);
  });
});
