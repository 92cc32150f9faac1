import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { errorsFromServer } from './campaign-form.tsx';
import { DEFAULT_MARKETS, marketDraft, marketsBody, serverFieldErrors } from './markets-editor.tsx';

describe('server field errors on the campaign form', () => {
  it('puts each validation message under its field, market rows included', () => {
    expect(
      serverFieldErrors([
        { path: 'body.name', code: 'too_small', message: 'Required.' },
        { path: 'body.markets.1.timeZone', code: 'custom', message: '"Mars/Base" is not a time zone.' },
        { path: 'body.markets.1.timeZone', code: 'other', message: 'ignored' },
        { path: 'body.markets', code: 'too_small', message: 'At least 2.' },
      ]),
    ).toEqual({
      name: 'Required.',
      'markets.1.timeZone': '"Mars/Base" is not a time zone.',
      markets: 'At least 2.',
    });
  });

  it('marks every row of a duplicated market code', () => {
    const markets = [marketDraft({ code: 'RU' }), marketDraft({ code: 'US' }), marketDraft({ code: 'ru' })];
    const error = new ApiError(400, 'duplicate_market_code', 'Market RU appears more than once.');
    expect(errorsFromServer(error, markets)).toEqual({
      'markets.0.code': 'Market RU appears more than once.',
      'markets.2.code': 'Market RU appears more than once.',
    });
  });

  it('sends the default markets as the API expects them, leaving the name to the server', () => {
    expect(marketsBody(DEFAULT_MARKETS())).toEqual([
      { code: 'RU', language: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB', objective: 'awareness' },
      { code: 'US', language: 'en', timeZone: 'America/New_York', currency: 'USD', objective: 'conversion' },
    ]);
  });
});
