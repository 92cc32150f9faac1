import { formatCount, formatKpi, formatMoney, formatRate, formatShare } from '../../../shared/figures.ts';
import { type Locale, type MessageKey, translator } from '../../../shared/i18n/index.ts';
import { marketLabel } from '../../../shared/market-name.ts';
import { zoneAbbreviation } from '../../../shared/time/index.ts';
import { escapeHtml as e } from '../../http/html.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import type { CampaignReport } from './report.ts';

export type Paper = 'a4' | 'letter';

export interface ReportDocumentOptions {
  /** The languages, in order: one document each, the second starting on a new page. */
  locales: Locale[];
  /** The reader's zone: the generated time is written in it, with its name. */
  readerZone: string;
  /** Fixes the page size; without it the printer's paper is used (the layout fits both). */
  paper?: Paper;
}

const dateTag = (locale: Locale) => (locale === 'ru' ? 'ru' : 'en-GB');

/** `2 December 2026, 03:10 MSK (Europe/Moscow)`: an instant in a zone, the zone named. */
function instantWithZone(instant: string, zone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(dateTag(locale), {
    timeZone: zone,
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${text} ${zoneAbbreviation(instant, zone)} (${zone})`;
}

/** `9 Mar 2026` / `9 мар. 2026 г.`: the calendar day of an instant in a zone. */
const dayIn = (instant: string, zone: string, locale: Locale) =>
  new Intl.DateTimeFormat(dateTag(locale), { timeZone: zone, dateStyle: 'medium' }).format(new Date(instant));

/** `9 Mar 2026, 18:00 MSK`. */
const dayTimeIn = (instant: string, zone: string, locale: Locale) =>
  `${new Intl.DateTimeFormat(dateTag(locale), {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(instant))} ${zoneAbbreviation(instant, zone)}`;

type MarketReport = CampaignReport['markets'][number];

/** `RU — Russia`: the market's code and name (the name as the campaign stores it). */
// Market names follow one rule everywhere (src/shared/market-name.ts).
const marketTitle = (m: { code: string; name: string }, locale: Locale) => marketLabel(m, locale);

/** From the first market's go-live to the last checkpoint of any market, each in its market's zone. */
function period(report: CampaignReport, zoneOf: (code: string) => string, locale: Locale) {
  let from: { at: string; zone: string } | null = null;
  let to: { at: string; zone: string } | null = null;
  for (const m of report.markets) {
    if (!m.goLive) continue;
    const zone = zoneOf(m.code);
    if (!from || m.goLive < from.at) from = { at: m.goLive, zone };
    const ends = m.kpis.flatMap((k) => k.checkpoints.map((c) => c.at)).filter((x): x is string => !!x);
    const last = ends.sort().at(-1) ?? m.goLive;
    if (!to || last > to.at) to = { at: last, zone };
  }
  return from && to ? { from: dayIn(from.at, from.zone, locale), to: dayIn(to.at, to.zone, locale) } : null;
}

function marketSection(
  m: MarketReport,
  report: CampaignReport,
  locale: Locale,
  zone: string,
  t: ReturnType<typeof translator>,
) {
  const checkpointDays = [...new Set(m.kpis.flatMap((k) => k.checkpoints.map((c) => c.days)))].sort(
    (a, b) => a - b,
  );
  const kpiRows = m.kpis
    .map((k) => {
      const cells = checkpointDays.map((days) => {
        const c = k.checkpoints.find((x) => x.days === days);
        const text = !c?.at
          ? '—'
          : Date.parse(c.at) > Date.parse(report.generatedAt)
            ? t('reportDoc.pending')
            : formatKpi(k.metric, c.actual, m.currency, locale);
        return `<td class="n">${e(text)}</td>`;
      });
      return `<tr data-kpi="${e(k.metric)}"><td>${e(t(`brief.kpi.${k.metric}` as MessageKey))}</td><td class="n">${e(
        formatKpi(k.metric, k.actual, m.currency, locale),
      )}</td><td class="n">${e(formatKpi(k.metric, k.target, m.currency, locale))}</td><td class="n">${
        k.progress === null ? '—' : e(formatShare(k.progress, locale))
      }</td>${cells.join('')}</tr>`;
    })
    .join('');
  const checkpointHeads = checkpointDays
    .map((days) => `<th class="n">${e(t('reportDoc.col.checkpoint', { days }))}</th>`)
    .join('');
  const creators = report.creators.filter(
    (c) => c.marketCode === m.code && c.status !== 'declined' && c.status !== 'dropped',
  );
  const money = (value: number | null, currency: string) => e(formatMoney(value, currency, locale));
  const creatorRows = creators
    .map(
      (c) =>
        `<tr data-creator="${e(c.name)}"><td>${e(c.name)}</td><td class="mono">${e(c.promoCode ?? '')}</td><td class="n">${money(
          c.local.cost,
          c.local.currency,
        )}</td><td class="n">${e(formatCount(c.reach, locale))}</td><td class="n">${e(
          formatKpi('engagement_rate', c.engagementRate, c.local.currency, locale),
        )}</td><td class="n">${e(formatCount(c.clicks, locale))}</td><td class="n">${e(
          formatCount(c.orders, locale),
        )}</td><td class="n">${money(c.local.revenue, c.local.currency)}</td><td class="n">${money(
          c.local.cpa,
          c.local.currency,
        )}</td><td class="n">${e(formatKpi('roas', c.local.roas, c.local.currency, locale))}</td></tr>`,
    )
    .join('');
  const kpi = (metric: string) => e(t(`brief.kpi.${metric}` as MessageKey));
  const meta = t('reportDoc.marketMeta', {
    objective: t(`brief.objective.${m.objective}` as MessageKey),
    creators: t('report.creatorsCount', { count: m.creators }),
    basis: t(`report.basis.${m.engagementRateBasis}` as MessageKey),
    currency: m.currency,
  });
  const goLive = m.goLive
    ? `<p class="meta">${e(t('reportDoc.col.goLive'))}: ${e(
        t(m.checkpointBasis === 'actual' ? 'reportDoc.goLive.actual' : 'reportDoc.goLive.planned', {
          when: dayTimeIn(m.goLive, zone, locale),
        }),
      )}. ${e(t(m.checkpointBasis === 'actual' ? 'reportDoc.checkpointsFrom.actual' : 'reportDoc.checkpointsFrom.planned'))}</p>`
    : '';
  return `<section class="market" data-market="${e(m.code)}" data-currency="${e(m.currency)}">
<h2>${e(marketTitle(m, locale))}</h2>
<p class="meta">${e(meta)}</p>${goLive}${
    m.missingRates.length
      ? `<p class="warn">${e(t('reportDoc.marketMissing', { count: m.missingRates.length, currencies: m.missingRates.join(', ') }))}</p>`
      : ''
  }
<table class="kpis"><thead><tr><th>${e(t('reportDoc.col.kpi'))}</th><th class="n">${e(t('reportDoc.col.actual'))}</th><th class="n">${e(
    t('reportDoc.col.target'),
  )}</th><th class="n">${e(t('reportDoc.col.progress'))}</th>${checkpointHeads}</tr></thead><tbody>${kpiRows}</tbody></table>
<h3>${e(t('reportDoc.creatorsTitle', { market: m.code }))}</h3>
${
  creators.length
    ? `<table class="creators"><thead><tr><th>${e(t('reportDoc.col.creator'))}</th><th>${e(
        t('reportDoc.col.promoCode'),
      )}</th><th class="n">${e(t('reportDoc.col.cost'))}</th><th class="n">${kpi('reach')}</th><th class="n">${e(
        t('reportDoc.col.er'),
      )}</th><th class="n">${kpi('clicks')}</th><th class="n">${kpi('orders')}</th><th class="n">${kpi(
        'revenue',
      )}</th><th class="n">${kpi('cpa')}</th><th class="n">${kpi('roas')}</th></tr></thead><tbody>${creatorRows}</tbody></table>`
    : `<p class="meta">${e(t('reportDoc.noCreators'))}</p>`
}
</section>`;
}

/** One language's document: a cover, the joint total, then each market with its creators. */
function documentIn(
  report: CampaignReport,
  campaign: Campaign,
  locale: Locale,
  options: ReportDocumentOptions,
): string {
  const t = translator(locale);
  const zoneOf = (code: string) =>
    campaign.markets.find((m) => m.code === code)?.timeZone ?? options.readerZone;
  const range = period(report, zoneOf, locale);
  const { total } = report;
  const marketRows = report.markets
    .map(
      (m) =>
        `<tr><td>${e(marketTitle(m, locale))}</td><td>${e(t(`brief.objective.${m.objective}` as MessageKey))}</td><td>${e(
          m.currency,
        )}</td><td>${e(zoneOf(m.code))}</td><td>${e(
          m.goLive
            ? t(m.checkpointBasis === 'actual' ? 'reportDoc.goLive.actual' : 'reportDoc.goLive.planned', {
                when: dayTimeIn(m.goLive, zoneOf(m.code), locale),
              })
            : t('reportDoc.goLive.none'),
        )}</td><td class="n">${e(formatCount(m.creators, locale))}</td></tr>`,
    )
    .join('');
  const base = total.currency;
  const rates = total.ratesUsed.map((r) => formatRate(r.currency, r.rate, base, locale)).join('; ');
  const rateNotes = [
    total.ratesUsed.length
      ? `${t('reportDoc.ratesUsed', { rates })}${
          total.ratesUpdatedAt
            ? ` (${t('reportDoc.ratesSetAt', { date: dayIn(total.ratesUpdatedAt, options.readerZone, locale) })})`
            : ''
        }`
      : total.missingRates.length
        ? null
        : t('reportDoc.noConversion', { currency: base }),
  ]
    .filter((x): x is string => x !== null)
    .map((text) => `<p class="meta" data-testid="rates-used">${e(text)}</p>`)
    .join('');
  const missing = total.missingRates.length
    ? `<p class="warn" data-testid="rates-missing">${e(
        t('reportDoc.ratesMissing', {
          count: total.missingRates.length,
          currencies: total.missingRates.join(', '),
        }),
      )}</p>`
    : '';
  const totalRows: Array<[string, string]> = [
    ['reach', formatCount(total.reach, locale)],
    ['impressions', formatCount(total.impressions, locale)],
    ['engagements', formatCount(total.engagements, locale)],
    ['engagement_rate', formatKpi('engagement_rate', total.engagementRate, base, locale)],
    ['clicks', formatCount(total.clicks, locale)],
    ['orders', formatCount(total.orders, locale)],
    ['cost', formatMoney(total.cost, base, locale)],
    ['revenue', formatMoney(total.revenue, base, locale)],
    ['cpm', formatKpi('cpm', total.cpm, base, locale)],
    ['cpa', formatKpi('cpa', total.cpa, base, locale)],
    ['roas', formatKpi('roas', total.roas, base, locale)],
  ];
  const totalTable = totalRows
    .map(
      ([metric, text]) =>
        `<tr data-total="${metric}"><td>${e(
          metric === 'cost' ? t('reportDoc.col.cost') : t(`brief.kpi.${metric}` as MessageKey),
        )}</td><td class="n">${e(text)}</td></tr>`,
    )
    .join('');
  return `<div class="doc" lang="${locale}" data-locale="${locale}">
<section class="cover">
<p class="kicker">${e(t('reportDoc.title'))}</p>
<h1>${e(campaign.name)}</h1>
<p class="brand">${e(t('reportDoc.for', { brand: campaign.brand }))}</p>
<p class="period" data-testid="period">${e(
    range ? t('reportDoc.period', { from: range.from, to: range.to }) : t('reportDoc.periodNone'),
  )}</p>
<h2>${e(t('reportDoc.marketsTitle'))}</h2>
<table class="markets"><thead><tr><th>${e(t('reportDoc.col.market'))}</th><th>${e(t('reportDoc.col.objective'))}</th><th>${e(
    t('reportDoc.col.currency'),
  )}</th><th>${e(t('reportDoc.col.timeZone'))}</th><th>${e(t('reportDoc.col.goLive'))}</th><th class="n">${e(
    t('reportDoc.col.creators'),
  )}</th></tr></thead><tbody>${marketRows}</tbody></table>
<p class="meta">${e(t('reportDoc.moneyNote', { currency: base }))}</p>
<p class="generated" data-testid="generated">${e(
    t('reportDoc.generated', { when: instantWithZone(report.generatedAt, options.readerZone, locale) }),
  )}</p>
</section>
<section class="total" data-currency="${e(base)}">
<h2>${e(t('reportDoc.totalTitle', { currency: base }))}</h2>
${rateNotes}${missing}
<table class="totals"><tbody>${totalTable}</tbody></table>
</section>
${report.markets.map((m) => marketSection(m, report, locale, zoneOf(m.code), t)).join('\n')}
<p class="foot">${e(t('reportDoc.definitions'))}</p>
</div>`;
}

const PAGE_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'letter' };

/**
 * The joint report as a document to send to the brand: a cover (campaign, brand, period, markets,
 * generated time with its zone), the joint total with the rates it used, then each market's KPIs and
 * creators in the market's own currency. Figures are written by src/shared/figures.ts, as on the
 * dashboard. Print-ready: margins fit A4 and Letter alike; `paper` fixes one of them.
 */
export function reportDocument(report: CampaignReport, campaign: Campaign, options: ReportDocumentOptions) {
  const first = options.locales[0] ?? 'en';
  const title = `${campaign.name} — ${translator(first)('reportDoc.title')}`;
  const size = options.paper ? `size:${PAGE_SIZE[options.paper]};` : '';
  return `<!doctype html><html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>
@page{${size}margin:16mm 14mm 18mm}
*{box-sizing:border-box}
body{font:10pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2230;max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:22pt;line-height:1.2;margin:.2rem 0}h2{font-size:13pt;margin:1.4rem 0 .3rem}h3{font-size:11pt;margin:1rem 0 .3rem}
.kicker{text-transform:uppercase;letter-spacing:.08em;color:#4a5163;font-weight:600;margin:0}.brand{font-size:12pt;margin:.1rem 0 .8rem}
.period{font-size:12pt;font-weight:600;margin:.4rem 0 1rem}.meta,.foot,.generated{color:#4a5163;margin:.2rem 0 .5rem}.warn{color:#8a2a0a;font-weight:600;margin:.2rem 0 .5rem}
.generated{margin-top:1.2rem}.foot{margin-top:1.5rem;font-size:9pt}
table{border-collapse:collapse;width:100%;margin:.2rem 0 .6rem}td,th{border-bottom:1px solid #dfe2ea;padding:.22rem .45rem;text-align:left;vertical-align:top}
th{font-weight:600;font-size:9pt;color:#4a5163}thead{display:table-header-group}tr{break-inside:avoid}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:9pt}
table.totals{width:auto;min-width:50%}table.creators td,table.creators th{padding:.2rem .3rem}
.cover{break-after:page}.market{break-before:page}.doc+.doc{break-before:page;margin-top:3rem}
@media print{body{margin:0;max-width:none;padding:0}.doc+.doc{margin-top:0}}
</style></head><body>
${options.locales.map((locale) => documentIn(report, campaign, locale, options)).join('\n')}
</body></html>`;
}
