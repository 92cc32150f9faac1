import {
  type Catalogue,
  type CataloguePart,
  hasCatalogue,
  type Locale,
  provideCatalogue,
} from '../../shared/i18n/runtime.ts';

// Each language is its own chunks: a Russian reader never downloads the English strings, nor the
// reverse. The first screen needs only the core part; pages wait for the rest (`all`). One request
// per part per page load, shared by everyone who asks meanwhile.
const pending = new Map<string, Promise<void>>();

function fetchCore(locale: Locale): Promise<Partial<Catalogue>> {
  return locale === 'ru'
    ? import('../../shared/i18n/catalog/ru/core.ts').then((module) => module.ruCore)
    : import('../../shared/i18n/catalog/en/core.ts').then((module) => module.enCore);
}

function fetchPages(locale: Locale): Promise<Partial<Catalogue>> {
  return locale === 'ru'
    ? import('../../shared/i18n/catalog/ru/pages.ts').then((module) => module.ruPages)
    : import('../../shared/i18n/catalog/en/pages.ts').then((module) => module.enPages);
}

function once(id: string, load: () => Promise<void>): Promise<void> {
  let loading = pending.get(id);
  if (!loading) {
    loading = load().catch((error: unknown) => {
      // A failed chunk (offline, a deploy in between) may be asked for again later.
      pending.delete(id);
      throw error;
    });
    pending.set(id, loading);
  }
  return loading;
}

export function loadCatalogue(locale: Locale, part: CataloguePart = 'core'): Promise<void> {
  if (hasCatalogue(locale, part)) return Promise.resolve();
  const core = once(`${locale}:core`, () =>
    fetchCore(locale).then((messages) => provideCatalogue(locale, messages, 'core')),
  );
  if (part === 'core') return core;
  return once(`${locale}:all`, () =>
    Promise.all([core, fetchPages(locale)]).then(([, messages]) => provideCatalogue(locale, messages, 'all')),
  );
}
