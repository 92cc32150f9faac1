import { stringify as stringifyRows } from 'csv-stringify/sync';
import { formatRate, MONEY_KPIS, PERCENT_KPIS } from '../../../shared/figures.ts';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import type { CampaignReport } from './report.ts';

const stringify = (rows: unknown[][]) => stringifyRows(rows, safeCsvOptions);
const kpiLabel = (locale: Locale, metric: string) => translate(locale, `brief.kpi.${metric}` as MessageKey);

/** The unit a KPI's figure is in: the market's currency for money, % for rates, × for ROAS. */
function kpiUnit(metric: string, currency: string): string {
  if (MONEY_KPIS.has(metric)) return currency;
  if (PERCENT_KPIS.has(metric)) return '%';
  if (metric === 'roas') return '×';
  return '';
}

/**
 * The joint report as CSV, in three tables: one row per market KPI (with its unit), one per creator
 * with money in the creator's market currency (as the dashboard shows it, no rate needed) plus the
 * joint base-currency columns, and the joint total with the rates it used or lacked. Figures are
 * numbers; text (creator names, promo codes) that would start a formula is neutralised.
 */
export function reportCsv(report: CampaignReport, locale: Locale): string {
  const t = (key: MessageKey, values?: Record<string, string>) => translate(locale, key, values);
  const base = report.total.currency;
  const kpiRows = report.markets.flatMap((m) =>
    m.kpis.map((k) => [
      m.code,
      translate(locale, `brief.objective.${m.objective}` as MessageKey),
      kpiLabel(locale, k.metric),
      kpiUnit(k.metric, m.currency),
      k.target ?? '',
      k.actual ?? '',
      k.progress ?? '',
    ]),
  );
  const creatorRows = report.creators.map((c) => [
    c.marketCode,
    c.name,
    c.promoCode ?? '',
    c.local.currency,
    c.local.cost ?? '',
    c.reach,
    c.impressions,
    c.views,
    c.engagements,
    c.engagementRate ?? '',
    c.clicks,
    c.orders,
    c.local.revenue ?? '',
    c.local.cpm ?? '',
    c.local.cpa ?? '',
    c.local.roas ?? '',
    c.cost ?? '',
    c.revenue ?? '',
  ]);
  // Reach … ROAS, in the same order in the creators' table and the total.
  const figureColumns = [
    ...['reach', 'impressions', 'views', 'engagements'].map((metric) => kpiLabel(locale, metric)),
    `${kpiLabel(locale, 'engagement_rate')} (%)`,
    ...['clicks', 'orders', 'revenue', 'cpm', 'cpa'].map((metric) => kpiLabel(locale, metric)),
    `${kpiLabel(locale, 'roas')} (×)`,
  ];
  const total = report.total;
  const rates = total.ratesUsed.map((r) => formatRate(r.currency, r.rate, base, locale)).join('; ');
  return (
    '\uFEFF' +
    stringify([
      [
        t('report.csv.market'),
        t('report.csv.objective'),
        t('report.csv.kpi'),
        t('report.csv.unit'),
        t('report.csv.target'),
        t('report.csv.actual'),
        t('report.csv.progress'),
      ],
      ...kpiRows,
    ]) +
    '\n' +
    stringify([
      [
        t('report.csv.market'),
        t('report.csv.creator'),
        t('report.csv.promoCode'),
        t('report.csv.currency'),
        t('report.csv.cost'),
        ...figureColumns,
        t('report.csv.jointCost', { currency: base }),
        t('report.csv.jointRevenue', { currency: base }),
      ],
      ...creatorRows,
    ]) +
    '\n' +
    stringify([
      [
        t('report.csv.total'),
        t('report.csv.currency'),
        t('report.csv.cost'),
        ...figureColumns,
        t('report.csv.rates'),
      ],
      [
        t('report.csv.jointTotal'),
        base,
        total.cost ?? '',
        total.reach,
        total.impressions,
        total.views,
        total.engagements,
        total.engagementRate ?? '',
        total.clicks,
        total.orders,
        total.revenue ?? '',
        total.cpm ?? '',
        total.cpa ?? '',
        total.roas ?? '',
        total.missingRates.length
          ? t('report.csv.missingRates', { currencies: total.missingRates.join(', ') })
          : rates,
      ],
    ])
  );
}
