import { describe, expect, it } from 'vitest';
import { renderNotification } from '../server/modules/notifications/render.ts';
import { isDefaultMarketName, marketLabel, marketName } from './market-name.ts';

const ru = (name: string) => new Intl.DisplayNames(['ru'], { type: 'region' }).of(name);

describe('market names', () => {
  it('shows a region default, in any app language, as the region in the reader’s language', () => {
    expect(marketName({ code: 'US', name: 'United States' }, 'ru')).toBe(ru('US'));
    expect(marketName({ code: 'RU', name: 'Россия' }, 'en')).toBe('Russia');
    expect(marketName({ code: 'RU', name: 'Россия' }, 'ru')).toBe('Россия');
    expect(marketName({ code: 'US', name: 'Соединённые Штаты' }, 'en')).toBe('United States');
    expect(marketName({ code: 'US', name: ' united  states ' }, 'ru')).toBe(ru('US'));
    expect(marketName({ code: 'US', name: 'US' }, 'ru')).toBe(ru('US'));
    expect(marketName({ code: 'US', name: '' }, 'en')).toBe('United States');
  });

  it('keeps a name someone typed, and a code that is not a region', () => {
    expect(marketName({ code: 'US', name: 'США' }, 'en')).toBe('США');
    expect(marketName({ code: 'US', name: 'US East' }, 'ru')).toBe('US East');
    expect(marketName({ code: 'CIS', name: 'СНГ' }, 'en')).toBe('СНГ');
    expect(marketName({ code: 'CIS', name: 'CIS' }, 'ru')).toBe('CIS');
    expect(isDefaultMarketName('RU', 'Russian Federation')).toBe(false);
  });

  it('labels with the code, once', () => {
    expect(marketLabel({ code: 'US', name: 'United States' }, 'ru')).toBe(`US — ${ru('US')}`);
    expect(marketLabel({ code: 'CIS', name: 'CIS' }, 'en')).toBe('CIS');
  });

  it('renders a notification’s stored market name in the reader’s language', () => {
    const notification = {
      kind: 'launch.market_late',
      marketCode: 'US',
      params: {
        campaignName: 'Spring',
        marketName: 'United States',
        plannedAt: '2026-03-05T15:00:00Z',
        lateMinutes: 90,
      },
    };
    const { title } = renderNotification(notification, { locale: 'ru', timeZone: 'Europe/Moscow' });
    expect(title).toContain(ru('US'));
    expect(title).not.toContain('United States');
  });
});
