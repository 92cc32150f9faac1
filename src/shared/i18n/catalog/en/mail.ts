// Strings of outgoing e-mail (src/server/mail) and of the screens that configure or trigger it
// (mail.admin.* on the Team page, mail.forgot.* on the sign-in page). Keys mirror ../ru/mail.ts.

export const enMail = {
  'error.mail_not_configured': 'E-mail is off on this server: set SMTP_URL first.',
  'mail.greeting': 'Hello {name},',
  'mail.linkFallback': 'If the button does not work, copy this address into your browser:',
  'mail.footer.settings': 'Choose which e-mail Tandem sends you: {url}',
  'mail.footer.settingsLink': 'Choose which e-mail Tandem sends you',
  'mail.footer.sentBy': 'Sent by Tandem.',
  'mail.when.both': '{recipient} (your time) · {other}',

  'mail.invite.subject': '{inviter} invited you to Tandem',
  'mail.invite.heading': 'Join {inviter} in Tandem',
  'mail.invite.body':
    '{inviter} invited you to work together in Tandem, the shared workspace for a campaign across markets. Accept the invitation to create your account.',
  'mail.invite.role': 'Role',
  'mail.invite.campaign': 'Campaign',
  'mail.invite.markets': 'Markets',
  'mail.invite.invitedBy': 'Invited by',
  'mail.invite.expires': 'Valid until',
  'mail.invite.action': 'Accept the invitation',
  'mail.invite.reason':
    'You got this because {inviter} invited {email}. If you did not expect it, ignore it: nothing happens unless you accept.',

  'mail.reset.subject': 'Reset your Tandem password',
  'mail.reset.heading': 'Choose a new password',
  'mail.reset.body':
    'Someone, hopefully you, asked to reset the password of your Tandem account. The link works once and is valid until {until}.',
  'mail.reset.action': 'Choose a new password',
  'mail.reset.reason':
    'You got this because a password reset was asked for {email}. If it was not you, ignore this message: your password stays as it is.',

  'mail.meeting.subject.request': 'Invitation: {title} · {when}',
  'mail.meeting.subject.update': 'Updated invitation: {title} · {when}',
  'mail.meeting.subject.cancel': 'Cancelled: {title} · {when}',
  'mail.meeting.heading.request': '{organizer} invites you to “{title}”',
  'mail.meeting.heading.update': '{organizer} changed “{title}”',
  'mail.meeting.heading.cancel': '{organizer} cancelled “{title}”',
  'mail.meeting.when': 'When',
  'mail.meeting.organizerTime': 'Organiser’s time',
  'mail.meeting.duration': 'Duration',
  'mail.meeting.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'mail.meeting.languages': 'Languages',
  'mail.meeting.interpreter': 'Interpreter',
  'mail.meeting.noInterpreter': 'none',
  'mail.meeting.participants': 'Participants',
  'mail.meeting.calendarHint':
    'The invitation is attached (invite.ics): open it to add the meeting to your calendar and to answer.',
  'mail.meeting.cancelHint': 'Open the attachment (invite.ics) to remove the meeting from your calendar.',
  'mail.meeting.action': 'Open the meeting in Tandem',
  'mail.meeting.reason': 'You got this because you are a participant of this meeting in Tandem.',

  'mail.notification.action': 'Open in Tandem',
  'mail.notification.reason': 'You got this because of your notification settings in Tandem.',
  'mail.digest.subject': 'Tandem: {count, plural, one {# update} other {# updates}} since your last digest',
  'mail.digest.heading': 'What happened since your last digest',
  'mail.digest.action': 'Open your notifications',
  'mail.digest.reason': 'You got this because you asked for a daily digest instead of separate e-mails.',

  'mail.test.subject': 'Tandem test e-mail',
  'mail.test.heading': 'E-mail from Tandem works',
  'mail.test.body':
    'This message went through {host} from {from}. People will get invitations and notifications this way.',
  'mail.test.reason': 'You got this because you asked for a test e-mail on the Team page.',

  'mail.admin.offTitle': 'E-mail is off',
  'mail.admin.offText':
    'Set SMTP_URL (and MAIL_FROM) on the server to send invitations, password resets, meeting invitations and notifications by e-mail. Until then people are notified in the app only.',
  'mail.admin.onTitle': 'E-mail',
  'mail.admin.onText': 'E-mail goes out through {host} from {from}.',
  'mail.admin.test': 'Send a test e-mail to me',
  'mail.admin.testSent': 'Test e-mail queued for {email}.',
} as const;
