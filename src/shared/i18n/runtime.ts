import { IntlMessageFormat } from 'intl-messageformat';
import type { en } from './catalog/en/index.ts';

// Translation without the catalogues themselves: the server provides both languages at start
// (index.ts); the web app fetches only the language on screen (a separate chunk per language).

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type MessageValues = Record<string, string | number | Date>;

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ru';
}

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(acceptLanguage: string | undefined, fallback: Locale = 'en'): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) if (isLocale(entry.lang)) return entry.lang;
  return fallback;
}

/**
 * A language's catalogue comes in two parts in the web app: `core` (what the first screen needs)
 * and the rest; `all` means both are here. The server and tests provide `all` at once.
 */
export type CataloguePart = 'core' | 'all';

const loaded: Partial<Record<Locale, Partial<Catalogue>>> = {};
const complete = new Set<Locale>();

// Parsing ICU messages is the expensive part; each (locale, key) is compiled once.
const compiled = new Map<string, IntlMessageFormat>();

export function provideCatalogue(locale: Locale, messages: Partial<Catalogue>, part: CataloguePart = 'all') {
  loaded[locale] = { ...loaded[locale], ...messages };
  if (part === 'all') complete.add(locale);
  // A key compiled before its part arrived fell back to English or to itself: compile it again.
  for (const key of compiled.keys()) if (key.startsWith(`${locale}\u0000`)) compiled.delete(key);
}

export function hasCatalogue(locale: Locale, part: CataloguePart = 'core'): boolean {
  return part === 'all' ? complete.has(locale) : loaded[locale] !== undefined;
}

/** Whether a string is a key of the catalogue (for codes that may or may not have a label). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.values(loaded).some((messages) => messages !== undefined && key in messages);
}

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const source: string = loaded[locale]?.[key] ?? loaded.en?.[key] ?? key;
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function translator(locale: Locale) {
  return (key: MessageKey, values?: MessageValues) => translate(locale, key, values);
}
