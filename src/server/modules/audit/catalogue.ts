import { z } from 'zod';

/**
 * Every audit action the server writes, in one place: its entity type and, per payload version,
 * the Zod schemas of `before` and `after` (modelled on Documenso's document-audit-logs.ts and
 * Cal.com's versioned audit schemas). `recordAuditEvent` only accepts the names and payload shapes
 * listed here, and subscribers (`AuditSubscriptions.on`) receive events typed by them.
 *
 * Changing the shape of a payload: add a version (`versions: { 1: …, 2: … }, version: 2`); stored
 * events keep their version (`v` inside the stored JSON), so readers can tell old shapes from new.
 * A new action needs an `audit.action.<name>` label in both en and ru (test/audit-catalogue.test.ts).
 *
 * Entity snapshots are loose objects: the named fields are checked, further fields are kept as they
 * are (an entity gaining a field does not need a new payload version).
 */

/** The action writes nothing on this side. */
const none = z.null();
/** Only the fields that changed: `{ field: value }`. */
const changes = z.record(z.string(), z.unknown());
const snapshot = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);
/** Any JSON object (for shapes declared as interfaces elsewhere, e.g. a market policy). */
const object = z.custom<object>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);
/** An instant as ISO 8601 text (null where the entity may have none). */
const iso = z.string().nullable();
const id = z.string();

const weeklyHours = z.record(z.string(), z.object({ start: z.string(), end: z.string() }).optional());
const userAccess = snapshot({ email: z.string() });
const registered = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  marketCodes: z.array(z.string()),
  inviteId: z.string().nullish(),
});
const taskSnapshot = snapshot({ id, title: z.string() });
const meetingSnapshot = snapshot({ id });
const milestoneSnapshot = snapshot({ id });
const creatorSnapshot = snapshot({ id, name: z.string() });
const campaignSnapshot = snapshot({ id, name: z.string() });
const fxRates = z.object({ baseCurrency: z.string().nullable(), rates: z.record(z.string(), z.unknown()) });
const feedback = snapshot({
  decision: z.string(),
  feedback: z.string(),
  round: z.number(),
  onTime: z.boolean(),
});

/** Who holds an escalation, at which level, until when. */
const escalationHolder = z.object({ deciderId: id, level: z.number(), dueAt: z.string() });

interface PayloadSchemas {
  before: z.ZodType;
  after: z.ZodType;
}

interface ActionDefinition<E extends string = string> {
  entityType: E;
  /** The version new events are written with. */
  version: number;
  versions: Record<number, PayloadSchemas>;
}

/** One version of payloads, `before`/`after` default to "nothing". */
function v1<E extends string, B extends z.ZodType = typeof none, A extends z.ZodType = typeof none>(
  entityType: E,
  payload: { before?: B; after?: A },
) {
  return {
    entityType,
    version: 1 as const,
    versions: { 1: { before: (payload.before ?? none) as B, after: (payload.after ?? none) as A } },
  } satisfies ActionDefinition<E>;
}

