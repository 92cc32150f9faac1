import { stringify as stringifyRows } from 'csv-stringify/sync';
import { type Locale, type MessageKey, translator } from '../../../shared/i18n/index.ts';
import { marketLabel } from '../../../shared/market-name.ts';
import { lateText } from '../../../shared/time/duration.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import { escapeHtml } from '../../http/html.ts';
import { LATE_KINDS, type LateItem, type Retrospective } from './schema.ts';

const statusKey = (item: LateItem): MessageKey =>
  item.open ? 'retro.status.open' : item.doneAt ? 'retro.status.doneLate' : 'retro.status.closed';

/**
 * The late list as CSV, one row per late item, headers, kinds and the "how late" words in the
 * reader's language; instants in UTC (ISO 8601) and the minutes as a number, so a spreadsheet can
 * sort and sum them. Every text cell is neutralised against formula injection (http/csv.ts).
 */
export function retrospectiveCsv(retro: Retrospective, locale: Locale, origin: string): string {
  const t = translator(locale);
  const header = [
    t('retro.csv.kind'),
    t('retro.csv.market'),
    t('retro.csv.item'),
    t('retro.csv.detail'),
    t('retro.csv.owner'),
    t('retro.csv.due'),
    t('retro.csv.done'),
    t('retro.csv.lateMinutes'),
    t('retro.csv.late'),
    t('retro.csv.status'),
    t('retro.csv.link'),
  ];
  const rows = retro.late.map((item) => [
    t(`retro.kind.${item.kind}` as MessageKey),
    item.marketCode ?? t('retro.campaignWide'),
    item.label,
    item.detail ?? '',
    item.ownerName ?? '',
    item.dueAt,
    item.doneAt ?? '',
    item.lateMinutes,
    lateText(t, item.lateMinutes, item.open),
    t(statusKey(item)),
    item.link ? origin + item.link : '',
  ]);
  return `\uFEFF${stringifyRows([header, ...rows], safeCsvOptions)}`;
}

/** An instant in every market's zone, side by side ("5 Mar 18:00 MSK · 5 Mar 10:00 EST"). */
const inZones = (instant: string, zones: string[], locale: Locale) =>
  formatInZones(instant, zones, locale)
    .map((z) => z.label)
    .join(' · ');

