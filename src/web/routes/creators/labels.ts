import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';
import type { EngagementStatus, Platform } from '../../api/creators.ts';
import type { Translate } from '../../i18n/locale.tsx';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const statusLabel = (t: Translate, status: string) => t(`engagement.status.${status}` as MessageKey);

/** Colour of a status: grey before a yes, amber while it is a maybe, green once signed, red when out. */
export function statusTone(status: EngagementStatus | string): Tone {
  switch (status) {
    case 'shortlisted':
    case 'contacted':
      return 'neutral';
    case 'tentative':
    case 'confirmed':
    case 'agreement_sent':
      return 'warning';
    case 'declined':
    case 'dropped':
      return 'danger';
    case 'draft_submitted':
    case 'revising':
    case 'in_production':
      return 'accent';
    default:
      return 'success';
  }
}

export const platformLabel = (t: Translate, platform: Platform | string) =>
  t(`creators.platform.${platform}` as MessageKey);

export const briefingStyleLabel = (t: Translate, style: string) => t(`policies.style.${style}` as MessageKey);

/** A label given per language (`{en, ru}`): the viewer's, else English, else any. */
export function pickText(texts: Record<string, string> | null | undefined, locale: Locale): string {
  if (!texts) return '';
  return texts[locale] ?? texts.en ?? Object.values(texts)[0] ?? '';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions) {
  const cacheKey = `${locale}:${key}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

/** `1 234 567` → `1.2M` / `1,2 млн`. */
export const compactNumber = (value: number, locale: Locale) =>
  numberFormat(locale, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(value);

export const plainNumber = (value: number, locale: Locale) =>
  numberFormat(locale, 'plain', { maximumFractionDigits: 2 }).format(value);

export function money(amount: number, currency: string, locale: Locale): string {
  try {
    return numberFormat(locale, `money:${currency}`, {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** `ru` → "Russian" / "русский" (Intl's name), the code itself when unknown. */
export function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** File sizes for upload hints: `24.8 MB` / `24,8 МБ`. */
export function fileSize(t: Translate, bytes: number, locale: Locale): string {
  if (bytes >= 1024 * 1024)
    return t('portal.sizeMb', { size: plainNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale) });
  return t('portal.sizeKb', { size: plainNumber(Math.max(1, Math.round(bytes / 1024)), locale) });
}
