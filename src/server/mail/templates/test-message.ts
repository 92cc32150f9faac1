import { translate } from '../../../shared/i18n/index.ts';
import type { Actor } from '../../modules/auth/policies.ts';
import { composeMail } from '../layout.ts';
import { appLink } from '../settings.ts';

export function testMail(admin: Actor, smtp: { host: string; from: string }) {
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(admin.locale, key, values);
  return composeMail({
    locale: admin.locale,
    to: { name: admin.name, address: admin.email },
    subject: t('mail.test.subject'),
    heading: t('mail.test.heading'),
    paragraphs: [t('mail.test.body', smtp)],
    action: { label: t('mail.notification.action'), url: appLink('/team') },
    reason: t('mail.test.reason'),
    settingsLink: true,
  });
}
