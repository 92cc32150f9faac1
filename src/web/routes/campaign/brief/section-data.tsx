import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  type DurationUnit,
  MAX_ESCALATION_MINUTES,
  splitMinutes,
  toMinutes,
} from '../../../../shared/escalation-duration.ts';
import { formatKpi, MONEY_KPIS } from '../../../../shared/figures.ts';
import {
  AWARENESS_KPIS,
  type Campaign,
  CONVERSION_KPIS,
  type KpiMetric,
  OBJECTIVE_OPTIONS,
  type Objective,
  OTHER_KPIS,
  type SectionData,
  type SectionKey,
} from '../../../api/campaigns.ts';
import { usersQuery } from '../../../api/queries.ts';
import { PlusIcon } from '../../../components/icons.tsx';
import { Button, Select, TextInput } from '../../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../../i18n/locale.tsx';
import type { FieldErrors } from '../../forms.ts';
import { languageName, marketName } from '../market-options.ts';
import { languageColumns } from './columns.ts';
import { DataBlock, type FormResult } from './data-block.tsx';

type Localized = Record<string, string>;

/** What the read-only views need: the campaign now, or the one a published version froze. */
export interface DataContext {
  languages: string[];
  /** `currency` writes money targets with their currency (a version snapshot may not carry it). */
  markets: Array<{ code: string; name: string; objective: Objective; currency?: string }>;
}

const newId = () => Math.random().toString(36).slice(2, 10);

/** Only non-empty translations are kept. */
const cleanLocalized = (value: Localized, languages: string[]): Localized =>
  Object.fromEntries(
    languages.map((language) => [language, (value[language] ?? '').trim()]).filter(([, text]) => text),
  );

function useNumberFormat() {
  const [locale] = useLocale();
  return (value: number) => new Intl.NumberFormat(locale).format(value);
}

/** One short text per campaign language, side by side. */
function LocalizedInputs({
  label,
  value,
  languages,
  onChange,
  multiline = false,
  error,
}: {
  label: string;
  value: Localized;
  languages: string[];
  onChange: (value: Localized) => void;
  multiline?: boolean;
  error?: string;
}) {
  const [locale] = useLocale();
  return (
    <div className="cp-loc-inputs" style={languageColumns(languages.length)}>
      {languages.map((language) => {
        const name = languageName(language, locale);
        const props = {
          value: value[language] ?? '',
          lang: language,
          'aria-label': `${label} · ${name}`,
          placeholder: name,
          'aria-invalid': error ? true : undefined,
        };
        return (
          <div key={language} className={`cp-loc-field${multiline ? ' cp-loc-field-multi' : ''}`}>
            {multiline ? (
              <textarea
                {...props}
                className="input textarea textarea-sm cp-loc-input"
                rows={2}
                maxLength={2000}
                onChange={(event) => onChange({ ...value, [language]: event.target.value })}
              />
            ) : (
              <TextInput
                {...props}
                className="cp-loc-input"
                maxLength={2000}
                onChange={(event) => onChange({ ...value, [language]: event.target.value })}
              />
            )}
            <span className="cp-loc-tag" aria-hidden="true">
              {language.toUpperCase()}
            </span>
          </div>
        );
      })}
      {error ? <p className="field-error cp-loc-error">{error}</p> : null}
    </div>
  );
}

/** Read-only texts in every language, side by side. */
function LocalizedView({ value, languages }: { value: Localized; languages: string[] }) {
  return (
    <div className="cp-loc-view" style={languageColumns(languages.length)}>
      {languages.map((language) => (
        <div key={language} lang={language} className={value[language] ? '' : 'cp-loc-missing'}>
          {value[language] || '—'}
        </div>
      ))}
    </div>
  );
}

function LanguageHeads({ languages }: { languages: string[] }) {
  const [locale] = useLocale();
  return (
    <>
      {languages.map((language) => (
        <th key={language} scope="col">
          {languageName(language, locale)}
        </th>
      ))}
    </>
  );
}

function EmptyData({ children }: { children: ReactNode }) {
  return <p className="cp-data-empty">{children}</p>;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return (
    <Button variant="ghost" size="sm" onClick={onClick} aria-label={label} className="cp-remove-button">
      {t('briefUi.remove')}
    </Button>
  );
}

function ObjectiveTag({ objective }: { objective: Objective }) {
  const t = useT();
  return <span className={`objective-tag objective-${objective}`}>{t(`brief.objective.${objective}`)}</span>;
}

