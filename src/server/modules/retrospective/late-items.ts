import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Locale, translate } from '../../../shared/i18n/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { users } from '../auth/tables.ts';
import { requiredAcknowledgers } from '../briefs/acknowledge-version.ts';
import { briefAcknowledgements, briefVersions } from '../briefs/tables.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import { agreements, creators, deliverables, engagements, submissions } from '../creators/tables.ts';
import { escalationSteps, escalations } from '../escalations/tables.ts';
import { tasks } from '../tasks/tables.ts';
import type { LateItem } from './schema.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/**
 * A brief version has no due time of its own. The acknowledgement reminder
 * (notifications/reminders/brief-acknowledgements.ts, FIRST_REMINDER_AFTER_MS) first chases a
 * missing acknowledgement a day after publishing, so that day is what "on time" means here:
 * acknowledged within 24 hours of the version being published.
 */
export const ACKNOWLEDGE_WITHIN_MS = 24 * HOUR;
/** An engagement that ended this way owes nothing any more: its open deadlines are not late. */
const ENDED = ['declined', 'dropped'] as const;

/** Whole minutes from `due` to `end`, at least 1 once it is past (a few seconds late is late). */
export const minutesLate = (due: Date, end: Date) =>
  Math.max(1, Math.ceil((end.getTime() - due.getTime()) / MINUTE));

export interface Scope {
  campaign: Campaign;
  /** The markets the caller sees; rows of other markets are left out (campaign-wide ones stay). */
  markets: string[];
  now: Date;
  locale: Locale;
}

/** Rows of a market the caller may see, plus the campaign-wide ones (no market). */
function inScope(column: PgColumn | SQL, scope: Scope): SQL {
  const all = scope.campaign.markets.map((m) => m.code);
  if (all.every((code) => scope.markets.includes(code))) return sql`true`;
  if (scope.markets.length === 0) return isNull(column as PgColumn);
  return or(isNull(column as PgColumn), inArray(column as PgColumn, scope.markets))!;
}
const seen = (scope: Scope, marketCode: string | null) =>
  marketCode === null || scope.markets.includes(marketCode);

function item(
  fields: Omit<LateItem, 'lateMinutes' | 'open' | 'dueAt' | 'doneAt'>,
  dueAt: Date,
  doneAt: Date | null,
  now: Date,
): LateItem {
  return {
    ...fields,
    dueAt: dueAt.toISOString(),
    doneAt: doneAt?.toISOString() ?? null,
    lateMinutes: minutesLate(dueAt, doneAt ?? now),
    open: doneAt === null,
  };
}

/**
 * Tasks finished after their due time, and tasks still not done past it. A big campaign has
 * thousands: they come back as one JSON array (instants as epoch milliseconds) rather than as
 * rows, which the embedded database hands over several times faster than row by row.
 */
export async function lateTasks(db: DbOrTx, scope: Scope): Promise<LateItem[]> {
  const { campaign, now } = scope;
  const ms = (column: PgColumn) => sql`(extract(epoch from ${column}) * 1000)::float8`;
  const [result] = await db
    .select({
      rows: sql<string>`coalesce(json_agg(json_build_array(${tasks.id}, ${tasks.number}, ${tasks.title},
        ${tasks.marketCode}, ${tasks.ownerId}, ${users.name}, ${tasks.status} = 'done', ${ms(tasks.dueAt)},
        ${ms(tasks.doneAt)})), '[]')::text`,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.ownerId))
    .where(
      and(
        eq(tasks.campaignId, campaign.id),
        isNotNull(tasks.dueAt),
        or(sql`${tasks.doneAt} > ${tasks.dueAt}`, and(ne(tasks.status, 'done'), lt(tasks.dueAt, now))),
        inScope(tasks.marketCode, scope),
      ),
    );
  type Row = [string, number, string, string | null, string, string, boolean, number, number | null];
  const rows = JSON.parse(result?.rows ?? '[]') as Row[];
  return rows.map(([id, number, title, marketCode, ownerId, ownerName, done, dueMs, doneMs]) =>
    item(
      {
        kind: 'task',
        entityType: 'task',
        entityId: id,
        label: title,
        detail: `#${number}`,
        marketCode,
        ownerId,
        ownerName,
        link: `/campaigns/${campaign.id}/tasks/${id}`,
      },
      new Date(dueMs),
      // A done task without doneAt (none should be left after migration 0014) counts as done on time.
      done ? new Date(doneMs ?? dueMs) : null,
      now,
    ),
  );
}