export const auditCatalogue = {
  // Accounts
  'user.setup_owner': v1('user', { after: registered }),
  'user.registered': v1('user', { after: registered }),
  'user.profile_updated': v1('user', { before: changes, after: changes }),
  'user.password_changed': v1('user', { after: z.object({ otherSessionsEnded: z.number() }) }),
  'user.password_reset_issued': v1('user', { after: z.object({ email: z.string(), expiresAt: iso }) }),
  'user.password_reset_requested': v1('user', { after: z.object({ expiresAt: iso }) }),
  'user.password_reset': v1('user', {
    after: z.object({ resetId: id, issuedBy: id.nullable(), sessionsEnded: z.number() }),
  }),
  'user.access_changed': v1('user', { before: userAccess, after: userAccess }),
  'user.deactivated': v1('user', { before: userAccess, after: userAccess }),
  'user.reactivated': v1('user', { before: userAccess, after: userAccess }),
  'user.working_hours_set': v1('user', { before: weeklyHours, after: weeklyHours }),
  'session.started': v1('user', {}),
  'session.ended': v1('user', {}),
  'invite.created': v1('invite', {
    after: z.object({
      email: z.string().nullable(),
      role: z.string(),
      marketCodes: z.array(z.string()),
      expiresAt: iso,
    }),
  }),
  'invite.revoked': v1('invite', { before: snapshot({ id, role: z.string() }) }),
  'api_token.created': v1('api_token', { after: z.object({ name: z.string() }) }),
  'api_token.revoked': v1('api_token', { before: snapshot({ name: z.string() }) }),
  'calendar_feed.rotated': v1('user', {}),
  // Campaigns and brief
  'campaign.created': v1('campaign', { after: campaignSnapshot }),
  'campaign.updated': v1('campaign', { before: campaignSnapshot, after: campaignSnapshot }),
  'fx_rates.updated': v1('campaign', { before: fxRates, after: fxRates }),
  'brief.data_edited': v1('brief_section', { before: object.nullable(), after: object }),
  'brief.text_edited': v1('brief_section', {
    before: z.object({ text: z.string(), revision: z.number() }).nullable(),
    after: snapshot({ text: z.string(), revision: z.number() }),
  }),
  'brief.translation_confirmed': v1('brief_section', {
    before: z.object({ staleAgainst: z.array(z.unknown()) }),
    after: z.object({ staleAgainst: z.array(z.unknown()) }),
  }),
  'brief.version_published': v1('brief_version', {
    after: z.object({ version: z.number(), note: z.string().nullable(), staleTexts: z.number() }),
  }),
  'brief.version_acknowledged': v1('brief_version', {
    after: z.object({ version: z.number(), note: z.string().nullable() }),
  }),
  'brief.acknowledgement_requested': v1('user', { after: z.object({ userId: id, name: z.string() }) }),
  'brief.acknowledgement_request_withdrawn': v1('user', {
    before: z.object({ active: z.boolean() }),
    after: z.object({ active: z.boolean() }),
  }),
  // Timeline and tasks
  'milestone.created': v1('milestone', { after: milestoneSnapshot }),
  'milestone.updated': v1('milestone', { before: milestoneSnapshot, after: milestoneSnapshot }),
  'milestone.deleted': v1('milestone', { before: milestoneSnapshot }),
  'task.created': v1('task', { after: taskSnapshot }),
  'task.updated': v1('task', { before: changes, after: changes }),
  'task.status_changed': v1('task', { before: changes, after: changes }),
  'task.deleted': v1('task', { before: taskSnapshot }),
  'task.commented': v1('task', { after: z.object({ body: z.string() }) }),
  'task.watcher_added': v1('task', { after: z.object({ userId: id }) }),
  'task.watcher_removed': v1('task', { after: z.object({ userId: id }) }),
  // Meetings
  'external_participant.created': v1('external_participant', { after: snapshot({ id, name: z.string() }) }),
  'meeting.created': v1('meeting', { after: meetingSnapshot }),
  'meeting.updated': v1('meeting', { before: meetingSnapshot, after: meetingSnapshot }),
  'meeting.cancelled': v1('meeting', {
    before: z.object({ status: z.string(), sequence: z.number() }),
    after: z.object({ status: z.literal('cancelled'), sequence: z.number() }),
  }),
  'meeting.decision_recorded': v1('meeting', { after: z.object({ decisionId: id, text: z.string() }) }),
  'meeting.decision_to_task': v1('meeting', { after: z.object({ decisionId: id, taskId: id }) }),
  // Creators
  'creator.created': v1('creator', { after: creatorSnapshot }),
  'creator.updated': v1('creator', { before: creatorSnapshot, after: creatorSnapshot }),
  'engagement.created': v1('engagement', {
    after: snapshot({ id, creator: z.object({ id, name: z.string() }) }),
  }),
  'engagement.updated': v1('engagement', { before: changes, after: changes }),
  // v1: `reason` was free text, including English sentences the server wrote ("agreement v1 sent").
  // v2: what the server writes is a coded `note` ({ code: 'agreement_sent', version: 1 }) readers
  // render in their language; `reason` is only what a person typed (a status reason, feedback).
  'engagement.status_changed': {
    entityType: 'engagement',
    version: 2 as const,
    versions: {
      1: {
        before: z.object({ status: z.string() }),
        after: z.object({ status: z.string(), reason: z.string().nullish() }),
      },
      2: {
        before: z.object({ status: z.string() }),
        after: z.object({
          status: z.string(),
          reason: z.string().nullish(),
          note: z
            .object({ code: z.string() })
            .catchall(z.union([z.string(), z.number()]))
            .nullish(),
        }),
      },
    },
  },
  'engagement.gate_overridden': v1('engagement', {
    after: z.object({ status: z.string(), reason: z.string(), at: z.string() }),
  }),
  'engagement.post_recorded': v1('engagement', {
    before: z.object({ postUrl: z.string(), postedAt: iso }).nullable(),
    after: z.object({ postUrl: z.string().nullable(), postedAt: iso, source: z.string().nullable() }),
  }),
  'agreement.generated': v1('agreement', {
    after: snapshot({ engagementId: id, version: z.number(), language: z.string() }),
  }),
  'agreement.sent': v1('agreement', {}),
  'agreement.signed': v1('agreement', { after: snapshot({ method: z.string(), signedAt: iso }) }),
  'submission.created': v1('submission', { after: snapshot({ id }) }),
  'submission.feedback': v1('submission', { before: z.object({ decision: z.null() }), after: feedback }),
  'submission.feedback_with_override': v1('submission', {
    before: z.object({ decision: z.null() }),
    after: feedback,
  }),
  'market_policy.updated': v1('market_policy', { before: object, after: object }),
  'policy_default.updated': v1('policy_default', { before: object.nullable(), after: object }),
  // Measurement
  'metrics.entered': v1('post_metrics', { after: snapshot({ engagementId: id }) }),
  'import.started': v1('import', {
    after: z.object({ format: z.string(), fileName: z.string().nullable() }),
  }),
  'import.completed': v1('import', {
    after: z.object({
      format: z.string(),
      rowsRead: z.number(),
      rowsImported: z.number(),
      rowsRejected: z.number(),
    }),
  }),
  'import.failed': v1('import', { after: z.object({ failure: z.string() }) }),
  'import.undone': v1('import', {
    before: z.object({ status: z.string(), rowsImported: z.number() }),
    after: z.object({ status: z.literal('undone'), ordersRemoved: z.number(), metricsRemoved: z.number() }),
  }),
  // Escalations (src/server/modules/escalations)
  'escalation.raised': v1('escalation', {
    after: escalationHolder.extend({ ruleId: z.string(), summary: z.string() }),
  }),
  'escalation.handed_over': v1('escalation', { before: escalationHolder, after: escalationHolder }),
  'escalation.expired': v1('escalation', {
    before: escalationHolder.extend({ status: z.string() }),
    after: z.object({ status: z.literal('expired') }),
  }),
  'escalation.decided': v1('escalation', {
    before: escalationHolder.extend({ status: z.string() }),
    after: z.object({ status: z.literal('decided'), decision: z.string(), note: z.string().nullable() }),
  }),
  // Webhooks (src/server/modules/webhooks); never the secret
  'webhook.created': v1('webhook', {
    after: z.object({ url: z.string(), events: z.array(z.string()), description: z.string() }),
  }),
  'webhook.updated': v1('webhook', { before: changes, after: changes }),
  'webhook.deleted': v1('webhook', { before: snapshot({ url: z.string(), events: z.array(z.string()) }) }),
  'webhook.paused': v1('webhook', {
    before: z.object({ status: z.string() }),
    after: z.object({ status: z.literal('paused'), reason: z.string(), consecutiveFailures: z.number() }),
  }),
  'webhook.resumed': v1('webhook', {
    before: z.object({ status: z.string(), consecutiveFailures: z.number() }),
    after: z.object({ status: z.literal('active'), requeued: z.number() }),
  }),
  'webhook.tested': v1('webhook', { after: z.object({ deliveryId: id }) }),
  'webhook.redelivered': v1('webhook', {
    before: z.object({ deliveryId: id, status: z.string(), attempts: z.number() }),
    after: z.object({ deliveryId: id, status: z.literal('pending') }),
  }),
  // Background jobs (src/server/jobs)
  'sessions.purged': v1('job', {
    after: z.object({ expiredSessions: z.number(), loginFailures: z.number() }),
  }),
  'job.retried': v1('job', {
    before: z.object({
      name: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
    }),
    after: z.object({ status: z.literal('pending') }),
  }),
  // Notifications (src/server/modules/notifications)
  'notifications.read': v1('user', { after: z.object({ count: z.number(), all: z.boolean() }) }),
  'notification_settings.updated': v1('user', {
    before: z.object({ kinds: z.record(z.string(), z.unknown()), digest: z.string() }),
    after: z.object({ kinds: z.record(z.string(), z.unknown()), digest: z.string() }),
  }),
  // E-mail (src/server/mail): an admin checks the SMTP settings
  'mail.test_sent': v1('user', { after: z.object({ to: z.string(), host: z.string() }) }),
} satisfies Record<string, ActionDefinition>;

