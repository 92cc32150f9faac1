import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { isLocale, type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { reactToAudit } from '../audit/reactions.ts';
import { users } from '../auth/tables.ts';
import { requiredAcknowledgers } from '../briefs/acknowledge-version.ts';
import { briefTexts, briefVersions } from '../briefs/tables.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { campaigns, markets } from '../campaigns/tables.ts';
import { agreements, creators, engagements, submissions } from '../creators/tables.ts';
import { meetingParticipants, meetings } from '../meetings/tables.ts';
import { importFailureMessage } from '../metrics/run-import.ts';
import { imports } from '../metrics/tables.ts';
import { tasks, taskWatchers } from '../tasks/tables.ts';
import { launchWindow } from '../timeline/launch-window.ts';
import { milestones } from '../timeline/tables.ts';
import { clipText } from './kinds.ts';
import { notify, notifyEach } from './notify.ts';

/**
 * The event-driven notifications: each reacts to an audit event inside the transaction that
 * records it, so a notification exists exactly when the change committed. Reminders and sweeps
 * (due soon, overdue, feedback reminders) are jobs elsewhere; escalations notify from their module.
 */

const nameOf = (actor: { name: string } | null) => actor?.name ?? '';

async function campaignName(tx: DbOrTx, campaignId: string): Promise<string> {
  const [row] = await tx.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, campaignId));
  return row?.name ?? '';
}

/** Active market leads of any of the codes. */
async function leadsOf(tx: DbOrTx, marketCodes: string[]): Promise<string[]> {
  if (marketCodes.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, marketCodes: users.marketCodes })
    .from(users)
    .where(and(eq(users.role, 'market_lead'), isNull(users.deactivatedAt)));
  return rows.filter((u) => u.marketCodes.some((code) => marketCodes.includes(code))).map((u) => u.id);
}

// ---------------------------------------------------------------------------------------------
// Tasks

reactToAudit(
  'notifications.task-assigned',
  ['task.created', 'task.updated', 'task.status_changed'],
  async (tx, event) => {
    const after = event.after as Record<string, unknown> | null;
    const ownerId = after?.ownerId;
    // Nobody is told of what they did themselves (notify() would drop it after this query).
    if (typeof ownerId !== 'string' || ownerId === event.actor?.id) return;
    const [task] = await tx
      .select({
        title: tasks.title,
        campaignId: tasks.campaignId,
        marketCode: tasks.marketCode,
        dueAt: tasks.dueAt,
        campaignName: campaigns.name,
      })
      .from(tasks)
      .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
      .where(eq(tasks.id, event.entityId));
    if (!task) return;
    await notify(tx, {
      userId: ownerId,
      kind: 'task.assigned',
      params: {
        taskTitle: task.title,
        campaignName: task.campaignName,
        actorName: nameOf(event.actor),
        dueAt: task.dueAt?.toISOString() ?? null,
      },
      link: `/campaigns/${task.campaignId}/tasks/${event.entityId}`,
      campaignId: task.campaignId,
      marketCode: task.marketCode,
      entityType: 'task',
      entityId: event.entityId,
      actorId: event.actor?.id ?? null,
    });
  },
);

const MENTION_START = /(?<![\p{L}\p{N}_.+-])@/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The people a comment mentions: `@email` or `@Full Name` (case-insensitive) of an active team
 * member; every team member sees every campaign. Where two names start at the same `@` ("@Anna"
 * and "@Anna Lee"), the longer one wins.
 */
