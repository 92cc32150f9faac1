// How the report's figures are written, shared by the dashboard (web) and the report document
// (server print page), so both round the same way and carry the same units: counts as whole
// numbers, money with its currency, rates with %, ROAS with ×. Numbers go through Intl in the
// reader's language.
import type { Locale } from './i18n/index.ts';

/** KPIs where a lower figure is the better one (spend per result). */
export const LOWER_IS_BETTER = new Set(['cpm', 'cpa', 'cpe']);
/** KPIs in money (the market's currency, or the joint base currency). */
export const MONEY_KPIS = new Set(['revenue', 'cpm', 'cpa', 'cpe']);
/** KPIs that are percentages (the report gives them as 8.25 for 8.25 %). */
export const PERCENT_KPIS = new Set(['engagement_rate', 'conversion_rate']);

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}\u0000${JSON.stringify(options)}`;
  let format = cache.get(id);
  if (!format) {
    if (cache.size > 200) cache.clear();
    format = new Intl.NumberFormat(locale, options);
    cache.set(id, format);
  }
  return format;
}

/** `12,000` / `12 000`; `—` when there is no figure. */
export function formatCount(value: number | null, locale: Locale): string {
  return value === null ? '—' : nf(locale, { maximumFractionDigits: 0 }).format(value);
}

/** `$2,000`, `RUB 90,000` / `90 000 ₽`: whole units from 1,000 up, else up to two decimals. */
export function formatMoney(value: number | null, currency: string, locale: Locale): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  try {
    return nf(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${nf(locale, { maximumFractionDigits: digits }).format(value)} ${currency}`;
  }
}

/** `8.25%` / `8,25 %` from a percentage figure (8.25). */
export function formatPercent(value: number | null, locale: Locale): string {
  return value === null
    ? '—'
    : nf(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/** `2.5×` (ROAS). */
export function formatRatio(value: number | null, locale: Locale): string {
  return value === null ? '—' : `${nf(locale, { maximumFractionDigits: 2 }).format(value)}×`;
}

/** A KPI's figure in its unit: counts, money in `currency`, %, or × for ROAS. */
export function formatKpi(metric: string, value: number | null, currency: string, locale: Locale): string {
  if (MONEY_KPIS.has(metric)) return formatMoney(value, currency, locale);
  if (PERCENT_KPIS.has(metric)) return formatPercent(value, locale);
  if (metric === 'roas') return formatRatio(value, locale);
  return formatCount(value, locale);
}

/** `55%` from a 0..n ratio (progress against a target). */
export function formatShare(ratio: number, locale: Locale): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: ratio < 0.1 ? 1 : 0 }).format(ratio);
}

/** An exchange rate as written beside the joint total: `1 USD = 90 RUB`. */
export function formatRate(currency: string, rate: number, base: string, locale: Locale): string {
  return `1 ${currency} = ${nf(locale, { maximumSignificantDigits: 6 }).format(rate)} ${base}`;
}
