import { type Locale, translate } from '../../../shared/i18n/index.ts';
import { instantIn } from '../format.ts';
import { composeMail } from '../layout.ts';
import { appLink } from '../settings.ts';

export function passwordResetMail(input: {
  user: { name: string; email: string; locale: Locale; timeZone: string };
  token: string;
  expiresAt: Date;
}) {
  const { user } = input;
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(user.locale, key, values);
  return composeMail({
    locale: user.locale,
    to: { name: user.name, address: user.email },
    subject: t('mail.reset.subject'),
    heading: t('mail.reset.heading'),
    paragraphs: [t('mail.reset.body', { until: instantIn(input.expiresAt, [user.timeZone], user.locale) })],
    action: { label: t('mail.reset.action'), url: appLink(`/reset/${encodeURIComponent(input.token)}`) },
    reason: t('mail.reset.reason', { email: user.email }),
  });
}