function MarketLabel({ code, campaign }: { code: string; campaign: DataContext }) {
  const [locale] = useLocale();
  const market = campaign.markets.find((m) => m.code === code);
  return (
    <span className="cp-market-label">
      <span className="market-code">{code}</span>
      {market && marketName(market, locale) !== code ? (
        <span className="cp-market-label-name">{marketName(market, locale)}</span>
      ) : null}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Objective per market

type ObjectiveData = SectionData['objective'];

function objectiveRows(data: ObjectiveData, campaign: DataContext): ObjectiveData['markets'] {
  return campaign.markets.map(
    (market) =>
      data.markets.find((m) => m.marketCode === market.code) ?? {
        marketCode: market.code,
        objective: market.objective,
        success: {},
      },
  );
}

function ObjectiveView({ data, campaign }: { data: ObjectiveData; campaign: DataContext }) {
  const t = useT();
  const languages = campaign.languages;
  return (
    <div className="table-wrap table-wrap-flat">
      <table className="table cp-data-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('wizard.review.market')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('wizard.objective')}
            </th>
            <th scope="colgroup" colSpan={languages.length} className="cp-th-group">
              {t('briefUi.objective.success')}
            </th>
          </tr>
          <tr>
            <LanguageHeads languages={languages} />
          </tr>
        </thead>
        <tbody>
          {objectiveRows(data, campaign).map((row) => (
            <tr key={row.marketCode}>
              <td className="cell-nowrap">
                <MarketLabel code={row.marketCode} campaign={campaign} />
              </td>
              <td>
                <ObjectiveTag objective={row.objective} />
              </td>
              {languages.map((language) => (
                <td key={language} lang={language} className={row.success[language] ? '' : 'cp-loc-missing'}>
                  {row.success[language] || '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObjectiveEditor({
  form,
  setForm,
  campaign,
}: {
  form: ObjectiveData;
  setForm: (form: ObjectiveData) => void;
  campaign: Campaign;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<ObjectiveData['markets'][number]>) =>
    setForm({ markets: form.markets.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <div className="cp-edit-rows">
      {form.markets.map((row, index) => (
        <div key={row.marketCode} className="cp-edit-row">
          <div className="cp-edit-row-head">
            <MarketLabel code={row.marketCode} campaign={campaign} />
            <Select
              aria-label={`${t('wizard.objective')} · ${row.marketCode}`}
              value={row.objective}
              className="cp-select-compact"
              onChange={(event) => update(index, { objective: event.target.value as Objective })}
            >
              {OBJECTIVE_OPTIONS.map((objective) => (
                <option key={objective} value={objective}>
                  {t(`brief.objective.${objective}`)}
                </option>
              ))}
            </Select>
          </div>
          <LocalizedInputs
            label={`${t('briefUi.objective.success')} · ${row.marketCode}`}
            value={row.success}
            languages={campaign.languages}
            multiline
            onChange={(success) => update(index, { success })}
          />
        </div>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Guardrails

type GuardrailsData = SectionData['guardrails'];
type Guardrail = GuardrailsData['items'][number];

function GuardrailsView({ data, campaign }: { data: GuardrailsData; campaign: DataContext }) {
  const t = useT();
  if (data.items.length === 0) return <EmptyData>{t('briefUi.guardrails.empty')}</EmptyData>;
  const groups: Array<{ scope: Guardrail['scope']; items: Guardrail[] }> = [
    { scope: 'fixed', items: data.items.filter((item) => item.scope === 'fixed') },
    { scope: 'may_vary', items: data.items.filter((item) => item.scope === 'may_vary') },
  ];
  return (
    <div className="cp-guardrail-groups">
      {groups
        .filter((group) => group.items.length)
        .map((group) => (
          <section key={group.scope} className={`cp-guardrail-group cp-guardrail-${group.scope}`}>
            <h4 className="cp-data-subtitle">
              {t(group.scope === 'fixed' ? 'brief.guardrail.fixed' : 'brief.guardrail.may_vary')}
              <span className="cp-data-count">{group.items.length}</span>
            </h4>
            <ul className="cp-guardrail-list">
              {group.items.map((item) => {
                const notes = Object.entries(item.marketNotes).filter(([, note]) =>
                  Object.values(note).some(Boolean),
                );
                return (
                  <li key={item.id}>
                    <LocalizedView value={item.text} languages={campaign.languages} />
                    {notes.length ? (
                      <ul className="cp-market-notes">
                        {notes.map(([code, note]) => (
                          <li key={code}>
                            <span className="market-code">{code}</span>
                            <LocalizedView value={note} languages={campaign.languages} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </div>
  );
}

function GuardrailsEditor({
  form,
  setForm,
  campaign,
}: {
  form: GuardrailsData;
  setForm: (form: GuardrailsData) => void;
  campaign: Campaign;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<Guardrail>) =>
    setForm({ items: form.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  return (
    <div className="cp-edit-rows">
      {form.items.length === 0 ? <EmptyData>{t('briefUi.guardrails.empty')}</EmptyData> : null}
      {form.items.map((item, index) => (
        <div key={item.id} className="cp-edit-row">
          <div className="cp-edit-row-head">
            <span className="cp-edit-row-number">{index + 1}</span>
            <fieldset className="segmented segmented-sm">
              <legend className="visually-hidden">
                {t('briefUi.guardrails.scope', { number: index + 1 })}
              </legend>
              {(['fixed', 'may_vary'] as const).map((scope) => (
                <label key={scope} className="segment">
                  <input
                    type="radio"
                    className="segment-input"
                    name={`scope-${item.id}`}
                    checked={item.scope === scope}
                    onChange={() => update(index, { scope })}
                  />
                  {t(scope === 'fixed' ? 'brief.guardrail.fixed' : 'brief.guardrail.may_vary')}
                </label>
              ))}
            </fieldset>
            <RemoveButton
              label={t('briefUi.removeItem', { number: index + 1 })}
              onClick={() => setForm({ items: form.items.filter((_, i) => i !== index) })}
            />
          </div>
          <LocalizedInputs
            label={t('briefUi.guardrails.text', { number: index + 1 })}
            value={item.text}
            languages={campaign.languages}
            multiline
            onChange={(text) => update(index, { text })}
          />
          {item.scope === 'may_vary' ? (
            <div className="cp-market-notes-edit">
              <p className="cp-data-subtitle">{t('briefUi.guardrails.marketNotes')}</p>
              {campaign.markets.map((market) => (
                <div key={market.code} className="cp-market-note-row">
                  <span className="market-code">{market.code}</span>
                  <LocalizedInputs
                    label={t('briefUi.guardrails.noteFor', { market: market.code, number: index + 1 })}
                    value={item.marketNotes[market.code] ?? {}}
                    languages={campaign.languages}
                    onChange={(note) =>
                      update(index, { marketNotes: { ...item.marketNotes, [market.code]: note } })
                    }
                  />
                </div>
              ))}
            </div>
          ) : null}
        </div>
      ))}
      <div>
        <Button
          size="sm"
          onClick={() =>
            setForm({ items: [...form.items, { id: newId(), scope: 'fixed', text: {}, marketNotes: {} }] })
          }
        >
          <PlusIcon width={14} height={14} />
          {t('briefUi.guardrails.add')}
        </Button>
      </div>
    </div>
  );
}

function guardrailsFromForm(
  t: Translate,
  form: GuardrailsData,
  campaign: Campaign,
): FormResult<GuardrailsData> {
  const errors: FieldErrors = {};
  const items = form.items.map((item, index) => {
    const text = cleanLocalized(item.text, campaign.languages);
    if (Object.keys(text).length === 0) errors[`items.${index}.text`] = t('briefUi.error.textRequired');
    const marketNotes: Record<string, Localized> = {};
    if (item.scope === 'may_vary') {
      for (const [code, note] of Object.entries(item.marketNotes)) {
        const clean = cleanLocalized(note, campaign.languages);
        if (Object.keys(clean).length && campaign.markets.some((m) => m.code === code))
          marketNotes[code] = clean;
      }
    }
    return { id: item.id, scope: item.scope, text, marketNotes };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { items } };
}

// ---------------------------------------------------------------------------------------------
// Creator selection criteria

type CriteriaData = SectionData['selection_criteria'];
type CriteriaForm = { criteria: Array<{ id: string; label: Localized; weight: string }> };

function WeightTotal({ total }: { total: number }) {
  const t = useT();
  const format = useNumberFormat();
  const ok = Math.abs(total - 100) < 0.001;
  return (
    <p className={`cp-weight-total${ok ? ' cp-weight-total-ok' : ' cp-weight-total-off'}`} role="status">
      {t('briefUi.criteria.total', { total: format(total) })}
      {ok ? null : <span className="cp-weight-total-hint">{t('briefUi.criteria.totalHint')}</span>}
    </p>
  );
}

function CriteriaView({ data, campaign }: { data: CriteriaData; campaign: DataContext }) {
  const t = useT();
  const format = useNumberFormat();
  if (data.criteria.length === 0) return <EmptyData>{t('briefUi.criteria.empty')}</EmptyData>;
  const total = data.criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div className="stack">
      <div className="table-wrap table-wrap-flat">
        <table className="table cp-data-table">
          <thead>
            <tr>
              <LanguageHeads languages={campaign.languages} />
              <th scope="col" className="cp-cell-weight">
                {t('briefUi.criteria.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.criteria.map((criterion) => (
              <tr key={criterion.id}>
                {campaign.languages.map((language) => (
                  <td
                    key={language}
                    lang={language}
                    className={criterion.label[language] ? '' : 'cp-loc-missing'}
                  >
                    {criterion.label[language] || '—'}
                  </td>
                ))}
                <td className="cp-cell-weight">
                  <span className="cp-weight-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(criterion.weight, 100)}%` }} />
                  </span>
                  <span className="cp-weight-value">{format(criterion.weight)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WeightTotal total={total} />
    </div>
  );
}

function CriteriaEditor({
  form,
  setForm,
  campaign,
  errors,
}: {
  form: CriteriaForm;
  setForm: (form: CriteriaForm) => void;
  campaign: Campaign;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<CriteriaForm['criteria'][number]>) =>
    setForm({ criteria: form.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const total = form.criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  return (
    <div className="cp-edit-rows">
      {form.criteria.map((criterion, index) => (
        <div key={criterion.id} className="cp-edit-row cp-edit-row-inline">
          <span className="cp-edit-row-number">{index + 1}</span>
          <LocalizedInputs
            label={t('briefUi.criteria.label', { number: index + 1 })}
            value={criterion.label}
            languages={campaign.languages}
            error={errors[`criteria.${index}.label`]}
            onChange={(label) => update(index, { label })}
          />
          <div className="cp-weight-input">
            <TextInput
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              value={criterion.weight}
              aria-label={t('briefUi.criteria.weightOf', { number: index + 1 })}
              aria-invalid={errors[`criteria.${index}.weight`] ? true : undefined}
              onChange={(event) => update(index, { weight: event.target.value })}
            />
            {errors[`criteria.${index}.weight`] ? (
              <p className="field-error">{errors[`criteria.${index}.weight`]}</p>
            ) : null}
          </div>
          <RemoveButton
            label={t('briefUi.removeItem', { number: index + 1 })}
            onClick={() => setForm({ criteria: form.criteria.filter((_, i) => i !== index) })}
          />
        </div>
      ))}
      <div className="cp-edit-rows-foot">
        <Button
          size="sm"
          onClick={() => setForm({ criteria: [...form.criteria, { id: newId(), label: {}, weight: '0' }] })}
        >
          <PlusIcon width={14} height={14} />
          {t('briefUi.criteria.add')}
        </Button>
        <WeightTotal total={total} />
      </div>
    </div>
  );
}

function criteriaFromForm(t: Translate, form: CriteriaForm, campaign: Campaign): FormResult<CriteriaData> {
  const errors: FieldErrors = {};
  const criteria = form.criteria.map((criterion, index) => {
    const label = cleanLocalized(criterion.label, campaign.languages);
    if (Object.keys(label).length === 0) errors[`criteria.${index}.label`] = t('briefUi.error.textRequired');
    const weight = Number(criterion.weight);
    if (criterion.weight.trim() === '' || !Number.isFinite(weight) || weight < 0 || weight > 100)
      errors[`criteria.${index}.weight`] = t('briefUi.error.weight');
    return { id: criterion.id, label, weight };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { criteria } };
}

// ---------------------------------------------------------------------------------------------
// Measurement framework per market

type MeasurementData = SectionData['measurement'];
type Kpi = MeasurementData['markets'][number]['kpis'][number];
type KpiForm = {
  key: string;
  metric: KpiMetric;
  target: string;
  checkpoints: string;
  definition?: Localized;
};
type Basis = MeasurementData['markets'][number]['engagementRateBasis'];
type MeasurementForm = {
  markets: Array<{ marketCode: string; engagementRateBasis: Basis; kpis: KpiForm[] }>;
};
const BASES = ['reach', 'followers', 'impressions'] as const satisfies readonly Basis[];

function measurementRows(data: MeasurementData, campaign: DataContext) {
  return campaign.markets.map((market) => {
    const row = data.markets.find((m) => m.marketCode === market.code);
    // Data written before the basis existed reads as the server's default.
    return {
      market,
      kpis: row?.kpis ?? [],
      engagementRateBasis: (row?.engagementRateBasis ?? 'reach') as Basis,
    };
  });
}

function MetricSelect({
  value,
  onChange,
  label,
}: {
  value: KpiMetric;
  onChange: (metric: KpiMetric) => void;
  label: string;
}) {
  const t = useT();
  const group = (key: 'awareness' | 'conversion' | 'other', metrics: readonly KpiMetric[]) => (
    <optgroup label={t(`briefUi.measurement.group.${key}`)}>
      {metrics.map((metric) => (
        <option key={metric} value={metric}>
          {t(`brief.kpi.${metric}`)}
        </option>
      ))}
    </optgroup>
  );
  return (
    <Select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as KpiMetric)}>
      {group('awareness', AWARENESS_KPIS)}
      {group('conversion', CONVERSION_KPIS)}
      {group('other', OTHER_KPIS)}
    </Select>
  );
}

function MeasurementView({ data, campaign }: { data: MeasurementData; campaign: DataContext }) {
  const t = useT();
  const format = useNumberFormat();
  const [locale] = useLocale();
  // A target in its KPI's unit, as the dashboard writes it: 8 %, $25, 2×, or a count.
  const formatTarget = (metric: string, target: number, currency: string | undefined) =>
    MONEY_KPIS.has(metric) && !currency ? format(target) : formatKpi(metric, target, currency ?? '', locale);
  return (
    <div className="cp-measurement-grid">
      {measurementRows(data, campaign).map(({ market, kpis, engagementRateBasis }) => (
        <section key={market.code} className="cp-measurement-market">
          <h4 className="cp-measurement-market-head">
            <MarketLabel code={market.code} campaign={campaign} />
            <ObjectiveTag objective={market.objective} />
          </h4>
          <p className="cp-basis-note">{t(`briefUi.measurement.basisNote.${engagementRateBasis}`)}</p>
          {kpis.length === 0 ? (
            <EmptyData>{t('briefUi.measurement.noKpis')}</EmptyData>
          ) : (
            <table className="cp-kpi-table">
              <thead>
                <tr>
                  <th scope="col">{t('briefUi.measurement.metric')}</th>
                  <th scope="col" className="num cp-kpi-target">
                    {t('briefUi.measurement.target')}
                  </th>
                  <th scope="col" className="cp-kpi-checkpoints-cell">
                    {t('briefUi.measurement.checkpoints')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {kpis.map((kpi: Kpi, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: KPIs have no id; order is their identity
                  <tr key={index} className="cp-kpi-row">
                    <td>{t(`brief.kpi.${kpi.metric}`)}</td>
                    <td className="num cp-kpi-target">
                      {formatTarget(kpi.metric, kpi.target, market.currency)}
                    </td>
                    <td className="cp-kpi-checkpoints-cell">
                      {kpi.checkpointsDays.length
                        ? t('briefUi.measurement.days', {
                            days: kpi.checkpointsDays.map((d) => format(d)).join(', '),
                          })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}

function MeasurementEditor({
  form,
  setForm,
  campaign,
  errors,
}: {
  form: MeasurementForm;
  setForm: (form: MeasurementForm) => void;
  campaign: Campaign;
  errors: FieldErrors;
}) {
  const t = useT();
  const updateKpis = (marketIndex: number, kpis: KpiForm[]) =>
    setForm({ markets: form.markets.map((m, i) => (i === marketIndex ? { ...m, kpis } : m)) });
  return (
    <div className="cp-measurement-grid cp-measurement-grid-edit">
      {form.markets.map((row, marketIndex) => {
        const market = campaign.markets.find((m) => m.code === row.marketCode);
        return (
          <section key={row.marketCode} className="cp-measurement-market">
            <h4 className="cp-measurement-market-head">
              <MarketLabel code={row.marketCode} campaign={campaign} />
              {market ? <ObjectiveTag objective={market.objective} /> : null}
            </h4>
            <label className="cp-mini-field" htmlFor={`basis-${row.marketCode}`}>
              <span className="cp-mini-label">{t('briefUi.measurement.basis')}</span>
              <Select
                id={`basis-${row.marketCode}`}
                value={row.engagementRateBasis}
                onChange={(event) =>
                  setForm({
                    markets: form.markets.map((m, i) =>
                      i === marketIndex ? { ...m, engagementRateBasis: event.target.value as Basis } : m,
                    ),
                  })
                }
              >
                {BASES.map((basis) => (
                  <option key={basis} value={basis}>
                    {t(`briefUi.measurement.basisOption.${basis}`)}
                  </option>
                ))}
              </Select>
            </label>
            {row.kpis.length === 0 ? (
              <EmptyData>{t('briefUi.measurement.noKpis')}</EmptyData>
            ) : (
              <div className="cp-kpi-edit cp-kpi-edit-head" aria-hidden="true">
                <span>{t('briefUi.measurement.metric')}</span>
                <span>{t('briefUi.measurement.target')}</span>
                <span>{t('briefUi.measurement.checkpoints')}</span>
              </div>
            )}
            {row.kpis.map((kpi, kpiIndex) => {
              const path = `markets.${marketIndex}.kpis.${kpiIndex}`;
              const set = (patch: Partial<KpiForm>) =>
                updateKpis(
                  marketIndex,
                  row.kpis.map((k, i) => (i === kpiIndex ? { ...k, ...patch } : k)),
                );
              const label = (what: string) => `${what} · ${row.marketCode} ${kpiIndex + 1}`;
              return (
                <div key={kpi.key} className="cp-kpi-edit">
                  <MetricSelect
                    label={label(t('briefUi.measurement.metric'))}
                    value={kpi.metric}
                    onChange={(metric) => set({ metric })}
                  />
                  <div>
                    <TextInput
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      placeholder={t('briefUi.measurement.target')}
                      aria-label={label(t('briefUi.measurement.target'))}
                      aria-invalid={errors[`${path}.target`] ? true : undefined}
                      value={kpi.target}
                      onChange={(event) => set({ target: event.target.value })}
                    />
                    {errors[`${path}.target`] ? (
                      <p className="field-error">{errors[`${path}.target`]}</p>
                    ) : null}
                  </div>
                  <div>
                    <TextInput
                      placeholder={t('briefUi.measurement.checkpointsPlaceholder')}
                      aria-label={label(t('briefUi.measurement.checkpoints'))}
                      aria-invalid={errors[`${path}.checkpoints`] ? true : undefined}
                      value={kpi.checkpoints}
                      onChange={(event) => set({ checkpoints: event.target.value })}
                    />
                    {errors[`${path}.checkpoints`] ? (
                      <p className="field-error">{errors[`${path}.checkpoints`]}</p>
                    ) : null}
                  </div>
                  <RemoveButton
                    label={t('briefUi.removeItem', { number: kpiIndex + 1 })}
                    onClick={() =>
                      updateKpis(
                        marketIndex,
                        row.kpis.filter((_, i) => i !== kpiIndex),
                      )
                    }
                  />
                </div>
              );
            })}
            <div>
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  updateKpis(marketIndex, [
                    ...row.kpis,
                    {
                      key: newId(),
                      metric: market?.objective === 'conversion' ? 'orders' : 'reach',
                      target: '',
                      checkpoints: '7, 30',
                    },
                  ])
                }
              >
                <PlusIcon width={14} height={14} />
                {t('briefUi.measurement.addKpi')}
              </Button>
            </div>
          </section>
        );
      })}
    </div>
  );
}

function measurementFromForm(t: Translate, form: MeasurementForm): FormResult<MeasurementData> {
  const errors: FieldErrors = {};
  const markets = form.markets.map((row, marketIndex) => ({
    marketCode: row.marketCode,
    engagementRateBasis: row.engagementRateBasis,
    kpis: row.kpis.map((kpi, kpiIndex) => {
      const path = `markets.${marketIndex}.kpis.${kpiIndex}`;
      const target = Number(kpi.target);
      if (kpi.target.trim() === '' || !Number.isFinite(target) || target < 0)
        errors[`${path}.target`] = t('briefUi.error.target');
      const parts = kpi.checkpoints
        .split(/[\s,;]+/)
        .map((part) => part.trim())
        .filter(Boolean);
      const days = parts.map(Number);
      if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365) || days.length > 10)
        errors[`${path}.checkpoints`] = t('briefUi.error.checkpoints');
      return {
        metric: kpi.metric,
        target,
        checkpointsDays: [...new Set(days)].sort((a, b) => a - b),
        ...(kpi.definition ? { definition: kpi.definition } : {}),
      };
    }),
  }));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { markets } };
}

// ---------------------------------------------------------------------------------------------
// Escalation protocol

type EscalationData = SectionData['escalation'];
type RuleForm = {
  id: string;
  decision: Localized;
  deciderId: string;
  deciderLabel?: string | undefined;
  nextId: string;
  nextLabel?: string | undefined;
  amount: string;
  unit: DurationUnit;
};
type EscalationForm = { rules: RuleForm[] };

/** People who can decide: active accounts that see the campaign (the server checks the same). */
function useDeciders() {
  const users = useQuery({ ...usersQuery, enabled: true });
  const all = users.data ?? [];
  return {
    options: all.filter((u) => u.active && u.role !== 'creator'),
    nameOf: (id: string | null | undefined, label?: string | undefined) =>
      (id ? all.find((u) => u.id === id)?.name : undefined) ?? label ?? '',
  };
}

function EscalationView({ data, campaign }: { data: EscalationData; campaign: DataContext }) {
  const t = useT();
  const { nameOf } = useDeciders();
  if (data.rules.length === 0) return <EmptyData>{t('briefUi.escalation.empty')}</EmptyData>;
  return (
    <div className="table-wrap table-wrap-flat">
      <table className="table cp-data-table">
        <thead>
          <tr>
            <LanguageHeads languages={campaign.languages} />
            <th scope="col">{t('briefUi.escalation.decider')}</th>
            <th scope="col">{t('briefUi.escalation.withinShort')}</th>
            <th scope="col">{t('briefUi.escalation.next')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rules.map((rule) => (
            <tr key={rule.id}>
              {campaign.languages.map((language) => (
                <td
                  key={language}
                  lang={language}
                  className={rule.decision[language] ? '' : 'cp-loc-missing'}
                >
                  {rule.decision[language] || '—'}
                </td>
              ))}
              <td>{nameOf(rule.deciderId, rule.deciderLabel) || '—'}</td>
              <td className="cell-nowrap">{t('escalation.duration', splitMinutes(rule.withinMinutes))}</td>
              <td>{nameOf(rule.nextId, rule.nextLabel) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EscalationEditor({
  form,
  setForm,
  campaign,
  errors,
}: {
  form: EscalationForm;
  setForm: (form: EscalationForm) => void;
  campaign: Campaign;
  errors: FieldErrors;
}) {
  const t = useT();
  const { options } = useDeciders();
  const update = (index: number, patch: Partial<RuleForm>) =>
    setForm({ rules: form.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) });
  return (
    <div className="cp-edit-rows">
      {form.rules.length === 0 ? <EmptyData>{t('briefUi.escalation.empty')}</EmptyData> : null}
      {form.rules.map((rule, index) => {
        const error = (field: string) => errors[`rules.${index}.${field}`];
        return (
          <div key={rule.id} className="cp-edit-row">
            <div className="cp-edit-row-head">
              <span className="cp-edit-row-number">{index + 1}</span>
              <span className="cp-edit-row-title">{t('briefUi.escalation.decision')}</span>
              <RemoveButton
                label={t('briefUi.removeItem', { number: index + 1 })}
                onClick={() => setForm({ rules: form.rules.filter((_, i) => i !== index) })}
              />
            </div>
            <LocalizedInputs
              label={t('briefUi.escalation.decisionOf', { number: index + 1 })}
              value={rule.decision}
              languages={campaign.languages}
              error={error('decision')}
              onChange={(decision) => update(index, { decision })}
            />
            <div className="cp-rule-fields">
              <label className="cp-mini-field" htmlFor={`${rule.id}-decider`}>
                <span className="cp-mini-label">{t('briefUi.escalation.decider')}</span>
                <Select
                  id={`${rule.id}-decider`}
                  value={rule.deciderId}
                  aria-invalid={error('deciderId') ? true : undefined}
                  onChange={(event) => update(index, { deciderId: event.target.value })}
                >
                  <option value="">{t('escalationUi.rule.pickPerson')}</option>
                  {options.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </Select>
                {rule.deciderLabel && !rule.deciderId ? (
                  <span className="field-hint">
                    {t('escalationUi.rule.legacy', { label: rule.deciderLabel })}
                  </span>
                ) : null}
                {error('deciderId') ? <span className="field-error">{error('deciderId')}</span> : null}
              </label>
              <div className="cp-mini-field mini-field-duration">
                <label className="cp-mini-label" htmlFor={`${rule.id}-within`}>
                  {t('escalationUi.rule.within')}
                </label>
                <div className="cp-duration-inputs">
                  <TextInput
                    id={`${rule.id}-within`}
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    value={rule.amount}
                    aria-invalid={error('withinMinutes') ? true : undefined}
                    onChange={(event) => update(index, { amount: event.target.value })}
                  />
                  <Select
                    aria-label={t('escalationUi.rule.unit')}
                    value={rule.unit}
                    onChange={(event) => update(index, { unit: event.target.value as DurationUnit })}
                  >
                    {(['minutes', 'hours', 'days'] as const).map((unit) => (
                      <option key={unit} value={unit}>
                        {t(`escalationUi.unit.${unit}`)}
                      </option>
                    ))}
                  </Select>
                </div>
                {error('withinMinutes') ? (
                  <span className="field-error">{error('withinMinutes')}</span>
                ) : null}
              </div>
              <label className="cp-mini-field" htmlFor={`${rule.id}-next`}>
                <span className="cp-mini-label">{t('briefUi.escalation.next')}</span>
                <Select
                  id={`${rule.id}-next`}
                  value={rule.nextId}
                  aria-invalid={error('nextId') ? true : undefined}
                  onChange={(event) => update(index, { nextId: event.target.value })}
                >
                  <option value="">{t('escalationUi.rule.nobody')}</option>
                  {options.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </Select>
                {rule.nextLabel && !rule.nextId ? (
                  <span className="field-hint">
                    {t('escalationUi.rule.legacy', { label: rule.nextLabel })}
                  </span>
                ) : null}
                {error('nextId') ? <span className="field-error">{error('nextId')}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          size="sm"
          onClick={() =>
            setForm({
              rules: [
                ...form.rules,
                { id: newId(), decision: {}, deciderId: '', nextId: '', amount: '24', unit: 'hours' },
              ],
            })
          }
        >
          <PlusIcon width={14} height={14} />
          {t('briefUi.escalation.add')}
        </Button>
      </div>
    </div>
  );
}

function escalationToForm(data: EscalationData): EscalationForm {
  return {
    rules: data.rules.map((rule) => {
      const { unit, count } = splitMinutes(rule.withinMinutes);
      return {
        id: rule.id,
        decision: rule.decision,
        deciderId: rule.deciderId ?? '',
        deciderLabel: rule.deciderLabel,
        nextId: rule.nextId ?? '',
        nextLabel: rule.nextLabel,
        amount: String(count),
        unit,
      };
    }),
  };
}

function escalationFromForm(
  t: Translate,
  form: EscalationForm,
  campaign: Campaign,
): FormResult<EscalationData> {
  const errors: FieldErrors = {};
  const rules = form.rules.map((rule, index) => {
    const decision = cleanLocalized(rule.decision, campaign.languages);
    if (Object.keys(decision).length === 0)
      errors[`rules.${index}.decision`] = t('briefUi.error.textRequired');
    if (!rule.deciderId) errors[`rules.${index}.deciderId`] = t('wizard.error.required');
    if (rule.nextId && rule.nextId === rule.deciderId)
      errors[`rules.${index}.nextId`] = t('escalationUi.error.sameNext');
    const amount = Number(rule.amount);
    const minutes = toMinutes(amount, rule.unit);
    if (!Number.isInteger(amount) || minutes < 1 || minutes > MAX_ESCALATION_MINUTES)
      errors[`rules.${index}.withinMinutes`] = t('escalationUi.error.within');
    return {
      id: rule.id,
      decision,
      deciderId: rule.deciderId,
      withinMinutes: minutes,
      nextId: rule.nextId || null,
    };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { rules } };
}

// ---------------------------------------------------------------------------------------------

/** Read-only view of a section's structured content (the brief, a published version). */
export function SectionDataView({
  sectionKey,
  data,
  campaign,
}: {
  sectionKey: SectionKey;
  data: unknown;
  campaign: DataContext;
}) {
  switch (sectionKey) {
    case 'objective':
      return <ObjectiveView data={data as ObjectiveData} campaign={campaign} />;
    case 'guardrails':
      return <GuardrailsView data={data as GuardrailsData} campaign={campaign} />;
    case 'selection_criteria':
      return <CriteriaView data={data as CriteriaData} campaign={campaign} />;
    case 'measurement':
      return <MeasurementView data={data as MeasurementData} campaign={campaign} />;
    case 'escalation':
      return <EscalationView data={data as EscalationData} campaign={campaign} />;
    default:
      return null;
  }
}

/** The structured content of one section, with its editor for those who may edit the brief. */
export function SectionDataBlock({
  campaign,
  sectionKey,
  sectionTitle,
  label,
  data,
  revision,
  canEdit,
}: {
  campaign: Campaign;
  sectionKey: SectionKey;
  sectionTitle: string;
  label: string;
  data: unknown;
  revision: number;
  canEdit: boolean;
}) {
  const t = useT();
  const common = { campaignId: campaign.id, sectionKey, sectionTitle, label, revision, canEdit };
  switch (sectionKey) {
    case 'objective':
      return (
        <DataBlock<ObjectiveData, ObjectiveData>
          {...common}
          data={data as ObjectiveData}
          toForm={(d) => ({ markets: objectiveRows(d, campaign) })}
          fromForm={(form) => ({
            ok: true,
            data: {
              markets: form.markets.map((row) => ({
                ...row,
                success: cleanLocalized(row.success, campaign.languages),
              })),
            },
          })}
          view={(d) => <ObjectiveView data={d} campaign={campaign} />}
          editor={(form, setForm) => <ObjectiveEditor form={form} setForm={setForm} campaign={campaign} />}
        />
      );
    case 'guardrails':
      return (
        <DataBlock<GuardrailsData, GuardrailsData>
          {...common}
          data={data as GuardrailsData}
          toForm={(d) => structuredClone(d)}
          fromForm={(form) => guardrailsFromForm(t, form, campaign)}
          view={(d) => <GuardrailsView data={d} campaign={campaign} />}
          editor={(form, setForm) => <GuardrailsEditor form={form} setForm={setForm} campaign={campaign} />}
        />
      );
    case 'selection_criteria':
      return (
        <DataBlock<CriteriaData, CriteriaForm>
          {...common}
          data={data as CriteriaData}
          toForm={(d) => ({ criteria: d.criteria.map((c) => ({ ...c, weight: String(c.weight) })) })}
          fromForm={(form) => criteriaFromForm(t, form, campaign)}
          view={(d) => <CriteriaView data={d} campaign={campaign} />}
          editor={(form, setForm, errors) => (
            <CriteriaEditor form={form} setForm={setForm} campaign={campaign} errors={errors} />
          )}
        />
      );
    case 'measurement':
      return (
        <DataBlock<MeasurementData, MeasurementForm>
          {...common}
          data={data as MeasurementData}
          toForm={(d) => ({
            markets: measurementRows(d, campaign).map(({ market, kpis, engagementRateBasis }) => ({
              marketCode: market.code,
              engagementRateBasis,
              kpis: kpis.map((kpi) => ({
                key: newId(),
                metric: kpi.metric,
                target: String(kpi.target),
                checkpoints: kpi.checkpointsDays.join(', '),
                definition: kpi.definition,
              })),
            })),
          })}
          fromForm={(form) => measurementFromForm(t, form)}
          view={(d) => <MeasurementView data={d} campaign={campaign} />}
          editor={(form, setForm, errors) => (
            <MeasurementEditor form={form} setForm={setForm} campaign={campaign} errors={errors} />
          )}
        />
      );
    case 'escalation':
      return (
        <DataBlock<EscalationData, EscalationForm>
          {...common}
          data={data as EscalationData}
          toForm={escalationToForm}
          fromForm={(form) => escalationFromForm(t, form, campaign)}
          view={(d) => <EscalationView data={d} campaign={campaign} />}
          editor={(form, setForm, errors) => (
            <EscalationEditor form={form} setForm={setForm} campaign={campaign} errors={errors} />
          )}
        />
      );
    default:
      return null;
  }
}
