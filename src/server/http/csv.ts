import type { Options } from 'csv-stringify';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in Excel, LibreOffice or Google Sheets: one that would start a
 * formula gets a leading apostrophe, which spreadsheets show as text. Numbers are written as
 * numbers (a negative figure stays a figure); only text is ever prefixed.
 */
export function neutraliseCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Options every CSV writer passes to csv-stringify (the streaming and the sync one): every string
 * cell, headers included, goes through `neutraliseCsvCell`.
 */
export const safeCsvOptions = {
  cast: { string: (value: string) => neutraliseCsvCell(value) },
} satisfies Options;