/** The campaign's engagements with their creator: the creator-side kinds all start here. */
export async function engagementsOf(db: DbOrTx, campaignId: string) {
  return db
    .select({
      id: engagements.id,
      status: engagements.status,
      respondBy: engagements.respondBy,
      postedAt: engagements.postedAt,
      creatorName: creators.name,
      creatorUserId: creators.userId,
      marketCode: creators.marketCode,
    })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(eq(engagements.campaignId, campaignId));
}
export type EngagementRow = Awaited<ReturnType<typeof engagementsOf>>[number];

/** Every draft of the campaign (never the file itself), with who answered it. */
export async function submissionsOf(db: DbOrTx, campaignId: string) {
  return db
    .select({
      id: submissions.id,
      engagementId: submissions.engagementId,
      round: submissions.round,
      submittedAt: submissions.submittedAt,
      feedbackDueAt: submissions.feedbackDueAt,
      feedbackAt: submissions.feedbackAt,
      feedbackBy: submissions.feedbackBy,
      feedbackByName: users.name,
    })
    .from(submissions)
    .innerJoin(engagements, eq(engagements.id, submissions.engagementId))
    .leftJoin(users, eq(users.id, submissions.feedbackBy))
    .where(eq(engagements.campaignId, campaignId))
    .orderBy(asc(submissions.submittedAt));
}
export type SubmissionRow = Awaited<ReturnType<typeof submissionsOf>>[number];

/** Feedback given after the draft's feedback time (the market policy's turnaround), or still owed past it. */
export function lateFeedback(
  scope: Scope,
  byId: Map<string, EngagementRow>,
  drafts: SubmissionRow[],
): LateItem[] {
  const { campaign, now, locale } = scope;
  const out: LateItem[] = [];
  for (const s of drafts) {
    const engagement = byId.get(s.engagementId);
    if (!engagement || !seen(scope, engagement.marketCode)) continue;
    const answered = s.feedbackAt;
    const late = answered
      ? answered > s.feedbackDueAt
      : s.feedbackDueAt < now && !(ENDED as readonly string[]).includes(engagement.status);
    if (!late) continue;
    out.push(
      item(
        {
          kind: 'feedback',
          entityType: 'submission',
          entityId: s.id,
          label: engagement.creatorName,
          detail: translate(locale, 'retro.detail.round', { round: s.round }),
          marketCode: engagement.marketCode,
          ownerId: s.feedbackBy,
          ownerName: s.feedbackByName,
          link: `/campaigns/${campaign.id}/creators/${engagement.id}`,
        },
        s.feedbackDueAt,
        answered,
        now,
      ),
    );
  }
  return out;
}

/**
 * Deliverables whose engagement's first draft came after the deliverable's due time, or none yet
 * past it (a post already live counts as delivered). Declined and dropped engagements owe nothing.
 */
export async function lateCreatorDeadlines(
  db: DbOrTx,
  scope: Scope,
  byId: Map<string, EngagementRow>,
  drafts: SubmissionRow[],
): Promise<LateItem[]> {
  const { campaign, now } = scope;
  const firstDraft = new Map<string, Date>();
  for (const s of drafts) if (!firstDraft.has(s.engagementId)) firstDraft.set(s.engagementId, s.submittedAt);
  const rows = await db
    .select({
      id: deliverables.id,
      engagementId: deliverables.engagementId,
      platform: deliverables.platform,
      format: deliverables.format,
      count: deliverables.count,
      dueAt: deliverables.dueAt,
    })
    .from(deliverables)
    .where(and(eq(deliverables.campaignId, campaign.id), isNotNull(deliverables.dueAt)))
    .orderBy(asc(deliverables.dueAt));
  const out: LateItem[] = [];
  for (const d of rows) {
    const engagement = byId.get(d.engagementId);
    if (!engagement || (ENDED as readonly string[]).includes(engagement.status)) continue;
    if (!seen(scope, engagement.marketCode)) continue;
    const candidates = [firstDraft.get(d.engagementId), engagement.postedAt].filter((x): x is Date => !!x);
    const done = candidates.length ? new Date(Math.min(...candidates.map((c) => c.getTime()))) : null;
    const due = d.dueAt!;
    if (done ? done <= due : due >= now) continue;
    out.push(
      item(
        {
          kind: 'creator_deadline',
          entityType: 'deliverable',
          entityId: d.id,
          label: engagement.creatorName,
          detail: `${d.count} × ${d.format} · ${d.platform}`,
          marketCode: engagement.marketCode,
          ownerId: engagement.creatorUserId,
          ownerName: engagement.creatorName,
          link: `/campaigns/${campaign.id}/creators/${engagement.id}`,
        },
        due,
        done,
        now,
      ),
    );
  }
  return out;
}

