import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { enServer } from '../src/shared/i18n/catalog/en/server.ts';
import { enWeb } from '../src/shared/i18n/catalog/en/web.ts';
import { ruServer } from '../src/shared/i18n/catalog/ru/server.ts';
import { ruWeb } from '../src/shared/i18n/catalog/ru/web.ts';
import { catalogues, LOCALES, type Locale, negotiateLocale, translate } from '../src/shared/i18n/index.ts';

// Generic on purpose: the catalogues grow while this test stays as it is.
const catalogueMap = catalogues as unknown as Record<Locale, Record<string, string>>;
const entries = (locale: Locale) => Object.entries(catalogueMap[locale]);

const CLDR_CARDINAL: Record<Locale, readonly string[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

interface Inspection {
  /** Argument names with their kind: `{name}` → argument, `{n, plural, …}` → plural, `<b>…</b>` → tag. */
  args: Map<string, string>;
  /** Branch keys of each cardinal plural. */
  plurals: Array<{ name: string; branches: string[] }>;
}

function inspect(message: string): Inspection {
  const result: Inspection = { args: new Map(), plurals: [] };
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isTagElement(el)) {
        result.args.set(`<${el.value}>`, 'tag');
        walk(el.children);
      } else if (isPluralElement(el)) {
        result.args.set(el.value, el.pluralType === 'ordinal' ? 'selectordinal' : 'plural');
        if (el.pluralType !== 'ordinal')
          result.plurals.push({ name: el.value, branches: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isSelectElement(el)) {
        result.args.set(el.value, 'select');
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isNumberElement(el)) result.args.set(el.value, 'number');
      else if (isDateElement(el) || isTimeElement(el)) result.args.set(el.value, 'date');
      else if (isArgumentElement(el)) result.args.set(el.value, 'argument');
    }
  };
  walk(parse(message));
  return result;
}

/** Values that let any message format: numbers for plural/number, dates for date/time. */
function sampleValues(args: Map<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, kind] of args) {
    if (kind === 'tag') values[name.slice(1, -1)] = (chunks: unknown[]) => chunks.join('');
    else if (kind === 'plural' || kind === 'selectordinal' || kind === 'number') values[name] = 3;
    else if (kind === 'date') values[name] = new Date(Date.UTC(2026, 2, 5, 15));
    else if (kind === 'select') values[name] = 'other';
    else values[name] = `«${name}»`;
  }
  return values;
}

