import { type Locale, translate } from '../../../shared/i18n/index.ts';
import { instantIn } from '../format.ts';
import { composeMail } from '../layout.ts';
import { appLink } from '../settings.ts';

export interface InvitationMailInput {
  locale: Locale;
  email: string;
  token: string;
  role: string;
  marketCodes: string[];
  campaignName: string | null;
  inviter: { name: string; timeZone: string };
  expiresAt: Date;
}

/** The invitee has no account and so no known zone: the expiry is shown in the inviter's zone and UTC. */
export function invitationMail(input: InvitationMailInput) {
  const { locale, inviter } = input;
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(locale, key, values);
  const roleKey = `common.role.${input.role}` as Parameters<typeof translate>[1];
  return composeMail({
    locale,
    to: { name: input.email, address: input.email },
    subject: t('mail.invite.subject', { inviter: inviter.name }),
    heading: t('mail.invite.heading', { inviter: inviter.name }),
    paragraphs: [t('mail.invite.body', { inviter: inviter.name })],
    details: [
      { label: t('mail.invite.role'), value: t(roleKey) },
      ...(input.campaignName ? [{ label: t('mail.invite.campaign'), value: input.campaignName }] : []),
      ...(input.marketCodes.length
        ? [{ label: t('mail.invite.markets'), value: input.marketCodes.join(', ') }]
        : []),
      { label: t('mail.invite.invitedBy'), value: inviter.name },
      {
        label: t('mail.invite.expires'),
        value: instantIn(input.expiresAt, [inviter.timeZone, 'UTC'], locale),
      },
    ],
    action: { label: t('mail.invite.action'), url: appLink(`/invite/${encodeURIComponent(input.token)}`) },
    reason: t('mail.invite.reason', { inviter: inviter.name, email: input.email }),
  });
}
