import { IntlMessageFormat } from 'intl-messageformat';
import { enAudit } from './catalog/en/audit.ts';
import { enAuditExplorer } from './catalog/en/audit-explorer.ts';
import { enCampaigns } from './catalog/en/campaigns.ts';
import { enCreators } from './catalog/en/creators.ts';
import { enEscalations } from './catalog/en/escalations.ts';
import { enInbox } from './catalog/en/inbox.ts';
import { enInsights } from './catalog/en/insights.ts';
import { enLaunch } from './catalog/en/launch.ts';
import { enMail } from './catalog/en/mail.ts';
import { enNotifications } from './catalog/en/notifications.ts';
import { enRetrospective } from './catalog/en/retrospective.ts';
import { enServer } from './catalog/en/server.ts';
import { enTracker } from './catalog/en/tracker.ts';
import { enWeb } from './catalog/en/web.ts';
import { enWebhooks } from './catalog/en/webhooks.ts';
import { ruAudit } from './catalog/ru/audit.ts';
import { ruAuditExplorer } from './catalog/ru/audit-explorer.ts';
import { ruCampaigns } from './catalog/ru/campaigns.ts';
import { ruCreators } from './catalog/ru/creators.ts';
import { ruEscalations } from './catalog/ru/escalations.ts';
import { ruInbox } from './catalog/ru/inbox.ts';
import { ruInsights } from './catalog/ru/insights.ts';
import { ruLaunch } from './catalog/ru/launch.ts';
import { ruMail } from './catalog/ru/mail.ts';
import { ruNotifications } from './catalog/ru/notifications.ts';
import { ruRetrospective } from './catalog/ru/retrospective.ts';
import { ruServer } from './catalog/ru/server.ts';
import { ruTracker } from './catalog/ru/tracker.ts';
import { ruWeb } from './catalog/ru/web.ts';
import { ruWebhooks } from './catalog/ru/webhooks.ts';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const catalogues = {
  en: {
    ...enAudit,
    ...enAuditExplorer,
    ...enServer,
    ...enWeb,
    ...enCampaigns,
    ...enCreators,
    ...enTracker,
    ...enInsights,
    ...enInbox,
    ...enNotifications,
    ...enEscalations,
    ...enWebhooks,
    ...enLaunch,
    ...enMail,
    ...enRetrospective,
  },
  ru: {
    ...ruAudit,
    ...ruAuditExplorer,
    ...ruServer,
    ...ruWeb,
    ...ruCampaigns,
    ...ruCreators,
    ...ruTracker,
    ...ruInsights,
    ...ruInbox,
    ...ruNotifications,
    ...ruEscalations,
    ...ruWebhooks,
    ...ruLaunch,
    ...ruMail,
    ...ruRetrospective,
  },
} as const;

export type MessageKey = keyof typeof catalogues.en;
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

// Parsing ICU messages is the expensive part; each (locale, key) is compiled once.
const compiled = new Map<string, IntlMessageFormat>();

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const source: string = catalogues[locale][key] ?? catalogues.en[key] ?? key;
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function translator(locale: Locale) {
  return (key: MessageKey, values?: MessageValues) => translate(locale, key, values);
}
