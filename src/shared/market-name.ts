import type { Locale } from './i18n/index.ts';

// The app's languages (the i18n module's LOCALES, listed here so this stays free of the catalogues).
const LOCALES: readonly Locale[] = ['en', 'ru'];

/**
 * How a market's name is shown, everywhere (web pages, portal, mail, notifications, CSV and print
 * documents rendered on the server):
 *
 * - A market whose code is a region (`RU`, `US`) and whose stored name is that region's name in any
 *   of the app's languages ("Russia", "Россия", "United States", "Соединённые Штаты"), or the code
 *   itself, or nothing, is shown as the region's name in the reader's language. The server stores
 *   the English region name when none is typed, and the Russian team may have typed "Россия": both
 *   are the country, not a name someone chose.
 * - Any other name ("US East", "СНГ", "США") was chosen by a person and stays as typed.
 * - A code that is not a region (`CIS`) with no name shows the code.
 *
 * Compared without case, spacing or the ё/е difference (ICU versions disagree on "Соединённые").
 */

const displayNames = new Map<Locale, Intl.DisplayNames | null>();
function regionNames(locale: Locale): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale) ?? null;
}

/** `US` → "United States" / "Соединённые Штаты"; undefined for a code that is not a region. */
export function regionName(code: string, locale: Locale): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    return regionNames(locale)?.of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

const normalize = (text: string) =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/ё/giu, 'е').toLowerCase();

/** Whether a stored name is just the default for its code (its region's name in a language, or the code). */
export function isDefaultMarketName(code: string, name: string | null | undefined): boolean {
  const typed = normalize(name ?? '');
  if (!typed || typed === normalize(code)) return true;
  return LOCALES.some((locale) => {
    const region = regionName(code, locale);
    return region !== undefined && normalize(region) === typed;
  });
}

/** A market's name in the reader's language (see the rule above). */
export function marketName(market: { code: string; name?: string | null }, locale: Locale): string {
  if (isDefaultMarketName(market.code, market.name)) return regionName(market.code, locale) ?? market.code;
  return (market.name ?? '').trim();
}

/** `US — United States` / `US — Соединённые Штаты`: code and name, for lists and headings. */
export function marketLabel(market: { code: string; name?: string | null }, locale: Locale): string {
  const name = marketName(market, locale);
  return name === market.code ? market.code : `${market.code} — ${name}`;
}
