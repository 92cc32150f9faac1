import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { isLocale, type Locale, translate } from '../../../shared/i18n/index.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import type { PresentedMeeting } from './schedule-meeting.ts';

const languageNames = (locale: Locale) => new Intl.DisplayNames([locale], { type: 'language' });

/**
 * The invitation as RFC 5545: METHOD:REQUEST (CANCEL once cancelled), a UID that never changes,
 * SEQUENCE raised on every update, instants in UTC, and the text in the attendee's language.
 */
export function meetingInvitation(
  meeting: PresentedMeeting,
  language: string,
  viewerTimeZone: string,
): string {
  const locale: Locale = isLocale(language) ? language : 'en';
  const cancelled = meeting.status === 'cancelled';
  const calendar = ical({
    prodId: { company: 'Tandem', product: 'Tandem', language: locale.toUpperCase() },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const names = languageNames(locale);
  const when = formatInZones(
    meeting.start,
    [viewerTimeZone, ...new Set(meeting.participants.map((p) => p.timeZone))].filter(
      (z, i, all) => all.indexOf(z) === i,
    ),
    locale,
  );
  const lines = [
    meeting.agenda[language] ?? meeting.agenda[locale] ?? Object.values(meeting.agenda)[0] ?? '',
    '',
    translate(locale, 'meeting.ics.languages', {
      languages: meeting.languages.map((l) => names.of(l) ?? l).join(', '),
    }),
    meeting.interpreter.needed
      ? translate(locale, 'meeting.ics.interpreter', { name: meeting.interpreter.name ?? '—' })
      : translate(locale, 'meeting.ics.noInterpreter'),
    translate(locale, 'meeting.ics.localTimes', {
      times: when.map((w) => `${w.label} (${w.zone})`).join(' · '),
    }),
  ];
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: new Date(),
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary: cancelled
      ? translate(locale, 'meeting.ics.cancelledSummary', { title: meeting.title })
      : meeting.title,
    description: lines.join('\n').trim(),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
    attendees: meeting.participants
      .filter((p) => p.email)
      .map((p) => ({
        name: p.name,
        email: p.email!,
        rsvp: true,
        role: ICalAttendeeRole.REQ,
        status:
          p.key === `user:${meeting.organizer.id}`
            ? ICalAttendeeStatus.ACCEPTED
            : ICalAttendeeStatus.NEEDSACTION,
      })),
  });
  return calendar.toString();
}
