import { stringify as stringifyRows } from 'csv-stringify/sync';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import type { CampaignReport } from './report.ts';

const stringify = (rows: unknown[][]) => stringifyRows(rows, safeCsvOptions);
const kpiLabel = (locale: Locale, metric: string) => translate(locale, `brief.kpi.${metric}` as MessageKey);

/**
 * The joint report as CSV: one row per market KPI, then one per creator. Figures are numbers;
 * text (creator names, promo codes) that would start a formula is neutralised.
 */
export function reportCsv(report: CampaignReport, locale: Locale): string {
  const t = (key: MessageKey) => translate(locale, key);
  const kpiRows = report.markets.flatMap((m) =>
    m.kpis.map((k) => [
      m.code,
      translate(locale, `brief.objective.${m.objective}` as MessageKey),
      kpiLabel(locale, k.metric),
      k.target ?? '',
      k.actual ?? '',
      k.progress ?? '',
    ]),
  );
  const creatorRows = report.creators.map((c) => [
    c.marketCode,
    c.name,
    c.promoCode ?? '',
    c.cost ?? '',
    c.reach,
    c.impressions,
    c.views,
    c.engagements,
    c.engagementRate ?? '',
    c.clicks,
    c.orders,
    c.revenue ?? '',
    c.cpm ?? '',
    c.cpa ?? '',
    c.roas ?? '',
  ]);
  return (
    '\uFEFF' +
    stringify([
      [
        t('report.csv.market'),
        t('report.csv.objective'),
        t('report.csv.kpi'),
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
        `${t('report.csv.cost')} (${report.currency})`,
        kpiLabel(locale, 'reach'),
        kpiLabel(locale, 'impressions'),
        kpiLabel(locale, 'views'),
        kpiLabel(locale, 'engagements'),
        kpiLabel(locale, 'engagement_rate'),
        kpiLabel(locale, 'clicks'),
        kpiLabel(locale, 'orders'),
        `${kpiLabel(locale, 'revenue')} (${report.currency})`,
        kpiLabel(locale, 'cpm'),
        kpiLabel(locale, 'cpa'),
        kpiLabel(locale, 'roas'),
      ],
      ...creatorRows,
    ])
  );
}