/** Offers whose first signed agreement came after their respond-by time, or still unsigned past it. */
export async function lateAgreements(db: DbOrTx, scope: Scope, all: EngagementRow[]): Promise<LateItem[]> {
  const { campaign, now } = scope;
  const withRespondBy = all.filter((e) => e.respondBy && seen(scope, e.marketCode));
  if (withRespondBy.length === 0) return [];
  const signed = await db
    .select({
      engagementId: agreements.engagementId, // Epoch milliseconds: a raw timestamp comes back as a Date from PGlite but a string from postgres.js.
      signedAt: sql<number>`(extract(epoch from min(${agreements.signedAt})) * 1000)::float8`.mapWith(Number),
    })
    .from(agreements)
    .innerJoin(engagements, eq(engagements.id, agreements.engagementId))
    .where(and(eq(engagements.campaignId, campaign.id), isNotNull(agreements.signedAt)))
    .groupBy(agreements.engagementId);
  const firstSigned = new Map(signed.map((s) => [s.engagementId, s.signedAt]));
  const out: LateItem[] = [];
  for (const e of withRespondBy) {
    const due = e.respondBy!;
    const at = firstSigned.get(e.id);
    const done = at === undefined ? null : new Date(at);
    if (done ? done <= due : due >= now || (ENDED as readonly string[]).includes(e.status)) continue;
    out.push(
      item(
        {
          kind: 'agreement',
          entityType: 'engagement',
          entityId: e.id,
          label: e.creatorName,
          detail: null,
          marketCode: e.marketCode,
          ownerId: e.creatorUserId,
          ownerName: e.creatorName,
          link: `/campaigns/${campaign.id}/creators/${e.id}`,
        },
        due,
        done,
        now,
      ),
    );
  }
  return out;
}

/**
 * Brief acknowledgements given more than a day after the version was published (see
 * ACKNOWLEDGE_WITHIN_MS), and, for the current version only, the ones still missing past that day
 * (an older version's missing acknowledgement is moot once a newer one is out: nobody chases it).
 * The market of a row is the person's first market in the campaign (null for someone asked
 * without one).
 */
export async function lateAcknowledgements(db: DbOrTx, scope: Scope): Promise<LateItem[]> {
  const { campaign, now, locale } = scope;
  const versions = await db
    .select({ number: briefVersions.number, publishedAt: briefVersions.publishedAt })
    .from(briefVersions)
    .where(eq(briefVersions.campaignId, campaign.id))
    .orderBy(asc(briefVersions.number));
  const latest = versions.at(-1);
  if (!latest) return [];
  const codes = campaign.markets.map((m) => m.code);
  const marketOf = (marketCodes: string[]) => codes.find((c) => marketCodes.includes(c)) ?? null;
  const acks = await db
    .select({
      version: briefAcknowledgements.version,
      userId: briefAcknowledgements.userId,
      at: briefAcknowledgements.acknowledgedAt,
      name: users.name,
      marketCodes: users.marketCodes,
    })
    .from(briefAcknowledgements)
    .innerJoin(users, eq(users.id, briefAcknowledgements.userId))
    .where(eq(briefAcknowledgements.campaignId, campaign.id));
  const published = new Map(versions.map((v) => [v.number, v.publishedAt]));
  const row = (
    version: number,
    person: { id: string; name: string; marketCodes: string[] },
    done: Date | null,
  ) =>
    item(
      {
        kind: 'acknowledgement',
        entityType: 'brief_version',
        entityId: `${campaign.id}:${version}`,
        label: translate(locale, 'retro.label.briefVersion', { version }),
        detail: null,
        marketCode: marketOf(person.marketCodes),
        ownerId: person.id,
        ownerName: person.name,
        link: `/campaigns/${campaign.id}/brief/versions/${version}`,
      },
      new Date(published.get(version)!.getTime() + ACKNOWLEDGE_WITHIN_MS),
      done,
      now,
    );
  const out: LateItem[] = [];
  for (const a of acks) {
    const publishedAt = published.get(a.version);
    if (!publishedAt || a.at.getTime() <= publishedAt.getTime() + ACKNOWLEDGE_WITHIN_MS) continue;
    if (!seen(scope, marketOf(a.marketCodes))) continue;
    out.push(row(a.version, { id: a.userId, name: a.name, marketCodes: a.marketCodes }, a.at));
  }
  if (latest.publishedAt.getTime() + ACKNOWLEDGE_WITHIN_MS < now.getTime()) {
    const done = new Set(acks.filter((a) => a.version === latest.number).map((a) => a.userId));
    for (const { user } of await requiredAcknowledgers(db, campaign)) {
      if (done.has(user.id) || user.deactivatedAt || !seen(scope, marketOf(user.marketCodes))) continue;
      out.push(row(latest.number, user, null));
    }
  }
  return out;
}

