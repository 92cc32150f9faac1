import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageValues, translate } from '../../shared/i18n/index.ts';
import { formatWhen } from './format.ts';

const inEnglish = (key: MessageKey, values?: MessageValues) => translate('en', key, values);
const inRussian = (key: MessageKey, values?: MessageValues) => translate('ru', key, values);

describe('formatWhen', () => {
  const now = new Date('2026-03-08T12:00:00Z');
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('says "just now", then minutes or hours ago within a day, through the shared duration words', () => {
    expect(formatWhen(inEnglish, secondsAgo(20), 'Europe/Moscow', 'en', now)).toBe('just now');
    expect(formatWhen(inEnglish, secondsAgo(120), 'Europe/Moscow', 'en', now)).toBe('2 minutes ago');
    expect(formatWhen(inEnglish, secondsAgo(3 * 3600 + 600), 'Europe/Moscow', 'en', now)).toBe('3 hours ago');
    expect(formatWhen(inRussian, secondsAgo(20), 'Europe/Moscow', 'ru', now)).toBe('только что');
    expect(formatWhen(inRussian, secondsAgo(60), 'Europe/Moscow', 'ru', now)).toBe('1 минуту назад');
    expect(formatWhen(inRussian, secondsAgo(5 * 60), 'Europe/Moscow', 'ru', now)).toBe('5 минут назад');
    expect(formatWhen(inRussian, secondsAgo(2 * 3600), 'Europe/Moscow', 'ru', now)).toBe('2 часа назад');
  });

  it('gives the instant in the viewer\u2019s zone from a day on', () => {
    expect(formatWhen(inEnglish, secondsAgo(2 * 86_400), 'Europe/Moscow', 'en', now)).toBe(
      '6 Mar 2026, 15:00 MSK',
    );
  });
});
