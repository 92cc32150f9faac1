import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type FxInput, fxQuery, insightKeys, setExchangeRates } from '../../api/insights.ts';
import { Dialog } from '../../components/dialog.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Field, Select, Spinner, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { formatInstant } from '../../time/format.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { currencyName } from '../campaign/market-options.ts';
import { parseTypedNumber } from './format.ts';

/**
 * The exchange rates fixed for the campaign: spend and revenue in every currency are converted to
 * one base currency with them (audited). Changing the base converts the rates already typed.
 */
export function FxDialog({
  missing,
  viewerZone,
  onClose,
}: {
  missing: string[];
  viewerZone: string;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const fx = useQuery(fxQuery(campaign.id));
  const [base, setBase] = useState<string | null>(null);
  const [rates, setRates] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string[]>([]);

  useEffect(() => {
    if (!fx.data || base !== null) return;
    setBase(fx.data.baseCurrency);
    setRates(
      Object.fromEntries(
        Object.entries(fx.data.rates)
          .filter(([code]) => code !== fx.data.baseCurrency)
          .map(([code, rate]) => [code, String(rate)]),
      ),
    );
  }, [fx.data, base]);

  const currencies = [
    ...new Set([
      ...campaign.markets.map((m) => m.currency),
      ...(fx.data ? Object.keys(fx.data.rates) : []),
      ...missing,
      ...(base ? [base] : []),
    ]),
  ].sort();

  const changeBase = (next: string) => {
    if (!base) return;
    // 1 X = r[X] old-base units; in the new base: r[X] / r[new].
    const numeric = Object.fromEntries(
      Object.entries({ ...rates, [base]: '1' }).map(([code, raw]) => [code, parseTypedNumber(raw, locale)]),
    );
    const pivot = numeric[next];
    setRates(
      Object.fromEntries(
        currencies
          .filter((code) => code !== next)
          .map((code) => {
            const value = numeric[code];
            return [
              code,
              pivot && value && !Number.isNaN(pivot) && !Number.isNaN(value)
                ? String(Number((value / pivot).toPrecision(6)))
                : '',
            ];
          }),
      ),
    );
    setBase(next);
  };

  const save = useMutation({
    mutationFn: (body: FxInput) => setExchangeRates(campaign.id, body),
    onSuccess: (data) => {
      queryClient.setQueryData(insightKeys.fx(campaign.id), data);
      void queryClient.invalidateQueries({ queryKey: insightKeys.report(campaign.id) });
      showToast(t('measurement.fx.saved'), 'success');
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!base) return;
    const parsed: Record<string, number> = {};
    const bad: string[] = [];
    for (const code of currencies) {
      if (code === base) continue;
      const value = parseTypedNumber(rates[code] ?? '', locale);
      if (value === null) continue;
      if (Number.isNaN(value) || value <= 0) bad.push(code);
      else parsed[code] = value;
    }
    setInvalid(bad);
    if (!bad.length) save.mutate({ baseCurrency: base, rates: parsed });
  };
  const formId = 'fx-form';

  return (
    <Dialog
      title={t('measurement.fx.title')}
      description={t('measurement.fx.description')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={save.isPending} disabled={!base}>
            {t('measurement.fx.save')}
          </Button>
        </>
      }
    >
      {fx.isError ? <ErrorAlert error={fx.error} /> : null}
      {!base ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <form id={formId} className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={save.error} />
          <Field label={t('measurement.fx.base')} hint={t('measurement.fx.baseHint')}>
            {(control) => (
              <Select {...control} value={base} onChange={(e) => changeBase(e.target.value)}>
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code} — {currencyName(code, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="ms-fx-rows">
            {currencies
              .filter((code) => code !== base)
              .map((code) => (
                <div key={code} className={`ms-fx-row${missing.includes(code) ? ' ms-fx-row-missing' : ''}`}>
                  <label className="ms-fx-label" htmlFor={`fx-${code}`}>
                    {t('measurement.fx.one', { code })}
                  </label>
                  <TextInput
                    id={`fx-${code}`}
                    inputMode="decimal"
                    className="fx-input"
                    value={rates[code] ?? ''}
                    aria-invalid={invalid.includes(code) || undefined}
                    placeholder={t('measurement.fx.placeholder')}
                    onChange={(event) => {
                      setRates((value) => ({ ...value, [code]: event.target.value }));
                      setInvalid((list) => list.filter((c) => c !== code));
                    }}
                  />
                  <span className="ms-fx-base">{base}</span>
                  {missing.includes(code) ? (
                    <span className="badge badge-warning">{t('measurement.fx.missing')}</span>
                  ) : null}
                  {invalid.includes(code) ? (
                    <span className="field-error ms-fx-error">{t('measurement.fx.invalid')}</span>
                  ) : null}
                </div>
              ))}
          </div>
          {fx.data?.updatedAt ? (
            <p className="text-sm muted">
              {t('measurement.fx.updated', { when: formatInstant(fx.data.updatedAt, viewerZone, locale) })}
            </p>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}
