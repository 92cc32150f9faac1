import type { Locale } from '../../shared/i18n/index.ts';

/**
 * Dates and times typed the UI language's way, whatever the browser's locale: Russian
 * `07.12.2026 18:00`, English `12/07/2026 18:00` (Intl's numeric forms; 24-hour clock as the
 * rest of the app). The values stay what the pages send today: `YYYY-MM-DD`, `HH:mm` and
 * `YYYY-MM-DDTHH:mm` (wall-clock, in whichever zone the page says).
 *
 * Also read: ISO (`2026-12-07`, `2026-12-07T18:00`), `7.12.26`, month names in either language
 * (`Dec 7, 2026`, `7 декабря 2026`), and `6:30 pm`.
 */

export type DateKind = 'date' | 'datetime' | 'time';

const pad = (n: number) => String(n).padStart(2, '0');

const numericDate = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ru' ? 'ru' : 'en-US', {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

/** `2026-12-07` → `07.12.2026` / `12/07/2026`; `18:00` stays; a value it cannot read is shown as is. */
export function formatTyped(value: string, kind: DateKind, locale: Locale): string {
  if (!value) return '';
  if (kind === 'time') return /^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  const [, y, m, d, time] = match;
  const date = numericDate(locale).format(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (kind === 'date') return date;
  return `${date} ${time ?? '00:00'}`;
}

/** A date and time that shows the pattern: `07.12.2026 18:00` / `12/07/2026 18:00`. */
export function exampleTyped(kind: DateKind, locale: Locale): string {
  return formatTyped(kind === 'time' ? '18:00' : '2026-12-07T18:00', kind, locale);
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const en = EN_MONTHS.findIndex((prefix) => w.startsWith(prefix));
  if (en >= 0) return en + 1;
  // "мар" (March) before "ма" (May: май, мая).
  if (w.startsWith('мар')) return 3;
  const ru = RU_MONTHS.findIndex((prefix) => w.startsWith(prefix));
  return ru >= 0 ? ru + 1 : null;
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
}

const fullYear = (text: string) => (text.length <= 2 ? 2000 + Number(text) : Number(text));

function parseDate(text: string, locale: Locale): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // 07.12.2026 is day first everywhere; 12/07/2026 is month first in English.
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const monthFirst = m[2] === '/' && locale === 'en';
    return validDate(fullYear(m[4]!), monthFirst ? a : b, monthFirst ? b : a);
  }
  // Dec 7, 2026 · December 7 2026
  m = /^([^\d\s,.]+)\.? (\d{1,2}),? (\d{4})$/u.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? validDate(Number(m[3]), month, Number(m[2])) : null;
  }
  // 7 Dec 2026 · 7 декабря 2026 г.
  m = /^(\d{1,2}) ([^\d\s,.]+)\.?,? (\d{4})(?: ?г\.?)?$/u.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? validDate(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

function parseTime(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?: ?([ap])\.? ?m\.?)?$/.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === 'p' ? 12 : 0);
  }
  return hour > 23 || minute > 59 ? null : `${pad(hour)}:${pad(minute)}`;
}

/** The value for typed text: `''` when empty, null when it cannot be read. */
export function parseTyped(text: string, kind: DateKind, locale: Locale): string | null {
  const s = text.trim();
  if (!s) return '';
  if (kind === 'time') return parseTime(s);
  if (kind === 'date') return parseDate(s, locale);
  // The time is the last word with a colon or am/pm; a "T" or a comma may separate it.
  const m = /^(.*?)(?:[T,]\s*|\s+)(\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s*m\.?)?)$/i.exec(s);
  if (!m) return null;
  const date = parseDate(m[1]!, locale);
  const time = parseTime(m[2]!);
  return date && time ? `${date}T${time}` : null;
}
