import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageValues, translate } from '../../shared/i18n/index.ts';
import { humanDuration, minutesBetween } from './human-duration.ts';

const inEnglish = (key: MessageKey, values?: MessageValues) => translate('en', key, values);
const inRussian = (key: MessageKey, values?: MessageValues) => translate('ru', key, values);

describe('humanDuration', () => {
  it('says the two largest units, with English plurals', () => {
    expect(humanDuration(inEnglish, 1)).toBe('1 minute');
    expect(humanDuration(inEnglish, 0.2)).toBe('1 minute');
    expect(humanDuration(inEnglish, 130)).toBe('2 hours 10 minutes');
    expect(humanDuration(inEnglish, 180)).toBe('3 hours');
    expect(humanDuration(inEnglish, 2 * 1440 + 61)).toBe('2 days 1 hour');
    expect(humanDuration(inEnglish, -90)).toBe('1 hour 30 minutes');
  });

  it('uses every Russian plural form (as after «на» and «через»)', () => {
    expect(humanDuration(inRussian, 1)).toBe('1 минуту');
    expect(humanDuration(inRussian, 3)).toBe('3 минуты');
    expect(humanDuration(inRussian, 11)).toBe('11 минут');
    expect(humanDuration(inRussian, 21)).toBe('21 минуту');
    expect(humanDuration(inRussian, 130)).toBe('2 часа 10 минут');
    expect(humanDuration(inRussian, 5 * 60)).toBe('5 часов');
    expect(humanDuration(inRussian, 21 * 60)).toBe('21 час');
    expect(humanDuration(inRussian, 1440)).toBe('1 день');
    expect(humanDuration(inRussian, 2 * 1440 + 120)).toBe('2 дня 2 часа');
    expect(humanDuration(inRussian, 5 * 1440)).toBe('5 дней');
  });

  it('counts whole minutes between two instants', () => {
    expect(minutesBetween('2026-03-08T06:00:00Z', '2026-03-08T08:10:59Z')).toBe(130);
    expect(minutesBetween('2026-03-08T08:00:00Z', '2026-03-08T06:00:00Z')).toBe(-120);
  });
});