/**
 * Escalations whose clock ran out at least once (handed over to the next person, or expired).
 * One row per escalation: due at the first level's due time, owned by the person whose clock
 * ran out first; late until it was decided, until it closed undecided (expired, withdrawn), or
 * until now while it is still open.
 */
export async function lateEscalations(db: DbOrTx, scope: Scope): Promise<LateItem[]> {
  const { campaign, now, locale } = scope;
  const steps = await db
    .select({
      escalationId: escalationSteps.escalationId,
      at: escalationSteps.at,
      action: escalationSteps.action,
      deciderId: escalationSteps.deciderId,
      level: escalationSteps.level,
      dueAt: escalationSteps.dueAt,
    })
    .from(escalationSteps)
    .innerJoin(escalations, eq(escalations.id, escalationSteps.escalationId))
    .where(
      and(
        eq(escalations.campaignId, campaign.id),
        sql`exists (select 1 from ${escalationSteps} s where s.escalation_id = ${escalations.id} and s.action in ('handed_over', 'expired'))`,
        inScope(escalations.marketCode, scope),
      ),
    )
    .orderBy(asc(escalationSteps.escalationId), asc(escalationSteps.at), asc(escalationSteps.level));
  if (steps.length === 0) return [];
  const ids = [...new Set(steps.map((s) => s.escalationId))];
  const rows = await db
    .select({
      id: escalations.id,
      summary: escalations.summary,
      marketCode: escalations.marketCode,
      status: escalations.status,
      decidedAt: escalations.decidedAt,
      updatedAt: escalations.updatedAt,
    })
    .from(escalations)
    .where(inArray(escalations.id, ids));
  const people = new Map<string, string>();
  const deciderIds = [...new Set(steps.map((s) => s.deciderId).filter((x): x is string => !!x))];
  if (deciderIds.length) {
    for (const u of await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, deciderIds)))
      people.set(u.id, u.name);
  }
  const out: LateItem[] = [];
  for (const e of rows) {
    const own = steps.filter((s) => s.escalationId === e.id);
    const ranOut = own.findIndex((s) => s.action === 'handed_over' || s.action === 'expired');
    // The level that ran out is the one the previous step started (its decider and due time).
    const before = own
      .slice(0, ranOut)
      .reverse()
      .find((s) => s.dueAt);
    if (ranOut < 0 || !before?.dueAt) continue;
    const levels = own.filter((s) => s.action === 'handed_over' || s.action === 'expired').length;
    const closed = own.find((s) => s.action === 'expired' || s.action === 'withdrawn')?.at ?? null;
    const done =
      e.status === 'decided'
        ? (e.decidedAt ?? e.updatedAt)
        : e.status === 'open'
          ? null
          : (closed ?? e.updatedAt);
    out.push({
      ...item(
        {
          kind: 'escalation',
          entityType: 'escalation',
          entityId: e.id,
          label: e.summary,
          detail: translate(locale, 'retro.detail.escalation', { status: e.status, levels }),
          marketCode: e.marketCode,
          ownerId: before.deciderId,
          ownerName: before.deciderId ? (people.get(before.deciderId) ?? null) : null,
          link: `/campaigns/${campaign.id}/escalations/${e.id}`,
        },
        before.dueAt,
        done,
        now,
      ),
      // Expired or withdrawn undecided: closed, so no longer open, though it never got its answer.
      open: e.status === 'open',
    });
  }
  return out;
}
