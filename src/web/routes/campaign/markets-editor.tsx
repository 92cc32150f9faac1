import { useMemo } from 'react';
import { type Market, type MarketInput, OBJECTIVE_OPTIONS, type Objective } from '../../api/campaigns.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { TimeZonePicker } from '../../components/time-zone-picker.tsx';
import { Button, Field, Select, TextInput } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import type { FieldErrors } from '../forms.ts';
import { currencyOptions, languageOptions, regionName } from './market-options.ts';

/** One market row being edited; `key` is local (React), never sent. */
export interface MarketDraft {
  key: string;
  code: string;
  name: string;
  language: string;
  timeZone: string;
  currency: string;
  objective: Objective;
}

export const MIN_MARKETS = 2;
export const MAX_MARKETS = 20;

let nextKey = 0;
const newKey = () => {
  nextKey += 1;
  return `m${nextKey}`;
};

export function marketDraft(market: Partial<Omit<MarketDraft, 'key'>> = {}): MarketDraft {
  return {
    key: newKey(),
    code: market.code ?? '',
    name: market.name ?? '',
    language: market.language ?? 'en',
    timeZone: market.timeZone ?? '',
    currency: market.currency ?? 'USD',
    objective: market.objective ?? 'awareness',
  };
}

/** The first campaign of many teams: Russia (awareness) and the US (conversion). */
export const DEFAULT_MARKETS = (): MarketDraft[] => [
  marketDraft({
    code: 'RU',
    language: 'ru',
    timeZone: 'Europe/Moscow',
    currency: 'RUB',
    objective: 'awareness',
  }),
  marketDraft({
    code: 'US',
    language: 'en',
    timeZone: 'America/New_York',
    currency: 'USD',
    objective: 'conversion',
  }),
];

export const draftsFromMarkets = (markets: Market[]): MarketDraft[] =>
  markets.map((market) => marketDraft(market));

/** The request body for the markets (an empty name lets the server name it after the region). */
export function marketsBody(drafts: MarketDraft[]): MarketInput[] {
  return drafts.map((draft) => ({
    code: draft.code.trim().toUpperCase(),
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    language: draft.language,
    timeZone: draft.timeZone,
    currency: draft.currency,
    objective: draft.objective,
  }));
}

/** Checks the browser can make; the server checks again (its messages land on the same fields). */
export function checkMarkets(t: Translate, drafts: MarketDraft[]): FieldErrors {
  const errors: FieldErrors = {};
  if (drafts.length < MIN_MARKETS) errors.markets = t('wizard.error.minMarkets', { min: MIN_MARKETS });
  const seen = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const code = draft.code.trim().toUpperCase();
    if (!code) errors[`markets.${index}.code`] = t('wizard.error.required');
    else if (!/^[A-Z]{2,8}$/.test(code)) errors[`markets.${index}.code`] = t('wizard.error.marketCode');
    else if (seen.has(code)) errors[`markets.${index}.code`] = t('wizard.error.duplicateCode', { code });
    else seen.set(code, index);
    if (!draft.language) errors[`markets.${index}.language`] = t('wizard.error.required');
    if (!draft.timeZone) errors[`markets.${index}.timeZone`] = t('wizard.error.required');
    if (!draft.currency) errors[`markets.${index}.currency`] = t('wizard.error.required');
  });
  return errors;
}

