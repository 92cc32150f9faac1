import { stringify as stringifyRows } from 'csv-stringify/sync';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import { marketLabel } from '../../../shared/market-name.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import { escapeHtml } from '../../http/html.ts';
import type { CampaignReport } from './report.ts';

const stringify = (rows: unknown[][]) => stringifyRows(rows, safeCsvOptions);
const kpiLabel = (locale: Locale, metric: string) => translate(locale, `brief.kpi.${metric}` as MessageKey);
const number = (locale: Locale, value: number | null, digits = 2) =>
  value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);

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

/** One market per column, side by side (awareness beside conversion), printable to PDF. */
export function reportPrintPage(report: CampaignReport, campaignName: string, locale: Locale): string {
  const t = (key: MessageKey, values?: Record<string, string | number | Date>) =>
    translate(locale, key, values);
  const columns = report.markets
    .map((m) => {
      const rows = m.kpis
        .map(
          (k) =>
            `<tr><td>${escapeHtml(kpiLabel(locale, k.metric))}</td><td class="n">${number(locale, k.actual)}</td><td class="n">${number(locale, k.target)}</td><td class="n">${
              k.progress === null ? '—' : `${Math.round(k.progress * 100)} %`
            }</td></tr>`,
        )
        .join('');
      return `<section><h2>${escapeHtml(marketLabel(m, locale))}</h2><p class="meta">${escapeHtml(
        `${translate(locale, `brief.objective.${m.objective}` as MessageKey)} · ${t('report.creatorsCount', { count: m.creators })} · ${t('report.erBasis', { basis: t(`report.basis.${m.engagementRateBasis}` as MessageKey) })}`,
      )}</p><table><tr><th></th><th>${escapeHtml(t('report.csv.actual'))}</th><th>${escapeHtml(t('report.csv.target'))}</th><th>%</th></tr>${rows}</table></section>`;
    })
    .join('');
  const creators = report.creators
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.marketCode)}</td><td>${escapeHtml(c.name)}</td><td class="n">${number(locale, c.reach, 0)}</td><td class="n">${number(locale, c.engagementRate)}</td><td class="n">${number(locale, c.orders, 0)}</td><td class="n">${number(locale, c.revenue)}</td><td class="n">${number(locale, c.roas)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(campaignName)} — ${escapeHtml(t('report.title'))}</title>
<style>body{font:10.5pt/1.45 system-ui,sans-serif;color:#1d2230;max-width:72rem;margin:2rem auto;padding:0 1.5rem}.cols{display:grid;grid-template-columns:repeat(${report.markets.length},1fr);gap:2rem}
h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;margin:.5rem 0 .2rem}.meta{color:#5b6275;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eceef3;padding:.25rem .4rem;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}
@media print{body{margin:0;max-width:none}}</style></head><body>
<h1>${escapeHtml(campaignName)} — ${escapeHtml(t('report.title'))}</h1>
<p class="meta">${escapeHtml(t('report.generated', { date: new Date(report.generatedAt), currency: report.currency }))}${
    report.missingRates.length
      ? ` · ${escapeHtml(t('report.missingRates', { currencies: report.missingRates.join(', ') }))}`
      : ''
  }</p>
<div class="cols">${columns}</div>
<h2>${escapeHtml(t('report.creatorsTitle'))}</h2>
<table><tr><th>${escapeHtml(t('report.csv.market'))}</th><th>${escapeHtml(t('report.csv.creator'))}</th><th>${escapeHtml(kpiLabel(locale, 'reach'))}</th><th>${escapeHtml(kpiLabel(locale, 'engagement_rate'))}</th><th>${escapeHtml(kpiLabel(locale, 'orders'))}</th><th>${escapeHtml(kpiLabel(locale, 'revenue'))}</th><th>ROAS</th></tr>${creators}</table>
</body></html>`;
}
