import { z } from 'zod';

/**
 * Every kind of notification Tandem sends: its parameters (what the message needs, stored with
 * the notification and rendered when read, in the reader's language and zone), whether it is
 * urgent (e-mail goes at once instead of waiting for the recipient's working hours), who receives
 * it (team members or creators, for the settings page) and the default channels.
 *
 * Instants are ISO strings in keys ending in `At`: the renderer writes them in the recipient's zone
 * and, when the notification names a market, in the market's zone too. Each kind has the messages
 * `notification.<kind>.title` and `notification.<kind>.body` in both catalogues.
 */
// Long values are clipped, never refused: a notification must not fail the change that caused it.
export const clipText = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max - 1)}…` : value;
const clipped = (max: number) => z.string().transform((value) => clipText(value, max));
const text = clipped(2000);
const name = clipped(300);
const iso = z.string().max(40);
const count = z.number().int();

export const NOTIFICATION_GROUPS = [
  'tasks',
  'brief',
  'creators',
  'meetings',
  'imports',
  'launch',
  'escalations',
  'admin',
] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

interface KindDefinition<S extends z.ZodType = z.ZodType> {
  group: NotificationGroup;
  params: S;
  urgent: boolean;
  audience: 'team' | 'creator';
  /** Default channels; a person's settings override them per kind. */
  email: boolean;
}

const kind = <S extends z.ZodType>(
  group: NotificationGroup,
  params: S,
  options: { urgent?: boolean; audience?: 'team' | 'creator'; email?: boolean } = {},
): KindDefinition<S> => ({
  group,
  params,
  urgent: options.urgent ?? false,
  audience: options.audience ?? 'team',
  email: options.email ?? true,
});

const task = { taskTitle: name, campaignName: name };
const submission = { creatorName: name, campaignName: name, round: count };

export const notificationKinds = {
  'task.assigned': kind('tasks', z.object({ ...task, actorName: name, dueAt: iso.nullable() })),
  'task.due_soon': kind('tasks', z.object({ ...task, dueAt: iso })),
  'task.overdue': kind('tasks', z.object({ ...task, dueAt: iso, ownerName: name, toLead: z.boolean() })),
  'task.commented': kind('tasks', z.object({ ...task, actorName: name, excerpt: text }), { email: false }),
  'task.mentioned': kind('tasks', z.object({ ...task, actorName: name, excerpt: text })),
  'brief.acknowledgement_requested': kind(
    'brief',
    z.object({ campaignName: name, version: count, actorName: name }),
  ),
  'brief.acknowledgement_reminder': kind(
    'brief',
    z.object({ campaignName: name, version: count, publishedAt: iso }),
  ),
  'brief.text_stale': kind(
    'brief',
    z.object({ campaignName: name, section: name, language: name, actorName: name }),
  ),
  'submission.submitted': kind('creators', z.object({ ...submission, feedbackDueAt: iso })),
  'submission.feedback_reminder': kind('creators', z.object({ ...submission, feedbackDueAt: iso })),
  'submission.feedback_overdue': kind(
    'creators',
    z.object({ ...submission, feedbackDueAt: iso, reviewerName: name }),
    { urgent: true },
  ),
  'submission.feedback_given': kind(
    'creators',
    z.object({ campaignName: name, round: count, decision: z.enum(['approved', 'changes_requested']) }),
    { audience: 'creator' },
  ),
  'agreement.sent': kind('creators', z.object({ campaignName: name, version: count }), {
    audience: 'creator',
  }),
  'engagement.unsigned_before_go_live': kind(
    'creators',
    z.object({ creatorName: name, campaignName: name, goLiveAt: iso, days: count }),
  ),
  'engagement.respond_by_passed': kind(
    'creators',
    z.object({ creatorName: name, campaignName: name, respondByAt: iso }),
  ),
  // The invitation e-mail with its .ics goes out from the meetings module: in-app only by default.
  'meeting.invited': kind('meetings', z.object({ meetingTitle: name, startAt: iso, actorName: name }), {
    email: false,
  }),
  // The invitation e-mail with its .ics goes out from the meetings module: in-app only by default.
  'meeting.updated': kind('meetings', z.object({ meetingTitle: name, startAt: iso, actorName: name }), {
    email: false,
  }),
  // The invitation e-mail with its .ics goes out from the meetings module: in-app only by default.
  'meeting.cancelled': kind('meetings', z.object({ meetingTitle: name, startAt: iso, actorName: name }), {
    email: false,
  }),
  'import.completed': kind(
    'imports',
    z.object({ campaignName: name, format: name, rowsImported: count, rowsRejected: count }),
    { email: false },
  ),
  'import.failed': kind('imports', z.object({ campaignName: name, format: name, failure: text })),
  'launch_window.at_risk': kind(
    'launch',
    z.object({ campaignName: name, spreadHours: z.number(), limitHours: z.number() }),
    { urgent: true },
  ),
  'launch.market_late': kind(
    'launch',
    z.object({ campaignName: name, marketName: name, plannedAt: iso, lateMinutes: count }),
    { urgent: true },
  ),
  'launch_window.breached': kind(
    'launch',
    z.object({ campaignName: name, spreadHours: z.number(), limitHours: z.number() }),
    { urgent: true },
  ),
  'escalation.raised': kind(
    'escalations',
    z.object({ campaignName: name, summary: text, actorName: name, dueAt: iso, level: count }),
    { urgent: true },
  ),
  'escalation.handed_over': kind(
    'escalations',
    z.object({ campaignName: name, summary: text, previousName: name, dueAt: iso, level: count }),
    { urgent: true },
  ),
  'escalation.expired': kind(
    'escalations',
    z.object({
      campaignName: name,
      summary: text,
      level: count,
      /** The person it moved to; empty when nobody is left and it expired undecided. */
      nextName: name,
    }),
    { urgent: true },
  ),
  'escalation.decided': kind(
    'escalations',
    z.object({ campaignName: name, summary: text, decision: text, deciderName: name }),
    { urgent: true },
  ),
  'webhook.paused': kind('admin', z.object({ url: clipped(2100), reason: text })),
} satisfies Record<string, KindDefinition>;

type Kinds = typeof notificationKinds;
export type NotificationKind = keyof Kinds;
export type NotificationParams<K extends NotificationKind> = z.input<Kinds[K]['params']>;

export const NOTIFICATION_KINDS = Object.keys(notificationKinds) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value);
}

export function kindDefinition(kind: NotificationKind): KindDefinition {
  return notificationKinds[kind];
}
