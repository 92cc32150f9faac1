import type { Locale } from '../../../shared/i18n/runtime.ts';

// Market names follow one rule everywhere (src/shared/market-name.ts).
export { marketLabel, marketName, regionName } from '../../../shared/market-name.ts';

/** ISO 639-1: every two-letter language code. The server accepts the ones Intl can name. */
const ISO_639_1 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  );

/** Languages first offered: the app's own two. */
const PREFERRED_LANGUAGES = ['en', 'ru'];

const displayNames = new Map<string, Intl.DisplayNames | null>();
function names(locale: Locale, type: 'language' | 'region' | 'currency'): Intl.DisplayNames | null {
  const key = `${locale}:${type}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([locale], { type, fallback: 'none' }));
    } catch {
      displayNames.set(key, null);
    }
  }
  return displayNames.get(key) ?? null;
}

const capitalize = (text: string, locale: Locale) =>
  text ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;

/** `ru` → "Russian" / "Русский"; the code itself when Intl has no name. */
export function languageName(code: string, locale: Locale): string {
  const name = names(locale, 'language')?.of(code);
  return name ? capitalize(name, locale) : code;
}

/** `RUB` → "Russian Ruble" / "российский рубль". */
export function currencyName(code: string, locale: Locale): string {
  try {
    return capitalize(names(locale, 'currency')?.of(code) ?? code, locale);
  } catch {
    return code;
  }
}

export interface Option {
  value: string;
  label: string;
}

const languageCache = new Map<Locale, Option[]>();
/** Languages Intl can name, en and ru first, the rest alphabetical in the UI language. */
export function languageOptions(locale: Locale): Option[] {
  const cached = languageCache.get(locale);
  if (cached) return cached;
  const known = ISO_639_1.filter((code) => names('en', 'language')?.of(code) !== undefined);
  const rest = known
    .filter((code) => !PREFERRED_LANGUAGES.includes(code))
    .map((code) => ({ value: code, label: `${languageName(code, locale)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const options = [
    ...PREFERRED_LANGUAGES.map((code) => ({ value: code, label: `${languageName(code, locale)} (${code})` })),
    ...rest,
  ];
  languageCache.set(locale, options);
  return options;
}

const currencyCache = new Map<Locale, Option[]>();
/** ISO 4217 codes this browser knows, by code. */
export function currencyOptions(locale: Locale): Option[] {
  const cached = currencyCache.get(locale);
  if (cached) return cached;
  let codes: string[] = [];
  try {
    codes = Intl.supportedValuesOf('currency');
  } catch {
    codes = ['EUR', 'GBP', 'RUB', 'USD'];
  }
  const options = codes.map((code) => ({ value: code, label: `${code} — ${currencyName(code, locale)}` }));
  currencyCache.set(locale, options);
  return options;
}