/** The retrospective as a print-ready page (no script): launch, feedback promise, the late list by kind. */
export function retrospectivePrintPage(retro: Retrospective, locale: Locale): string {
  const t = translator(locale);
  const zones = [...new Set(retro.launch.markets.map((m) => m.timeZone))];
  const e = escapeHtml;
  const launchRows = retro.launch.markets
    .map((m) => {
      const own = [m.timeZone];
      const result = !m.plannedAt
        ? t('retro.launch.noPlan')
        : !m.actualAt
          ? m.lateMinutes
            ? lateText(t, m.lateMinutes, true)
            : t('retro.launch.notLive')
          : m.lateMinutes
            ? lateText(t, m.lateMinutes, false)
            : t('retro.launch.onTime');
      return `<tr><td>${e(marketLabel(m, locale))}</td><td>${m.plannedAt ? e(inZones(m.plannedAt, own, locale)) : '—'}</td><td>${
        m.actualAt
          ? `${e(inZones(m.actualAt, own, locale))}<br><small>${e(t(`retro.launch.source.${m.source ?? 'post'}` as MessageKey))}</small>`
          : e(t('retro.launch.notLive'))
      }</td><td>${e(result)}</td></tr>`;
    })
    .join('');
  const { launch } = retro;
  const spreads = [
    launch.plannedSpreadHours === null
      ? null
      : t('retro.launch.plannedSpread', {
          hours: launch.plannedSpreadHours,
          limit: launch.limitHours,
          ok: launch.plannedOk ? 'yes' : 'no',
        }),
    launch.actualSpreadHours !== null
      ? t('retro.launch.actualSpread', {
          hours: launch.actualSpreadHours,
          ok: launch.actualOk ? 'yes' : 'no',
        })
      : launch.actualOk === false
        ? t('retro.launch.actualBroken', { limit: launch.limitHours })
        : t('retro.launch.actualPending'),
  ].filter((x): x is string => x !== null);
  const hours = (value: number | null) =>
    value === null ? '—' : t('retro.feedback.hours', { hours: value });
  const feedbackRows = Object.entries(retro.byMarket)
    .map(([code, m]) => {
      const f = m.feedback;
      const verdict =
        f.kept === null
          ? t('retro.feedback.nothing')
          : f.kept
            ? t('retro.feedback.kept')
            : t('retro.feedback.broken');
      return `<tr><td>${e(code)}</td><td>${e(t('retro.feedback.promiseHours', { hours: f.policyHours ?? '—' }))}</td><td class="n">${f.answered}</td><td class="n">${f.answeredOnTime}</td><td class="n">${e(hours(f.medianHours))}</td><td class="n">${e(hours(f.worstHours))}</td><td class="n">${f.openOverdue}</td><td class="${f.kept === false ? 'bad' : ''}">${e(verdict)}</td></tr>`;
    })
    .join('');
  const groups = LATE_KINDS.map((kind) => {
    const items = retro.late.filter((i) => i.kind === kind);
    if (items.length === 0) return '';
    const rows = items
      .map(
        (i) =>
          `<tr><td>${e(i.label)}${i.detail ? `<br><small>${e(i.detail)}</small>` : ''}</td><td>${e(i.marketCode ?? t('retro.campaignWide'))}</td><td>${e(i.ownerName ?? t('retro.nobody'))}</td><td>${e(inZones(i.dueAt, zones, locale))}</td><td>${i.doneAt ? e(inZones(i.doneAt, zones, locale)) : e(t('retro.notDone'))}</td><td class="${i.open ? 'bad' : ''}">${e(lateText(t, i.lateMinutes, i.open))}</td></tr>`,
      )
      .join('');
    return `<section><h3>${e(t(`retro.kind.${kind}` as MessageKey))} (${items.length})</h3><p class="meta">${e(t(`retro.kindHint.${kind}` as MessageKey))}</p><table><tr><th>${e(t('retro.column.item'))}</th><th>${e(t('retro.column.market'))}</th><th>${e(t('retro.column.owner'))}</th><th>${e(t('retro.column.due'))}</th><th>${e(t('retro.column.done'))}</th><th>${e(t('retro.column.late'))}</th></tr>${rows}</table></section>`;
  }).join('');
  const title = t('retro.printTitle', { campaign: retro.campaignName });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(title)}</title>
<style>body{font:10pt/1.45 system-ui,sans-serif;color:#1d2230;max-width:72rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.5rem;margin:0}h2{font-size:1.15rem;margin:1.4rem 0 .3rem}h3{font-size:1rem;margin:1rem 0 .1rem}.meta{color:#5b6275;margin:.2rem 0 .5rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eceef3;padding:.25rem .4rem;text-align:left;vertical-align:top}th{font-weight:600}
small{color:#5b6275}.n{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#b42318;font-weight:600}section{break-inside:avoid-page}
@media print{body{margin:0;max-width:none}}</style></head><body>
<h1>${e(title)}</h1>
<p class="meta">${e(t('retro.generated', { date: new Date(retro.generatedAt) }))} · ${e(t('retro.summary', { count: retro.totals.late, open: retro.totals.open }))}</p>
<h2>${e(t('retro.launch.title'))}</h2>
<table><tr><th>${e(t('retro.launch.market'))}</th><th>${e(t('retro.launch.planned'))}</th><th>${e(t('retro.launch.actual'))}</th><th>${e(t('retro.launch.result'))}</th></tr>${launchRows}</table>
${spreads.map((s) => `<p class="meta">${e(s)}</p>`).join('')}
<h2>${e(t('retro.feedback.title'))}</h2>
<table><tr><th>${e(t('retro.feedback.market'))}</th><th>${e(t('retro.feedback.promise'))}</th><th class="n">${e(t('retro.feedback.answered'))}</th><th class="n">${e(t('retro.feedback.onTime'))}</th><th class="n">${e(t('retro.feedback.median'))}</th><th class="n">${e(t('retro.feedback.worst'))}</th><th class="n">${e(t('retro.feedback.openOverdue'))}</th><th>${e(t('retro.feedback.verdict'))}</th></tr>${feedbackRows}</table>
${groups || `<p>${e(t('retro.empty'))}</p>`}
</body></html>`;
}
