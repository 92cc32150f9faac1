import { isInstantInRange, parseLocalTime } from '../../../shared/time/index.ts';

/**
 * A number as spreadsheets in either market write it: `1 234,5` (Russian: spaces or no-break
 * spaces group thousands, comma decimals), `1,234.5`, `$1,234.50`, `12,5 %`. With both separators
 * present, the last one is the decimal mark; with only a comma, `decimalComma` decides.
 */
export function parseNumber(
  raw: string | undefined,
  decimalComma: boolean,
): number | null | typeof Number.NaN {
  if (raw === undefined) return null;
  let value = raw.trim().replace(/^'/, '');
  if (value === '' || value === '-' || value === '—') return null;
  value = value.replace(/[\s\u00a0\u202f%]|[$€£₽]|руб\.?|RUB|USD|EUR/gi, '');
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    value = comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else if (comma >= 0) {
    const thousandsOnly = /^-?\d{1,3}(,\d{3})+$/.test(value);
    value =
      decimalComma || !thousandsOnly
        ? value.replace(/,(?=\d*$)/, '.').replace(/,/g, '')
        : value.replace(/,/g, '');
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * An instant from an export: ISO 8601, Shopify's `2026-03-05 18:00:00 +0300`, or a local time
 * (`2026-03-05 18:00`, `05.03.2026 18:00`, `05.03.2026`) read in the given zone.
 */
export function parseInstant(raw: string | undefined, timeZone: string): Date | null | 'invalid' {
  const read = readInstant(raw, timeZone);
  // Month 13, hour 25 or year 0000 would fail in the database: the row is refused instead.
  if (read instanceof Date && (Number.isNaN(read.getTime()) || !isInstantInRange(read))) return 'invalid';
  return read;
}

function readInstant(raw: string | undefined, timeZone: string): Date | null | 'invalid' {
  const value = raw?.trim();
  if (!value) return null;
  const shopify = value.match(/^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d)?)\s*([+-])(\d\d):?(\d\d)$/);
  if (shopify) return new Date(`${shopify[1]}T${shopify[2]}${shopify[3]}${shopify[4]}:${shopify[5]}`);
  if (/^\d{4}-\d\d-\d\dT.*(Z|[+-]\d\d:?\d\d)$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? 'invalid' : date;
  }
  let local: string | null = null;
  const iso = value.match(/^(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d)(?::\d\d)?)?$/);
  const ru = value.match(/^(\d\d)\.(\d\d)\.(\d{4})(?:\s+(\d\d?:\d\d)(?::\d\d)?)?$/);
  if (iso) local = `${iso[1]}T${iso[2] ?? '00:00'}`;
  else if (ru) local = `${ru[3]}-${ru[2]}-${ru[1]}T${(ru[4] ?? '00:00').padStart(5, '0')}`;
  if (!local) return 'invalid';
  // An hour the clocks skip or repeat is taken at its first reading: exports do not say which.
  const result = parseLocalTime(local, timeZone, 'earlier');
  return result.ok ? new Date(result.instant) : 'invalid';
}
