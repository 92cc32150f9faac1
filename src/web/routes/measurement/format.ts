// Numbers of the measurement screens, through Intl in the UI language (times: src/web/time/format.ts).
import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';

// ---------------------------------------------------------------------------------------------
// Numbers

/** The market's name in the UI language (one rule everywhere: src/shared/market-name.ts). */
export { marketName } from '../../../shared/market-name.ts';

/** `reach` → "Reach" / "Охват" (the brief's KPI names). */
export const kpiLabel = (t: (key: MessageKey) => string, metric: string) =>
  t(`brief.kpi.${metric}` as MessageKey);

// The figures' formatting lives in src/shared/figures.ts: the report document on the server
// uses the same functions, so the dashboard and the document round alike.
export {
  formatCount,
  formatKpi,
  formatMoney,
  formatPercent,
  formatRatio,
  formatShare,
  LOWER_IS_BETTER,
} from '../../../shared/figures.ts';

/**
 * A number typed the way either market writes it (`1 234,5`, `1,234.5`, `1234`): null when empty,
 * NaN when it is not a number. A lone comma is a decimal comma in Russian; in English it groups
 * thousands only when it looks like it (`1,500`, not `0,011`).
 */
export function parseTypedNumber(raw: string, locale: Locale = 'en'): number | null {
  let value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!value) return null;
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    value = comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else if (comma >= 0) {
    value =
      locale === 'en' && /^-?[1-9]\d{0,2}(,\d{3})+$/.test(value)
        ? value.replace(/,/g, '')
        : value.replace(',', '.');
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}
