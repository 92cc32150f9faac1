import { enqueueMail } from '../../mail/enqueue-mail.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { type MeetingMailKind, meetingMail } from '../../mail/templates/meeting.ts';
import { reactToAudit } from '../audit/reactions.ts';
import { type PresentedMeeting, presentMeetingById } from './schedule-meeting.ts';

async function mailEveryone(
  tx: Parameters<Parameters<typeof reactToAudit>[2]>[0],
  meeting: PresentedMeeting,
  kind: MeetingMailKind,
  people = meeting.participants,
) {
  for (const person of people) {
    if (person.email) await enqueueMail(tx, meetingMail(meeting, person, kind));
  }
}

/**
 * Participants with an address get the invitation by e-mail with the .ics, in the transaction
 * that changes the meeting: created → REQUEST (SEQUENCE 0); an update attendees see (SEQUENCE
 * rose) → REQUEST with the new SEQUENCE, and CANCEL to the people taken off; cancelled → CANCEL.
 * The audit snapshots of create and update are the presented meeting itself.
 */
reactToAudit(
  'meetings.email-invitations',
  ['meeting.created', 'meeting.updated', 'meeting.cancelled'],
  async (tx, event) => {
    if (!mailConfigured()) return;
    if (event.action === 'meeting.created') {
      await mailEveryone(tx, event.after as unknown as PresentedMeeting, 'request');
    } else if (event.action === 'meeting.updated') {
      const before = event.before as unknown as PresentedMeeting;
      const after = event.after as unknown as PresentedMeeting;
      // Notes and decisions do not change the invitation (the SEQUENCE stays): no mail.
      if (after.sequence === before.sequence) return;
      await mailEveryone(tx, after, 'update');
      const staying = new Set(after.participants.map((p) => p.key));
      const removed = before.participants.filter((p) => !staying.has(p.key));
      if (removed.length)
        await mailEveryone(
          tx,
          { ...before, status: 'cancelled', sequence: after.sequence },
          'cancel',
          removed,
        );
    } else {
      const meeting = await presentMeetingById(tx, event.entityId);
      if (meeting) await mailEveryone(tx, meeting, 'cancel');
    }
  },
);