describe('i18n catalogues', () => {
  it('have the same keys in every locale (merged catalogues)', () => {
    const en = Object.keys(catalogueMap.en).sort();
    for (const locale of LOCALES) {
      const keys = Object.keys(catalogueMap[locale]).sort();
      expect(
        keys.filter((k) => !en.includes(k)),
        `keys in ${locale} but not en`,
      ).toEqual([]);
      expect(
        en.filter((k) => !keys.includes(k)),
        `keys in en but not ${locale}`,
      ).toEqual([]);
    }
    expect(en.length).toBeGreaterThan(0);
  });

  it('have the same keys per file (server and web catalogues mirror each other)', () => {
    expect(Object.keys(ruServer).sort()).toEqual(Object.keys(enServer).sort());
    expect(Object.keys(ruWeb).sort()).toEqual(Object.keys(enWeb).sort());
    // A key defined in both the server and the web file would be silently shadowed on merge.
    const shared = Object.keys(enServer).filter((k) => k in enWeb);
    expect(shared, 'keys defined in both en/server.ts and en/web.ts').toEqual([]);
  });

  it('have no empty or whitespace-only messages', () => {
    for (const locale of LOCALES) {
      const empty = entries(locale)
        .filter(([, message]) => typeof message !== 'string' || message.trim() === '')
        .map(([key]) => key);
      expect(empty, `empty messages in ${locale}`).toEqual([]);
    }
  });

  it('parse and format with intl-messageformat in their locale', () => {
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const [key, message] of entries(locale)) {
        try {
          const format = new IntlMessageFormat(message, locale);
          const output = format.format(sampleValues(inspect(message).args));
          if (typeof output !== 'string' || output.trim() === '')
            failures.push(`${locale} ${key}: empty output`);
        } catch (error) {
          failures.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('cover every CLDR cardinal category in each plural (ru: one, few, many, other)', () => {
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const [key, message] of entries(locale)) {
        for (const plural of inspect(message).plurals) {
          const missing = CLDR_CARDINAL[locale].filter((category) => !plural.branches.includes(category));
          if (missing.length)
            failures.push(`${locale} ${key} {${plural.name}}: missing ${missing.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('use the same placeholders, with the same kinds, in en and ru', () => {
    const failures: string[] = [];
    for (const [key, enMessage] of entries('en')) {
      const ruMessage = catalogueMap.ru[key];
      if (typeof ruMessage !== 'string') continue; // reported by the key test
      const en = inspect(enMessage).args;
      const ru = inspect(ruMessage).args;
      const describeArgs = (args: Map<string, string>) =>
        [...args.keys()].sort().map((name) => `${name}:${placeholderClass(args.get(name))}`);
      const a = describeArgs(en).join(' ');
      const b = describeArgs(ru).join(' ');
      if (a !== b) failures.push(`${key}: en [${a}] ≠ ru [${b}]`);
    }
    expect(failures).toEqual([]);
  });
});

/** A plural in one language may be a plain `{n, number}` in the other; both take a number. */
function placeholderClass(kind: string | undefined): string {
  if (kind === 'plural' || kind === 'number' || kind === 'selectordinal') return 'number';
  return kind ?? '?';
}

describe('Russian plurals (CLDR)', () => {
  const tasks = new IntlMessageFormat(
    '{n, plural, one {# задача} few {# задачи} many {# задач} other {# задачи}}',
    'ru',
  );
  const cases: Array<[number, string]> = [
    [0, '0 задач'],
    [1, '1 задача'],
    [2, '2 задачи'],
    [4, '4 задачи'],
    [5, '5 задач'],
    [11, '11 задач'],
    [12, '12 задач'],
    [14, '14 задач'],
    [21, '21 задача'],
    [22, '22 задачи'],
    [25, '25 задач'],
    [101, '101 задача'],
    [111, '111 задач'],
    [1.5, '1,5 задачи'],
  ];
  it.each(cases)('%s → %s', (n, expected) => {
    expect(tasks.format({ n })).toBe(expected);
  });
});

describe('translate()', () => {
  it('picks Russian plural forms in error.rate_limited', () => {
    const forms: Array<[number, string]> = [
      [1, '1 секунду'],
      [2, '2 секунды'],
      [5, '5 секунд'],
      [11, '11 секунд'],
      [21, '21 секунду'],
      [22, '22 секунды'],
    ];
    for (const [seconds, expected] of forms) {
      const text = translate('ru', 'error.rate_limited', { seconds });
      expect(text, `${seconds}`).toContain(expected);
      expect(text).not.toMatch(/[{}#]/);
    }
    // 5 must not take the "one" or "few" form
    expect(translate('ru', 'error.rate_limited', { seconds: 5 })).not.toMatch(/5 секунд[уы]/);
  });

  it('picks English plural forms in error.rate_limited', () => {
    expect(translate('en', 'error.rate_limited', { seconds: 1 })).toContain('1 second');
    expect(translate('en', 'error.rate_limited', { seconds: 1 })).not.toContain('1 seconds');
    expect(translate('en', 'error.rate_limited', { seconds: 21 })).toContain('21 seconds');
  });

  it('returns different text per locale and substitutes arguments', () => {
    const en = translate('en', 'error.invalid_time_zone', { timeZone: 'Mars/Base' });
    const ru = translate('ru', 'error.invalid_time_zone', { timeZone: 'Mars/Base' });
    expect(en).toContain('Mars/Base');
    expect(ru).toContain('Mars/Base');
    expect(en).not.toBe(ru);
    // cached formats give the same result on repeated calls
    expect(translate('ru', 'error.invalid_time_zone', { timeZone: 'Mars/Base' })).toBe(ru);
  });
});

describe('negotiateLocale()', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU-ru', 'ru'],
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['de-DE,de;q=0.9,ru;q=0.5,en;q=0.3', 'ru'],
    ['en;q=0.1, ru;q=0.9', 'ru'],
    ['de, fr;q=0.8', 'en'],
    ['*', 'en'],
    ['fr-CA, en-GB;q=0.5', 'en'],
  ] as Array<[string | undefined, Locale]>)('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('uses the given fallback when nothing matches', () => {
    expect(negotiateLocale('de', 'ru')).toBe('ru');
    expect(negotiateLocale(undefined, 'ru')).toBe('ru');
    expect(negotiateLocale('en', 'ru')).toBe('en');
  });
});
