import { and, eq, gt, isNull, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/index.ts';
import { users } from '../../auth/tables.ts';
import { campaigns } from '../../campaigns/tables.ts';
import { OUT } from '../../creators/engagements.ts';
import { creators, engagements, submissions } from '../../creators/tables.ts';

import {
  ANSWERING_ID,
  answering,
  at,
  type Cursor,
  notSent,
  pageAfter,
  pageOrder,
  STAFF,
  type SweepOptions,
  sendInBatches,
  wantsKind,
} from './batches.ts';

/** The reminder goes when this share of the promised turnaround has passed without an answer. */
export const FEEDBACK_REMINDER_SHARE = 0.75;

const reviewer = alias(users, 'reviewer');

const columns = {
  userId: reviewer.id,
  submissionId: submissions.id,
  round: submissions.round,
  feedbackDueAt: submissions.feedbackDueAt,
  engagementId: engagements.id,
  campaignId: engagements.campaignId,
  campaignName: campaigns.name,
  creatorName: creators.name,
  marketCode: creators.marketCode,
};

/** Drafts waiting for the team's answer; the reviewers are whoever answers for the creator's market. */
function waitingDrafts(tx: DbOrTx, key: SQL<string>) {
  return tx
    .select({ ...columns, dedupeKey: key })
    .from(submissions)
    .innerJoin(engagements, eq(engagements.id, submissions.engagementId))
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .innerJoin(campaigns, eq(campaigns.id, engagements.campaignId))
    .crossJoin(STAFF)
    .crossJoinLateral(answering(creators.marketCode, campaigns.createdBy))
    .innerJoin(reviewer, and(eq(reviewer.id, ANSWERING_ID), isNull(reviewer.deactivatedAt)));
}

type DraftCandidate = {
  userId: string;
  dedupeKey: string;
  submissionId: string;
  round: number;
  feedbackDueAt: Date;
  engagementId: string;
  campaignId: string;
  campaignName: string;
  creatorName: string;
  marketCode: string;
};

const base = (row: DraftCandidate) => ({
  userId: row.userId,
  link: `/campaigns/${row.campaignId}/creators/${row.engagementId}`,
  campaignId: row.campaignId,
  marketCode: row.marketCode,
  entityType: 'submission',
  entityId: row.submissionId,
  dedupeKey: row.dedupeKey,
});

const open = and(isNull(submissions.decision), notInArray(engagements.status, [...OUT]));

/**
 * Three quarters of the turnaround gone without an answer → the reviewers; past the due time →
 * the same people again, urgently. Each once per draft and person.
 */
export async function remindFeedback(db: Db, options: SweepOptions): Promise<number> {
  const { now } = options;
  const reminderKey = sql<string>`'submission.feedback_reminder:' || ${submissions.id}`;
  const reminders = (tx: DbOrTx, after: Cursor, limit: number) =>
    waitingDrafts(tx, reminderKey)
      .where(
        and(
          open,
          gt(submissions.feedbackDueAt, at(now)),
          lte(
            sql`${submissions.submittedAt} + (${submissions.feedbackDueAt} - ${submissions.submittedAt}) * ${FEEDBACK_REMINDER_SHARE}::float8`,
            at(now),
          ),
          wantsKind(reviewer.id, 'submission.feedback_reminder'),
          notSent(reviewer.id, reminderKey),
          pageAfter(reminderKey, reviewer.id, after),
        ),
      )
      .orderBy(...pageOrder(reminderKey, reviewer.id))
      .limit(limit);

  const overdueKey = sql<string>`'submission.feedback_overdue:' || ${submissions.id}`;
  const overdue = (tx: DbOrTx, after: Cursor, limit: number) =>
    waitingDrafts(tx, overdueKey)
      .where(
        and(
          open,
          lte(submissions.feedbackDueAt, at(now)),
          wantsKind(reviewer.id, 'submission.feedback_overdue'),
          notSent(reviewer.id, overdueKey),
          pageAfter(overdueKey, reviewer.id, after),
        ),
      )
      .orderBy(...pageOrder(overdueKey, reviewer.id))
      .limit(limit);

  const params = (row: DraftCandidate) => ({
    creatorName: row.creatorName,
    campaignName: row.campaignName,
    round: row.round,
    feedbackDueAt: row.feedbackDueAt.toISOString(),
  });
  const sentReminders = await sendInBatches(db, options, reminders, (row) => ({
    ...base(row),
    kind: 'submission.feedback_reminder',
    params: params(row),
    now,
  }));
  const sentOverdue = await sendInBatches(db, options, overdue, (row) => ({
    ...base(row),
    kind: 'submission.feedback_overdue',
    // Drafts have no named reviewer: everyone who answers for the market was asked.
    params: { ...params(row), reviewerName: '' },
    now,
  }));
  return sentReminders + sentOverdue;
}
