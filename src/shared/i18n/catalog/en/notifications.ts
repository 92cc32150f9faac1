// Notification messages (server-rendered in the recipient's language). Keys mirror ../ru/notifications.ts.
// Instants arrive formatted in the recipient's zone (and the market's): "5 Mar 14:00 EST / 22:00 MSK".
export const enNotifications = {
  'notification.group.tasks': 'Tasks',
  'notification.group.brief': 'Brief',
  'notification.group.creators': 'Creators',
  'notification.group.meetings': 'Meetings',
  'notification.group.imports': 'Imports',
  'notification.group.launch': 'Launch',
  'notification.group.escalations': 'Escalations',
  'notification.group.admin': 'Administration',
  'notification.noDue': 'no due time',

  'notification.task.assigned.label': 'A task is assigned to you',
  'notification.task.assigned.title': '{actorName} assigned you “{taskTitle}”',
  'notification.task.assigned.body':
    '{campaignName}. {hasDue, select, yes {Due {dueAt}.} other {No due time yet.}}',
  'notification.task.due_soon.label': 'Your task is due within 24 hours',
  'notification.task.due_soon.title': '“{taskTitle}” is due {dueAt}',
  'notification.task.due_soon.body': '{campaignName}. Finish it or move the due time so both teams know.',
  'notification.task.overdue.label': 'A task is overdue',
  'notification.task.overdue.title':
    '{toLead, select, true {{ownerName}’s task “{taskTitle}” is overdue} other {“{taskTitle}” is overdue}}',
  'notification.task.overdue.body': '{campaignName}. It was due {dueAt}.',
  'notification.task.commented.label': 'A comment on a task you watch',
  'notification.task.commented.title': '{actorName} commented on “{taskTitle}”',
  'notification.task.commented.body': '{excerpt}',
  'notification.task.mentioned.label': 'Someone mentions you',
  'notification.task.mentioned.title': '{actorName} mentioned you on “{taskTitle}”',
  'notification.task.mentioned.body': '{excerpt}',

  'notification.brief.acknowledgement_requested.label': 'Your acknowledgement of a brief is asked',
  'notification.brief.acknowledgement_requested.title':
    'Brief version {version} of {campaignName} needs your acknowledgement',
  'notification.brief.acknowledgement_requested.body':
    '{actorName} published it. Read it and acknowledge it for your market.',
  'notification.brief.acknowledgement_reminder.label':
    'Reminder: a brief still waits for your acknowledgement',
  'notification.brief.acknowledgement_reminder.title':
    'Still waiting: brief version {version} of {campaignName}',
  'notification.brief.acknowledgement_reminder.body':
    'Published {publishedAt} and not acknowledged by you yet.',
  'notification.brief.text_stale.label': 'A text you wrote became out of date',
  'notification.brief.text_stale.title': 'Your {language} text of “{section}” is out of date',
  'notification.brief.text_stale.body':
    '{actorName} changed its twin in {campaignName}. Check the translation.',

  'notification.submission.submitted.label': 'A creator submitted a draft',
  'notification.submission.submitted.title': '{creatorName} submitted draft round {round}',
  'notification.submission.submitted.body':
    '{campaignName}. Feedback is due {feedbackDueAt} by the market’s policy.',
  'notification.submission.feedback_reminder.label': 'Reminder: feedback on a draft is due soon',
  'notification.submission.feedback_reminder.title':
    'Feedback for {creatorName} (round {round}) is due {feedbackDueAt}',
  'notification.submission.feedback_reminder.body':
    '{campaignName}. Three quarters of the agreed turnaround have passed.',
  'notification.submission.feedback_overdue.label': 'Feedback on a draft is overdue',
  'notification.submission.feedback_overdue.title': 'Feedback for {creatorName} (round {round}) is overdue',
  'notification.submission.feedback_overdue.body':
    '{campaignName}. It was due {feedbackDueAt}; {reviewerName, select, none {nobody has answered} other {{reviewerName} has not answered}}.',
  'notification.submission.feedback_given.label': 'The team answered your draft',
  'notification.submission.feedback_given.title':
    '{decision, select, approved {Your draft (round {round}) is approved} other {Changes requested on your draft (round {round})}}',
  'notification.submission.feedback_given.body': '{campaignName}. Open it to read the feedback.',
  'notification.agreement.sent.label': 'An agreement is sent to you',
  'notification.agreement.sent.title': 'Your agreement for {campaignName} is ready to sign',
  'notification.agreement.sent.body': 'Version {version}. Read it and sign it in the portal.',
  'notification.engagement.unsigned_before_go_live.label':
    'A “maybe” creator is still unsigned before go-live',
  'notification.engagement.unsigned_before_go_live.title':
    '{creatorName} has not signed, go-live in {days, plural, one {# day} other {# days}}',
  'notification.engagement.unsigned_before_go_live.body':
    '{campaignName}. Go-live {goLiveAt}. A “yes” is a maybe until it is signed.',

  'notification.engagement.respond_by_passed.label': 'A creator has not answered an offer in time',
  'notification.engagement.respond_by_passed.title': '{creatorName} has not answered by {respondByAt}',
  'notification.engagement.respond_by_passed.body':
    '{campaignName}. The offer is still unsigned past its respond-by date: chase it or plan without them.',
  'notification.meeting.invited.label': 'A meeting invitation',
  'notification.meeting.invited.title': 'Invitation: {meetingTitle}',
  'notification.meeting.invited.body': '{actorName} invited you. Starts {startAt}.',
  'notification.meeting.updated.label': 'A meeting changed',
  'notification.meeting.updated.title': 'Updated: {meetingTitle}',
  'notification.meeting.updated.body': '{actorName} changed it. Now starts {startAt}.',
  'notification.meeting.cancelled.label': 'A meeting was cancelled',
  'notification.meeting.cancelled.title': 'Cancelled: {meetingTitle}',
  'notification.meeting.cancelled.body': '{actorName} cancelled the meeting of {startAt}.',

  'notification.import.completed.label': 'An import finished',
  'notification.import.completed.title':
    'Import finished: {rowsImported, plural, one {# row} other {# rows}} imported',
  'notification.import.completed.body':
    '{campaignName}, {format}. {rowsRejected, plural, =0 {No row was rejected.} one {# row was rejected.} other {# rows were rejected.}}',
  'notification.import.failed.label': 'An import failed',
  'notification.import.failed.title': 'Import failed: {format}',
  'notification.import.failed.body': '{campaignName}. {failure}',

  'notification.launch_window.at_risk.label': 'The launch window is at risk',
  'notification.launch_window.at_risk.title': 'Launch window at risk in {campaignName}',
  'notification.launch_window.at_risk.body':
    'The markets’ go-lives are {spreadHours, plural, one {# hour} other {# hours}} apart; the limit is {limitHours, plural, one {# hour} other {# hours}}.',
  'notification.launch.market_late.label': 'A market is not live by its planned go-live',
  'notification.launch.market_late.title': '{marketName} is not live yet',
  'notification.launch.market_late.body':
    '{campaignName}. Planned go-live {plannedAt}; {lateMinutes, plural, one {# minute} other {# minutes}} later nothing has gone live.',
  'notification.launch_window.breached.label': 'The launch window is breached',
  'notification.launch_window.breached.title': 'Launch window breached in {campaignName}',
  'notification.launch_window.breached.body':
    'The markets went live {spreadHours, plural, one {# hour} other {# hours}} apart; the limit is {limitHours, plural, one {# hour} other {# hours}}.',

  'notification.escalation.raised.label': 'An escalation waits for your decision',
  'notification.escalation.raised.title': 'Decide by {dueAt}: {summary}',
  'notification.escalation.raised.body': '{actorName} escalated this in {campaignName} (level {level}).',
  'notification.escalation.handed_over.label': 'An undecided escalation is handed to you',
  'notification.escalation.handed_over.title': 'Handed to you, decide by {dueAt}: {summary}',
  'notification.escalation.handed_over.body':
    '{previousName} did not decide in time. {campaignName}, level {level}.',
  'notification.escalation.expired.label': 'An escalation you raised ran out of time',
  'notification.escalation.expired.title':
    '{nextName, select, none {Nobody decided in time: {summary}} other {Moved to {nextName}: {summary}}}',
  'notification.escalation.expired.body': '{campaignName}. The clock of level {level} ran out undecided.',
  'notification.escalation.decided.label': 'An escalation you raised is decided',
  'notification.escalation.decided.title': '{deciderName} decided: {summary}',
  'notification.escalation.decided.body': '{decision}',

  'notification.webhook.paused.label': 'A webhook was paused',
  'notification.webhook.paused.title': 'Webhook paused: {url}',
  'notification.webhook.paused.body': '{reason}',
} as const;