export async function mentionedIn(tx: DbOrTx, body: string): Promise<string[]> {
  if (!MENTION_START.test(body)) return [];
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(ne(users.role, 'creator'), isNull(users.deactivatedAt)));
  const longest = new Map<number, { id: string; length: number }>();
  for (const person of people) {
    for (const handle of [person.email, person.name.trim()]) {
      if (!handle) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.+-])@${escapeRegExp(handle)}(?![\\p{L}\\p{N}_])`, 'giu');
      for (const match of body.matchAll(pattern)) {
        const seen = longest.get(match.index);
        if (!seen || seen.length < match[0].length)
          longest.set(match.index, { id: person.id, length: match[0].length });
      }
    }
  }
  return [...new Set([...longest.values()].map((m) => m.id))];
}

reactToAudit('notifications.task-commented', ['task.commented'], async (tx, event) => {
  const body = event.after?.body ?? '';
  const [task] = await tx
    .select({
      title: tasks.title,
      ownerId: tasks.ownerId,
      campaignId: tasks.campaignId,
      marketCode: tasks.marketCode,
      campaignName: campaigns.name,
    })
    .from(tasks)
    .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
    .where(eq(tasks.id, event.entityId));
  if (!task) return;
  const watchers = await tx
    .select({ userId: taskWatchers.userId })
    .from(taskWatchers)
    .where(eq(taskWatchers.taskId, event.entityId));
  const mentioned = await mentionedIn(tx, body);
  const base = {
    link: `/campaigns/${task.campaignId}/tasks/${event.entityId}`,
    campaignId: task.campaignId,
    marketCode: task.marketCode,
    entityType: 'task',
    entityId: event.entityId,
    actorId: event.actor?.id ?? null,
  };
  const params = {
    taskTitle: task.title,
    campaignName: task.campaignName,
    actorName: nameOf(event.actor),
    excerpt: clipText(body, 500),
  };
  // A mention replaces the plain comment notice: nobody is told twice about one comment.
  await notifyEach(tx, mentioned, { ...base, kind: 'task.mentioned', params });
  const others = [task.ownerId, ...watchers.map((w) => w.userId)].filter((id) => !mentioned.includes(id));
  await notifyEach(tx, others, { ...base, kind: 'task.commented', params });
});

// ---------------------------------------------------------------------------------------------
// Brief

async function askToAcknowledge(
  tx: DbOrTx,
  campaignId: string,
  version: number,
  recipients: string[],
  actorId: string | null,
) {
  const [published] = await tx
    .select({ publisherName: users.name })
    .from(briefVersions)
    .innerJoin(users, eq(users.id, briefVersions.publishedBy))
    .where(and(eq(briefVersions.campaignId, campaignId), eq(briefVersions.number, version)));
  await notifyEach(tx, recipients, {
    kind: 'brief.acknowledgement_requested',
    params: {
      campaignName: await campaignName(tx, campaignId),
      version,
      actorName: published?.publisherName ?? '',
    },
    link: `/campaigns/${campaignId}/brief/versions/${version}`,
    campaignId,
    entityType: 'brief_version',
    entityId: `${campaignId}:${version}`,
    // Asked again for the same version (a lead who is also asked by name): told once.
    dedupeKey: `brief.ack:${campaignId}:${version}`,
    actorId,
  });
}

reactToAudit(
  'notifications.brief-acknowledgement',
  ['brief.version_published', 'brief.acknowledgement_requested'],
  async (tx, event) => {
    const campaignId = event.campaignId;
    if (!campaignId) return;
    if (event.action === 'brief.version_published') {
      const campaign = await findCampaign(tx, campaignId);
      const people = await requiredAcknowledgers(tx, campaign);
      const version = event.after?.version;
      if (typeof version !== 'number') return;
      await askToAcknowledge(
        tx,
        campaignId,
        version,
        people.map((p) => p.user.id),
        event.actor?.id ?? null,
      );
      return;
    }
    // Asked before anything is published: the publication will ask them.
    const [latest] = await tx
      .select({ version: sql<number>`max(${briefVersions.number})` })
      .from(briefVersions)
      .where(eq(briefVersions.campaignId, campaignId));
    const userId = event.after?.userId;
    if (!latest?.version || !userId) return;
    await askToAcknowledge(tx, campaignId, Number(latest.version), [userId], event.actor?.id ?? null);
  },
);

function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

reactToAudit('notifications.brief-text-stale', ['brief.text_edited'], async (tx, event) => {
  const [campaignId, sectionKey, language] = event.entityId.split(':');
  if (!campaignId || !sectionKey || !language || !event.after) return;
  const twinsInStep = Array.isArray(event.after.twinsInStep) ? (event.after.twinsInStep as string[]) : [];
  const previousRevision = event.before?.revision ?? 0;
  const twins = await tx
    .select({
      language: briefTexts.language,
      revision: briefTexts.revision,
      basedOn: briefTexts.basedOn,
      authorId: users.id,
      locale: users.locale,
    })
    .from(briefTexts)
    .innerJoin(users, eq(users.id, briefTexts.updatedBy))
    .where(
      and(
        eq(briefTexts.campaignId, campaignId),
        sql`${briefTexts.sectionKey} = ${sectionKey}`,
        ne(briefTexts.language, language),
      ),
    );
  const name = await campaignName(tx, campaignId);
  for (const twin of twins) {
    if (twin.revision === 0 || twinsInStep.includes(twin.language)) continue;
    // A twin already behind the previous text was stale before this edit: its author was told then.
    const basedOn = (twin.basedOn ?? {}) as Record<string, number>;
    if ((basedOn[language] ?? 0) < previousRevision) continue;
    const locale: Locale = isLocale(twin.locale) ? twin.locale : 'en';
    await notify(tx, {
      userId: twin.authorId,
      kind: 'brief.text_stale',
      params: {
        campaignName: name,
        section: translate(locale, `brief.section.${sectionKey}` as MessageKey),
        language: languageName(twin.language, locale),
        actorName: nameOf(event.actor),
      },
      link: `/campaigns/${campaignId}/brief`,
      campaignId,
      entityType: 'brief_section',
      entityId: `${campaignId}:${sectionKey}:${twin.language}`,
      actorId: event.actor?.id ?? null,
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Creators: drafts, feedback, agreements

async function engagementOf(tx: DbOrTx, engagementId: string) {
  const [row] = await tx
    .select({
      campaignId: engagements.campaignId,
      campaignName: campaigns.name,
      creatorName: creators.name,
      creatorUserId: creators.userId,
      marketCode: creators.marketCode,
    })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .innerJoin(campaigns, eq(campaigns.id, engagements.campaignId))
    .where(eq(engagements.id, engagementId));
  return row;
}

/**
 * Who answers a draft: the leads of the creator's market or, for a market without one, the
 * campaign's creator and the admins (as the feedback reminders do).
 */
async function reviewersOf(tx: DbOrTx, marketCode: string, campaignId: string): Promise<string[]> {
  const leads = await leadsOf(tx, [marketCode]);
  if (leads.length > 0) return leads;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(or(eq(users.role, 'owner'), eq(users.role, 'admin')), isNull(users.deactivatedAt)));
  const [campaign] = await tx
    .select({ createdBy: campaigns.createdBy })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return [...(campaign ? [campaign.createdBy] : []), ...admins.map((a) => a.id)];
}

reactToAudit('notifications.submission-submitted', ['submission.created'], async (tx, event) => {
  const [submission] = await tx
    .select({
      engagementId: submissions.engagementId,
      round: submissions.round,
      feedbackDueAt: submissions.feedbackDueAt,
    })
    .from(submissions)
    .where(eq(submissions.id, event.entityId));
  if (!submission) return;
  const engagement = await engagementOf(tx, submission.engagementId);
  if (!engagement) return;
  await notifyEach(tx, await reviewersOf(tx, engagement.marketCode, engagement.campaignId), {
    kind: 'submission.submitted',
    params: {
      creatorName: engagement.creatorName,
      campaignName: engagement.campaignName,
      round: submission.round,
      feedbackDueAt: submission.feedbackDueAt.toISOString(),
    },
    link: `/campaigns/${engagement.campaignId}/creators/${submission.engagementId}`,
    campaignId: engagement.campaignId,
    marketCode: engagement.marketCode,
    entityType: 'submission',
    entityId: event.entityId,
    actorId: event.actor?.id ?? null,
  });
});

reactToAudit(
  'notifications.submission-feedback',
  ['submission.feedback', 'submission.feedback_with_override'],
  async (tx, event) => {
    const decision = event.after?.decision;
    if (decision !== 'approved' && decision !== 'changes_requested') return;
    const [submission] = await tx
      .select({ engagementId: submissions.engagementId, round: submissions.round })
      .from(submissions)
      .where(eq(submissions.id, event.entityId));
    if (!submission) return;
    const engagement = await engagementOf(tx, submission.engagementId);
    if (!engagement?.creatorUserId) return;
    await notify(tx, {
      userId: engagement.creatorUserId,
      kind: 'submission.feedback_given',
      params: { campaignName: engagement.campaignName, round: submission.round, decision },
      link: `/portal/${submission.engagementId}`,
      campaignId: engagement.campaignId,
      marketCode: engagement.marketCode,
      entityType: 'submission',
      entityId: event.entityId,
      actorId: event.actor?.id ?? null,
    });
  },
);

reactToAudit('notifications.agreement-sent', ['agreement.sent'], async (tx, event) => {
  const [agreement] = await tx
    .select({ engagementId: agreements.engagementId, version: agreements.version })
    .from(agreements)
    .where(eq(agreements.id, event.entityId));
  if (!agreement) return;
  const engagement = await engagementOf(tx, agreement.engagementId);
  if (!engagement?.creatorUserId) return;
  await notify(tx, {
    userId: engagement.creatorUserId,
    kind: 'agreement.sent',
    params: { campaignName: engagement.campaignName, version: agreement.version },
    link: `/portal/${agreement.engagementId}`,
    campaignId: engagement.campaignId,
    marketCode: engagement.marketCode,
    entityType: 'agreement',
    entityId: event.entityId,
    actorId: event.actor?.id ?? null,
  });
});

// ---------------------------------------------------------------------------------------------
// Meetings (in-app; the invitation e-mail with its .ics goes from meetings/email-invitations.ts)

interface MeetingSnapshot {
  id: string;
  campaignId: string;
  title: string;
  start: string;
  sequence: number;
  participants: Array<{ kind: string; id: string }>;
}

const teamOf = (meeting: MeetingSnapshot) =>
  meeting.participants.filter((p) => p.kind === 'user').map((p) => p.id);

reactToAudit(
  'notifications.meetings',
  ['meeting.created', 'meeting.updated', 'meeting.cancelled'],
  async (tx, event) => {
    const actorId = event.actor?.id ?? null;
    const tell = async (
      kind: 'meeting.invited' | 'meeting.updated' | 'meeting.cancelled',
      meeting: MeetingSnapshot,
      people: string[],
    ) =>
      notifyEach(tx, people, {
        kind,
        params: {
          meetingTitle: meeting.title,
          startAt: meeting.start,
          actorName: nameOf(event.actor),
        },
        link: `/campaigns/${meeting.campaignId}/meetings/${meeting.id}`,
        campaignId: meeting.campaignId,
        entityType: 'meeting',
        entityId: meeting.id,
        actorId,
      });
    // The snapshots of create and update are the presented meeting (schedule-meeting.ts).
    if (event.action === 'meeting.created') {
      const meeting = event.after as unknown as MeetingSnapshot;
      await tell('meeting.invited', meeting, teamOf(meeting));
      return;
    }
    if (event.action === 'meeting.updated') {
      const before = event.before as unknown as MeetingSnapshot;
      const after = event.after as unknown as MeetingSnapshot;
      // Notes and decisions leave the invitation as it was (SEQUENCE unchanged): nothing to tell.
      if (after.sequence === before.sequence) return;
      const was = new Set(teamOf(before));
      const now = teamOf(after);
      await tell(
        'meeting.invited',
        after,
        now.filter((id) => !was.has(id)),
      );
      await tell(
        'meeting.updated',
        after,
        now.filter((id) => was.has(id)),
      );
      const staying = new Set(now);
      await tell(
        'meeting.cancelled',
        before,
        [...was].filter((id) => !staying.has(id)),
      );
      return;
    }
    const [meeting] = await tx
      .select({
        id: meetings.id,
        campaignId: meetings.campaignId,
        title: meetings.title,
        start: meetings.start,
      })
      .from(meetings)
      .where(eq(meetings.id, event.entityId));
    if (!meeting) return;
    const keys = await tx
      .select({ key: meetingParticipants.participantKey })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meeting.id));
    const people = keys.filter((k) => k.key.startsWith('user:')).map((k) => k.key.slice(5));
    await tell(
      'meeting.cancelled',
      { ...meeting, start: meeting.start.toISOString(), sequence: 0, participants: [] },
      people,
    );
  },
);

// ---------------------------------------------------------------------------------------------
// Imports: they finish in the background, so the person who started one is told (actor or not).

reactToAudit('notifications.imports', ['import.completed', 'import.failed'], async (tx, event) => {
  const [found] = await tx
    .select({ row: imports, locale: users.locale })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.id, event.entityId));
  if (!found) return;
  const { row } = found;
  const common = {
    userId: row.createdBy,
    link: `/campaigns/${row.campaignId}/measurement/data`,
    campaignId: row.campaignId,
    entityType: 'import',
    entityId: event.entityId,
    dedupeKey: `import:${event.entityId}`,
  };
  const name = await campaignName(tx, row.campaignId);
  if (event.action === 'import.completed') {
    await notify(tx, {
      ...common,
      kind: 'import.completed',
      params: {
        campaignName: name,
        format: row.format,
        rowsImported: event.after?.rowsImported ?? 0,
        rowsRejected: event.after?.rowsRejected ?? 0,
      },
    });
  } else {
    // The stored failure is a code ("wrong_format:Name, Total"): spelt out in the starter's language.
    const locale: Locale = isLocale(found.locale) ? found.locale : 'en';
    const failure =
      importFailureMessage({ ...row, failure: event.after?.failure ?? row.failure }, locale) ?? '';
    await notify(tx, {
      ...common,
      kind: 'import.failed',
      params: { campaignName: name, format: row.format, failure: failure },
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Launch window

/**
 * After any go-live change, the window as it now stands; when it is broken, the campaign's creator
 * and the leads of its markets are told once per spread (editing other things, or the same spread
 * again, repeats nothing; a further move that changes the spread tells them again).
 */
reactToAudit(
  'notifications.launch-window',
  ['milestone.created', 'milestone.updated', 'milestone.deleted'],
  async (tx, event) => {
    const campaignId = event.campaignId;
    if (!campaignId) return;
    const touched = [event.before, event.after] as Array<Record<string, unknown> | null>;
    if (!touched.some((m) => m?.kind === 'go_live')) return;
    const [campaign] = await tx
      .select({ name: campaigns.name, limit: campaigns.launchWindowHours, createdBy: campaigns.createdBy })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId));
    if (!campaign) return;
    const codes = (
      await tx.select({ code: markets.code }).from(markets).where(eq(markets.campaignId, campaignId))
    ).map((m) => m.code);
    const goLives = await tx
      .select({ at: milestones.at, marketCode: milestones.marketCode })
      .from(milestones)
      .where(and(eq(milestones.campaignId, campaignId), eq(milestones.kind, 'go_live')));
    const window = launchWindow(campaign.limit, codes, goLives);
    if (window.ok || window.spreadHours === null) return;
    const spreadHours = Math.round(window.spreadHours * 10) / 10;
    await notifyEach(tx, [campaign.createdBy, ...(await leadsOf(tx, codes))], {
      kind: 'launch_window.at_risk',
      params: { campaignName: campaign.name, spreadHours, limitHours: window.limitHours },
      link: `/campaigns/${campaignId}/timeline`,
      campaignId,
      entityType: 'campaign',
      entityId: campaignId,
      dedupeKey: `launch_window:${campaignId}:${spreadHours}:${window.limitHours}`,
      actorId: event.actor?.id ?? null,
    });
  },
);
