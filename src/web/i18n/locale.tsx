import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import {
  hasCatalogue,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageValues,
  negotiateLocale,
  translator,
} from '../../shared/i18n/runtime.ts';
import { updateProfile } from '../api/account.ts';
import { setRequestLocale } from '../api/client.ts';
import { keys, meQuery } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { recordKeys } from './record-keys.ts';

const STORAGE_KEY = 'tandem.locale';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

interface LocaleContextValue {
  locale: Locale;
  /** The language asked for; differs from `locale` only while its catalogue is on its way. */
  wanted: Locale;
  setLocale: (next: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** Before sign-in: the language chosen on this device, else the browser's. */
export function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); the browser language still works.
  }
  return negotiateLocale(navigator.languages?.join(',') || navigator.language, 'en');
}

function remember(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}

/**
 * The language on screen. Signed in, it is the one saved on the profile (switching saves it);
 * signed out, the device's. Changing it re-renders everything at once, no reload.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery).data;
  const [deviceLocale, setDeviceLocale] = useState(initialLocale);
  const locale: Locale = me && isLocale(me.locale) ? me.locale : deviceLocale;
  setRequestLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    // Signed out later, this device keeps speaking the profile's language.
    if (me && isLocale(me.locale)) {
      remember(me.locale);
      setDeviceLocale(me.locale);
    }
  }, [locale, me]);

  const wanted = useRef<Locale | null>(null);
  const save = useMutation({
    mutationFn: (next: Locale) => updateProfile({ locale: next }),
    onSuccess: (user) => {
      // A slower answer to an earlier switch must not undo a later one.
      if (user.locale === wanted.current) queryClient.setQueryData(keys.me, user);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  const { mutate } = save;

  const switchedTo = useRef<Locale | null>(null);
  const setLocale = useCallback(
    (next: Locale) => {
      switchedTo.current = next;
      remember(next);
      setDeviceLocale(next);
      setRequestLocale(next);
      const current = queryClient.getQueryData<User | null>(keys.me);
      if (current && current.locale !== next) {
        wanted.current = next;
        const updated: User = { ...current, locale: next };
        queryClient.setQueryData(keys.me, updated);
        mutate(next);
      }
    },
    [queryClient, mutate],
  );

  // Until the wanted language's catalogue has arrived, the screen stays in the one already loaded.
  const [, catalogueArrived] = useReducer((n: number) => n + 1, 0);
  // A switch happens on a page, which needs the whole catalogue; boot and sign-in need the core.
  const part = switchedTo.current === locale ? 'all' : 'core';
  useEffect(() => {
    if (hasCatalogue(locale, part)) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      loadCatalogue(locale, part).then(
        () => {
          if (!cancelled) catalogueArrived();
        },
        () => {
          if (!cancelled) retry = setTimeout(attempt, 2_000);
        },
      );
    };
    attempt();
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [locale, part]);
  // Only a switch keeps the old language meanwhile; a profile's language arriving at sign-in or
  // boot waits on the boot screen, so no page flashes in the browser's language first.
  const shown = useRef<Locale | null>(null);
  if (hasCatalogue(locale, part)) shown.current = locale;
  const onScreen = hasCatalogue(locale, part) || switchedTo.current === locale ? shown.current : null;

  const value = useMemo(
    () =>
      onScreen
        ? { locale: onScreen, wanted: locale, setLocale, t: recordKeys(onScreen, translator(onScreen)) }
        : null,
    [onScreen, locale, setLocale],
  );
  if (!value) return <div className="boot" aria-busy="true" />;
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

function useLocaleContext() {
  const context = useContext(LocaleContext);
  if (!context) throw new Error('LocaleProvider is missing');
  return context;
}

/** `t(key, values)` in the current language. */
export function useT(): Translate {
  return useLocaleContext().t;
}

export function useLocale(): [Locale, (next: Locale) => void] {
  const { locale, setLocale } = useLocaleContext();
  return [locale, setLocale];
}

/** The language the reader chose, at once (a language switcher shows it checked while it loads). */
export function useWantedLocale(): Locale {
  return useLocaleContext().wanted;
}