export function MarketsEditor({
  markets,
  onChange,
  errors,
  clearError,
}: {
  markets: MarketDraft[];
  onChange: (markets: MarketDraft[]) => void;
  errors: FieldErrors;
  clearError: (field: string) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const languages = useMemo(() => languageOptions(locale), [locale]);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  const update = (index: number, patch: Partial<MarketDraft>) => {
    onChange(markets.map((market, i) => (i === index ? { ...market, ...patch } : market)));
    for (const field of Object.keys(patch)) clearError(`markets.${index}.${field}`);
    clearError('markets');
  };
  const remove = (index: number) => onChange(markets.filter((_, i) => i !== index));
  const add = () => {
    onChange([...markets, marketDraft()]);
  };

  return (
    <div className="cp-markets-editor">
      {errors.markets ? (
        <p className="field-error" role="alert">
          {errors.markets}
        </p>
      ) : null}
      <ol className="cp-market-rows">
        {markets.map((market, index) => {
          const error = (field: string) => errors[`markets.${index}.${field}`];
          const code = market.code.trim().toUpperCase();
          const suggestedName = regionName(code, locale) ?? '';
          const title = code
            ? t('wizard.marketTitleWithCode', { number: index + 1, code })
            : t('wizard.marketTitle', { number: index + 1 });
          const languageKnown = languages.some((option) => option.value === market.language);
          const currencyKnown = currencies.some((option) => option.value === market.currency);
          return (
            <li key={market.key} className="cp-market-row" aria-label={title}>
              <div className="cp-market-row-header">
                <span className="cp-market-row-title">{title}</span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => remove(index)}
                  disabled={markets.length <= MIN_MARKETS}
                  title={markets.length <= MIN_MARKETS ? t('wizard.minMarketsHint') : undefined}
                  aria-label={t('wizard.removeMarket', { name: code || String(index + 1) })}
                >
                  {t('wizard.remove')}
                </Button>
              </div>
              <div className="cp-market-fields">
                <div className="cp-market-field-code">
                  <Field label={t('wizard.marketCode')} error={error('code')}>
                    {(control) => (
                      <TextInput
                        {...control}
                        value={market.code}
                        maxLength={8}
                        autoCapitalize="characters"
                        spellCheck={false}
                        placeholder="RU"
                        className="input-mono cp-input-upper"
                        onChange={(event) => update(index, { code: event.target.value.toUpperCase() })}
                      />
                    )}
                  </Field>
                </div>
                <div className="cp-market-field-name">
                  <Field label={t('wizard.marketName')} optional error={error('name')}>
                    {(control) => (
                      <TextInput
                        {...control}
                        value={market.name}
                        maxLength={80}
                        placeholder={suggestedName}
                        onChange={(event) => update(index, { name: event.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <div className="cp-market-field-language">
                  <Field label={t('wizard.language')} error={error('language')}>
                    {(control) => (
                      <Select
                        {...control}
                        value={market.language}
                        onChange={(event) => update(index, { language: event.target.value })}
                      >
                        {languageKnown ? null : <option value={market.language}>{market.language}</option>}
                        {languages.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                </div>
                <div className="cp-market-field-objective">
                  <Field label={t('wizard.objective')} error={error('objective')}>
                    {(control) => (
                      <Select
                        {...control}
                        value={market.objective}
                        onChange={(event) => update(index, { objective: event.target.value as Objective })}
                      >
                        {OBJECTIVE_OPTIONS.map((objective) => (
                          <option key={objective} value={objective}>
                            {t(`brief.objective.${objective}`)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                </div>
                <div className="cp-market-field-zone">
                  <Field label={t('wizard.timeZone')} error={error('timeZone')}>
                    {(control) => (
                      <TimeZonePicker
                        {...control}
                        value={market.timeZone}
                        onChange={(timeZone) => update(index, { timeZone })}
                      />
                    )}
                  </Field>
                </div>
                <div className="cp-market-field-currency">
                  <Field label={t('wizard.currency')} error={error('currency')}>
                    {(control) => (
                      <Select
                        {...control}
                        value={market.currency}
                        onChange={(event) => update(index, { currency: event.target.value })}
                      >
                        {currencyKnown ? null : <option value={market.currency}>{market.currency}</option>}
                        {currencies.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <Button onClick={add} disabled={markets.length >= MAX_MARKETS}>
          <PlusIcon />
          {t('wizard.addMarket')}
        </Button>
      </div>
    </div>
  );
}

/** The server's validation details (`body.markets.1.timeZone`) as form fields (`markets.1.timeZone`). */
export function serverFieldErrors(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const issue of details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof issue?.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.replace(/^body\.?/, '');
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
