import { isLocale, type Locale, translate } from '../../../shared/i18n/index.ts';
import { renderNotification } from '../../modules/notifications/render.ts';
import { composeMail } from '../layout.ts';
import { appLink, mailSettings } from '../settings.ts';

export interface MailRecipient {
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

interface StoredNotification {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  link: string;
  marketCode?: string | null;
}

const localeOf = (recipient: MailRecipient): Locale => (isLocale(recipient.locale) ? recipient.locale : 'en');

/** A stable Message-ID per notification: a repeated job yields the same message, not a new one. */
function notificationMessageId(id: string): string {
  const domain = /@([^>\s]+)/.exec(mailSettings().from)?.[1] ?? 'localhost';
  return `<notification-${id}@${domain}>`;
}

/** One notification as an e-mail: the lead's renderer writes title and body (language, zones). */
export function notificationMail(notification: StoredNotification, recipient: MailRecipient) {
  const locale = localeOf(recipient);
  const { title, body } = renderNotification(notification, recipient);
  return composeMail({
    locale,
    to: { name: recipient.name, address: recipient.email },
    subject: title,
    heading: title,
    paragraphs: body ? [body] : [],
    action: { label: translate(locale, 'mail.notification.action'), url: appLink(notification.link) },
    reason: translate(locale, 'mail.notification.reason'),
    settingsLink: true,
    messageId: notificationMessageId(notification.id),
  });
}

/** The daily digest: every notification that waited for it, oldest first, each with its link. */
export function digestMail(notifications: StoredNotification[], recipient: MailRecipient) {
  const locale = localeOf(recipient);
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(locale, key, values);
  return composeMail({
    locale,
    to: { name: recipient.name, address: recipient.email },
    subject: t('mail.digest.subject', { count: notifications.length }),
    heading: t('mail.digest.heading'),
    paragraphs: [],
    items: notifications.map((n) => ({ ...renderNotification(n, recipient), url: appLink(n.link) })),
    action: { label: t('mail.digest.action'), url: appLink('/notifications') },
    reason: t('mail.digest.reason'),
    settingsLink: true,
  });
}
