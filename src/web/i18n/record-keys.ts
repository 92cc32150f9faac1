import type { Locale, MessageKey, MessageValues } from '../../shared/i18n/index.ts';

/**
 * Test instrumentation: when the page was opened with `window.__tandemI18n = { keys: [] }` set
 * (a browser test's init script), every catalogue key the app asks for is recorded once per
 * language as `ru:key`. The test then checks each against the catalogue, so a key missing in
 * Russian (shown in English or as the raw key) fails it. Without that object this is a no-op.
 */
declare global {
  interface Window {
    __tandemI18n?: { keys: string[] };
  }
}

type Translate = (key: MessageKey, values?: MessageValues) => string;

export function recordKeys(locale: Locale, t: Translate): Translate {
  const sink = typeof window === 'undefined' ? undefined : window.__tandemI18n;
  if (!sink) return t;
  const seen = new Set<string>();
  return (key, values) => {
    const id = `${locale}:${key}`;
    if (!seen.has(id)) {
      seen.add(id);
      sink.keys.push(id);
    }
    return t(key, values);
  };
}
