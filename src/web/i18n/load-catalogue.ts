import { type Catalogue, hasCatalogue, type Locale, provideCatalogue } from '../../shared/i18n/runtime.ts';

// Each language is its own chunk: a Russian reader never downloads the English strings, nor the
// reverse. One request per language per page load, shared by everyone who asks meanwhile.
const pending = new Map<Locale, Promise<void>>();

function fetchCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === 'ru'
    ? import('../../shared/i18n/catalog/ru/index.ts').then((module) => module.ru)
    : import('../../shared/i18n/catalog/en/index.ts').then((module) => module.en);
}

export function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return Promise.resolve();
  let loading = pending.get(locale);
  if (!loading) {
    loading = fetchCatalogue(locale).then(
      (messages) => provideCatalogue(locale, messages),
      (error: unknown) => {
        // A failed chunk (offline, a deploy in between) may be asked for again later.
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, loading);
  }
  return loading;
}
