import { isLocale, type Locale, translate } from '../../../shared/i18n/index.ts';
import { meetingInvitation } from '../../modules/meetings/meeting-ics.ts';
import type { MeetingPerson, PresentedMeeting } from '../../modules/meetings/schedule-meeting.ts';
import { instantIn } from '../format.ts';
import { composeMail } from '../layout.ts';
import { appLink } from '../settings.ts';

export type MeetingMailKind = 'request' | 'update' | 'cancel';

/**
 * A meeting invitation for one participant: the text in their language, the time in their zone
 * and the organiser's, and the same .ics the meeting page offers (meeting-ics.ts), as a
 * text/calendar part with its METHOD and as invite.ics. `meeting` is what the participant's
 * calendar should hold: for a cancellation its status is `cancelled`, so the .ics says CANCEL.
 */
export function meetingMail(meeting: PresentedMeeting, person: MeetingPerson, kind: MeetingMailKind) {
  const locale: Locale = isLocale(person.language) ? person.language : 'en';
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(locale, key, values);
  const organizerZone = meeting.participants.find((p) => p.key === `user:${meeting.organizer.id}`)?.timeZone;
  const mine = instantIn(meeting.start, [person.timeZone], locale);
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const ics = meetingInvitation(meeting, locale, person.timeZone);
  const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST';
  return composeMail({
    locale,
    to: { name: person.name, address: person.email! },
    subject: t(`mail.meeting.subject.${kind}`, { title: meeting.title, when: mine }),
    heading: t(`mail.meeting.heading.${kind}`, { organizer: meeting.organizer.name, title: meeting.title }),
    paragraphs: [
      ...(kind === 'cancel'
        ? []
        : [meeting.agenda[locale] ?? Object.values(meeting.agenda)[0] ?? ''].filter(Boolean)),
      t(kind === 'cancel' ? 'mail.meeting.cancelHint' : 'mail.meeting.calendarHint'),
    ],
    details: [
      { label: t('mail.meeting.when'), value: mine },
      ...(organizerZone && organizerZone !== person.timeZone
        ? [
            {
              label: t('mail.meeting.organizerTime'),
              value: instantIn(meeting.start, [organizerZone], locale),
            },
          ]
        : []),
      {
        label: t('mail.meeting.duration'),
        value: t('mail.meeting.minutes', { count: meeting.durationMinutes }),
      },
      ...(meeting.languages.length
        ? [
            {
              label: t('mail.meeting.languages'),
              value: meeting.languages.map((l) => names.of(l) ?? l).join(', '),
            },
          ]
        : []),
      {
        label: t('mail.meeting.interpreter'),
        value: meeting.interpreter.needed
          ? (meeting.interpreter.name ?? '—')
          : t('mail.meeting.noInterpreter'),
      },
      { label: t('mail.meeting.participants'), value: meeting.participants.map((p) => p.name).join(', ') },
    ],
    // External participants have no account: the attachment is their way in.
    action:
      person.kind === 'user' && kind !== 'cancel'
        ? {
            label: t('mail.meeting.action'),
            url: appLink(`/campaigns/${meeting.campaignId}/meetings/${meeting.id}`),
          }
        : undefined,
    reason: t('mail.meeting.reason'),
    settingsLink: person.kind === 'user',
    calendar: { method, filename: 'invite.ics', content: ics },
  });
}
