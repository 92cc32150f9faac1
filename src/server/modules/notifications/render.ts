import { isLocale, type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import { marketName } from '../../../shared/market-name.ts';
import { formatInZones, isValidTimeZone } from '../../../shared/time/index.ts';
import { isNotificationKind } from './kinds.ts';

export interface Recipient {
  locale: string;
  timeZone: string;
}

export interface RenderableNotification {
  kind: string;
  params: Record<string, unknown>;
  /** The market the notification is about: its stored `marketName` is shown in the reader's language. */
  marketCode?: string | null;
}

/** Stored with the params when the notification names a market: its zone, for the second time. */
export const MARKET_ZONE_PARAM = 'marketZone';

/**
 * An instant in the recipient's zone and, when a market is involved and its zone differs, in the
 * market's too: "5 Mar 14:00 EST / 22:00 MSK" (the date repeats only where it differs).
 */
export function formatForRecipient(iso: string, recipient: Recipient, marketZone: string | null): string {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'en';
  const own = isValidTimeZone(recipient.timeZone) ? recipient.timeZone : 'UTC';
  const zones = marketZone && marketZone !== own && isValidTimeZone(marketZone) ? [own, marketZone] : [own];
  let shown: ReturnType<typeof formatInZones>;
  try {
    shown = formatInZones(iso, zones, locale);
  } catch {
    return iso;
  }
  const [first, second] = shown;
  if (!second) return first!.label;
  const secondLabel = second.date === first!.date ? `${second.time} ${second.abbreviation}` : second.label;
  return `${first!.label} / ${secondLabel}`;
}

/** Title and body in the recipient's language, with every `…At` instant in their zone (and the market's). */
export function renderNotification(
  notification: RenderableNotification,
  recipient: Recipient,
): { title: string; body: string } {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'en';
  const marketZone =
    typeof notification.params[MARKET_ZONE_PARAM] === 'string'
      ? (notification.params[MARKET_ZONE_PARAM] as string)
      : null;
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(notification.params)) {
    if (key === MARKET_ZONE_PARAM) continue;
    if (key.endsWith('At')) {
      values[key] =
        typeof value === 'string'
          ? formatForRecipient(value, recipient, marketZone)
          : translate(locale, 'notification.noDue');
      if (key === 'dueAt') values.hasDue = typeof value === 'string' ? 'yes' : 'no';
    } else if (typeof value === 'boolean') values[key] = String(value);
    else if (typeof value === 'number') values[key] = value;
    else if (key === 'marketName' && typeof value === 'string' && notification.marketCode)
      values[key] = marketName({ code: notification.marketCode, name: value }, locale);
    // Empty names select the "none" branch of a message (nobody left, nobody answered).
    else if (typeof value === 'string') values[key] = value === '' ? 'none' : value;
    else if (value === null || value === undefined) values[key] = 'none';
    else values[key] = JSON.stringify(value);
  }
  if (!isNotificationKind(notification.kind)) return { title: notification.kind, body: '' };
  const message = (part: 'title' | 'body') => {
    try {
      return translate(locale, `notification.${notification.kind}.${part}` as MessageKey, values);
    } catch {
      // A stored notification missing a parameter its message later gained: show the raw message.
      return translate(locale, `notification.${notification.kind}.label` as MessageKey);
    }
  };
  return { title: message('title'), body: message('body') };
}
