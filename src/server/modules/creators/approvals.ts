import { asc, count, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { changeStatus, lockEngagement } from './engagements.ts';
import { policyFor } from './market-policies.ts';
import { assertAllowed, mayGiveFeedback, maySubmitDraft } from './policies.ts';
import { findCreator } from './roster.ts';
import { submissions } from './tables.ts';

type SubmissionRow = typeof submissions.$inferSelect;

export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
export const UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'application/pdf',
] as const;

/**
 * The type of an uploaded file read from its bytes (magic numbers), never from the Content-Type
 * the client sent: a file whose content is not one of `allowed` is refused with 415 before
 * anything is stored. Returns the detected type, which is what gets stored and served back.
 */
export async function fileContentType(file: Buffer, allowed: readonly string[]): Promise<string> {
  const detected = file.length ? await fileTypeFromBuffer(file) : undefined;
  if (!detected || !allowed.includes(detected.mime)) {
    throw new AppError(415, 'file_content_not_allowed', 'error.file_content_not_allowed', {
      detected: detected?.mime ?? 'unknown',
      allowed: allowed.join(', '),
    });
  }
  return detected.mime;
}

export function presentSubmission(row: SubmissionRow, now = Date.now()) {
  return {
    id: row.id,
    engagementId: row.engagementId,
    round: row.round,
    url: row.url,
    file: row.fileName ? { name: row.fileName, type: row.fileType, size: row.fileSize } : null,
    note: row.note,
    submittedAt: row.submittedAt.toISOString(),
    feedbackDueAt: row.feedbackDueAt.toISOString(),
    feedbackOverdue: row.decision === null && row.feedbackDueAt.getTime() < now,
    decision: row.decision,
    feedback: row.feedback,
    feedbackAt: row.feedbackAt?.toISOString() ?? null,
    overrideReason: row.overrideReason,
  };
}

export async function submitDraft(
  db: Db,
  actor: Actor,
  engagementId: string,
  draft: { url: string; note: string } | { fileName: string; fileType: string; file: Buffer; note: string },
) {
  return db.transaction(async (tx) => {
    const engagement = await lockEngagement(tx, engagementId);
    const creator = await findCreator(tx, engagement.creatorId);
    assertAllowed(actor, maySubmitDraft(actor, creator), creator.marketCode);
    const policy = await policyFor(tx, engagement.campaignId, creator.marketCode);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(submissions)
      .where(eq(submissions.engagementId, engagementId));
    const submittedAt = new Date();
    // The team owes an answer within the turnaround promised to this market's creators.
    const feedbackDueAt = new Date(submittedAt.getTime() + policy.feedbackTurnaroundHours * 3_600_000);
    const [row] = await tx
      .insert(submissions)
      .values({
        engagementId,
        round: Number(n) + 1,
        submittedBy: actor.id,
        submittedAt,
        feedbackDueAt,
        note: draft.note,
        ...('url' in draft
          ? { url: draft.url }
          : {
              fileName: draft.fileName,
              fileType: draft.fileType,
              fileSize: draft.file.length,
              file: draft.file,
            }),
      })
      .returning();
    await changeStatus(tx, actor, engagement, 'draft_submitted', null, {
      code: 'draft_submitted',
      round: row!.round,
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'submission.created',
      entityType: 'submission',
      entityId: row!.id,
      campaignId: engagement.campaignId,
      after: presentSubmission(row!),
    });
    await publish(tx, `campaign:${engagement.campaignId}`, {
      type: 'submission.created',
      entityType: 'submission',
      entityId: row!.id,
    });
    return presentSubmission(row!);
  });
}

/** The team's answer to a draft. Asking for changes beyond the policy's rounds needs a reason (audited). */
export async function giveFeedback(
  db: Db,
  actor: Actor,
  submissionId: string,
  input: { decision: 'approved' | 'changes_requested'; feedback: string; overrideReason?: string },
) {
  // Stakeholders (the brand) approve too: the rule is in policies.ts, checked once the market is known.
  if (actor.role === 'creator') throw forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(submissions).where(eq(submissions.id, submissionId)).for('update');
    if (!row) throw notFound();
    const engagement = await lockEngagement(tx, row.engagementId);
    const creator = await findCreator(tx, engagement.creatorId);
    assertAllowed(actor, mayGiveFeedback(actor, creator.marketCode), creator.marketCode);
    if (row.decision) throw new AppError(409, 'not_awaiting_feedback', 'error.not_awaiting_feedback');
    const policy = await policyFor(tx, engagement.campaignId, creator.marketCode);
    // Changes requested on round r lead to revision r; the policy includes `revisionRounds` of them.
    const beyondPolicy = input.decision === 'changes_requested' && row.round > policy.revisionRounds;
    if (beyondPolicy && !input.overrideReason) {
      throw new AppError(409, 'revision_limit', 'error.revision_limit', {
        market: creator.marketCode,
        rounds: policy.revisionRounds,
        round: row.round + 1,
      });
    }
    const [updated] = await tx
      .update(submissions)
      .set({
        decision: input.decision,
        feedback: input.feedback,
        feedbackAt: new Date(),
        feedbackBy: actor.id,
        overrideReason: beyondPolicy ? input.overrideReason! : null,
      })
      .where(eq(submissions.id, submissionId))
      .returning();
    await changeStatus(
      tx,
      actor,
      engagement,
      input.decision === 'approved' ? 'approved' : 'revising',
      input.feedback.slice(0, 200),
    );
    await recordAuditEvent(tx, {
      actor,
      action: beyondPolicy ? 'submission.feedback_with_override' : 'submission.feedback',
      entityType: 'submission',
      entityId: submissionId,
      campaignId: engagement.campaignId,
      before: { decision: null },
      after: {
        decision: input.decision,
        feedback: input.feedback,
        round: row.round,
        onTime: Date.now() <= row.feedbackDueAt.getTime(),
        ...(beyondPolicy
          ? { overrideReason: input.overrideReason, policyRounds: policy.revisionRounds }
          : {}),
      },
    });
    await publish(tx, `campaign:${engagement.campaignId}`, {
      type: 'submission.feedback',
      entityType: 'submission',
      entityId: submissionId,
    });
    return presentSubmission(updated!);
  });
}

export async function submissionsOf(db: DbOrTx, engagementId: string) {
  const rows = await db
    .select()
    .from(submissions)
    .where(eq(submissions.engagementId, engagementId))
    .orderBy(asc(submissions.round));
  const now = Date.now();
  return rows.map((r) => presentSubmission(r, now));
}

export async function submissionFile(db: DbOrTx, submissionId: string) {
  const [row] = await db
    .select({ submission: submissions, submitter: users.id })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.submittedBy))
    .where(eq(submissions.id, submissionId));
  if (!row?.submission.file) throw notFound();
  return row.submission;
}