type Catalogue = typeof auditCatalogue;

/** The name of every audit action the server writes. */
export type AuditAction = keyof Catalogue;

export const AUDIT_ACTIONS = Object.keys(auditCatalogue) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(auditCatalogue, action);
}

// The schemas of an action's current version (the `extends infer` keeps this indexable once some
// action has more than one version).
type Current<A extends AuditAction> = Catalogue[A]['versions'][Catalogue[A]['version'] &
  keyof Catalogue[A]['versions']] extends infer P extends PayloadSchemas
  ? P
  : never;

/** What a caller passes for action A (the current payload version). */
export interface AuditPayloadInput<A extends AuditAction> {
  before: z.input<Current<A>['before']>;
  after: z.input<Current<A>['after']>;
}

/** The payload of action A as stored and as subscribers receive it (the current version). */
export interface AuditPayload<A extends AuditAction> {
  before: z.output<Current<A>['before']>;
  after: z.output<Current<A>['after']>;
}

export type AuditEntityType<A extends AuditAction> = Catalogue[A]['entityType'];

/** The payload version new events of this action are written with. */
export function currentVersion(action: AuditAction): number {
  return auditCatalogue[action].version;
}

/** The schemas of one stored version of an action's payload, if the catalogue knows it. */
export function payloadSchemas(action: AuditAction, version: number): PayloadSchemas | undefined {
  const versions: Record<number, PayloadSchemas> = auditCatalogue[action].versions;
  return versions[version];
}
