import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { safeHref } from '../../../shared/links.ts';
import { formatDuration } from '../../../shared/time/duration.ts';
import { ApiError } from '../../api/client.ts';
import {
  type EngagementDetail,
  giveFeedback,
  type Policy,
  recordSubmission,
  type Submission,
} from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { ClockIcon, FileIcon, LinkIcon, PlusIcon, WarningIcon } from '../../components/icons.tsx';
import { Badge, Button, ErrorAlert, Field, TextInput } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { formatInstant } from '../../time/format.ts';
import { useNow } from '../../time/use-now.ts';
import { ItemEscalations } from '../escalations/bits.tsx';
import { Section, Textarea } from './bits.tsx';
import { refreshEngagement } from './conflict.ts';
import { fileSize } from './labels.ts';

/** "Round 2 of 2": a first draft plus the revision rounds the market's policy includes. */
export function roundText(t: Translate, round: number, revisionRounds: number | undefined) {
  if (revisionRounds === undefined) return t('approvals.round', { round });
  return t('approvals.roundOf', { round, limit: revisionRounds + 1 });
}

/** When the team owes an answer, in the viewer's zone, with a countdown and an overdue flag. */
export function FeedbackDue({ submission, zone, now }: { submission: Submission; zone: string; now: Date }) {
  const t = useT();
  const [locale] = useLocale();
  const left = Date.parse(submission.feedbackDueAt) - now.getTime();
  const overdue = left < 0;
  return (
    <p className={`cr-due${overdue ? ' cr-due-overdue' : ''}`}>
      {overdue ? <WarningIcon className="cr-due-icon" /> : <ClockIcon className="cr-due-icon" />}
      <span>
        {t('approvals.feedbackDue', { when: formatInstant(submission.feedbackDueAt, zone, locale) })}
      </span>
      <span className="cr-countdown">
        {overdue
          ? t('approvals.overdueBy', { duration: formatDuration(t, left / 60_000) })
          : t('approvals.dueIn', { duration: formatDuration(t, left / 60_000) })}
      </span>
    </p>
  );
}

/** The draft itself: a link, or the uploaded file (opened through the API). */
export function DraftLink({ submission }: { submission: Submission }) {
  const t = useT();
  const [locale] = useLocale();
  if (submission.url) {
    // A stored link is only ever followed when it is http(s); anything else is shown as text.
    const href = safeHref(submission.url);
    if (!href) return <span className="cr-draft-link">{submission.url}</span>;
    return (
      <a className="cr-draft-link" href={href} target="_blank" rel="noreferrer noopener">
        <LinkIcon />
        <span>{submission.url}</span>
      </a>
    );
  }
  if (submission.file) {
    return (
      <a
        className="cr-draft-link"
        href={`/api/submissions/${submission.id}/file`}
        target="_blank"
        rel="noreferrer"
      >
        <FileIcon />
        <span>{submission.file.name}</span>
        {submission.file.size ? (
          <span className="muted">{fileSize(t, submission.file.size, locale)}</span>
        ) : null}
      </a>
    );
  }
  return null;
}

/** Content approval: every draft as a round, the policy's limit, answers on time, overrides with a reason. */
export function ApprovalsSection({
  engagement,
  policy,
  me,
  canEdit,
}: {
  engagement: EngagementDetail;
  policy: Policy | undefined;
  me: User;
  canEdit: boolean;
}) {
  const t = useT();
  const now = useNow(30_000);
  const [recording, setRecording] = useState(false);
  const rounds = [...engagement.submissions].sort((a, b) => b.round - a.round);
  return (
    <Section
      title={t('approvals.title')}
      description={
        policy
          ? t('approvals.policyLine', {
              market: policy.marketCode,
              rounds: policy.revisionRounds,
              hours: policy.feedbackTurnaroundHours,
            })
          : undefined
      }
      actions={
        canEdit && !recording ? (
          <Button size="sm" variant="ghost" onClick={() => setRecording(true)}>
            <PlusIcon />
            {t('approvals.record')}
          </Button>
        ) : null
      }
    >
      {recording ? <RecordDraftForm engagement={engagement} onDone={() => setRecording(false)} /> : null}
      {rounds.length === 0 ? (
        <p className="muted">{t('approvals.none')}</p>
      ) : (
        <ol className="cr-rounds">
          {rounds.map((submission) => (
            <RoundItem
              key={submission.id}
              submission={submission}
              engagement={engagement}
              policy={policy}
              me={me}
              now={now}
              canEdit={canEdit}
            />
          ))}
        </ol>
      )}
    </Section>
  );
}

function RoundItem({
  submission,
  engagement,
  policy,
  me,
  now,
  canEdit,
}: {
  submission: Submission;
  engagement: EngagementDetail;
  policy: Policy | undefined;
  me: User;
  now: Date;
  canEdit: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const beyond = policy ? submission.round > policy.revisionRounds + 1 : false;
  const when = (iso: string) => formatInstant(iso, me.timeZone, locale);
  return (
    <li className={`cr-round${submission.decision ? '' : ' cr-round-open'}`} data-round={submission.round}>
      <div className="cr-round-head">
        <span className="cr-round-title">{roundText(t, submission.round, policy?.revisionRounds)}</span>
        {beyond ? <Badge tone="warning">{t('approvals.beyondPolicy')}</Badge> : null}
        {submission.decision === 'approved' ? (
          <Badge tone="success">{t('approvals.decision.approved')}</Badge>
        ) : null}
        {submission.decision === 'changes_requested' ? (
          <Badge tone="accent">{t('approvals.decision.changes_requested')}</Badge>
        ) : null}
        {!submission.decision ? (
          <Badge
            tone={
              submission.feedbackOverdue || Date.parse(submission.feedbackDueAt) < now.getTime()
                ? 'danger'
                : 'warning'
            }
          >
            {submission.feedbackOverdue || Date.parse(submission.feedbackDueAt) < now.getTime()
              ? t('approvals.overdue')
              : t('approvals.awaiting')}
          </Badge>
        ) : null}
        <span className="cr-round-when">
          {t('approvals.submittedAt', { when: when(submission.submittedAt) })}
        </span>
      </div>
      <DraftLink submission={submission} />
      {submission.note ? <p className="cr-round-note">{submission.note}</p> : null}
      <ItemEscalations
        campaignId={engagement.campaignId}
        entityType="submission"
        entityId={submission.id}
        label={`${engagement.creator.name} · ${roundText(t, submission.round, policy?.revisionRounds)}`}
      />
      {submission.decision ? (
        <div className="cr-feedback">
          <p className="cr-feedback-meta">
            {submission.feedbackAt ? t('approvals.answeredAt', { when: when(submission.feedbackAt) }) : null}
            {submission.feedbackAt
              ? Date.parse(submission.feedbackAt) <= Date.parse(submission.feedbackDueAt)
                ? ` · ${t('approvals.onTime')}`
                : ` · ${t('approvals.late')}`
              : null}
          </p>
          {submission.feedback ? <p className="cr-feedback-text">{submission.feedback}</p> : null}
          {submission.overrideReason ? (
            <p className="cr-override">
              <strong>{t('approvals.overrideReason')}:</strong> {submission.overrideReason}
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <FeedbackDue submission={submission} zone={me.timeZone} now={now} />
          {/* Stakeholders (the brand) approve or ask for changes too. */}
          {canEdit || me.role === 'stakeholder' ? (
            <FeedbackForm submission={submission} engagement={engagement} />
          ) : null}
        </>
      )}
    </li>
  );
}

function FeedbackForm({ submission, engagement }: { submission: Submission; engagement: EngagementDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [feedback, setFeedback] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [limit, setLimit] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [overrideError, setOverrideError] = useState<string | undefined>();

  const answer = useMutation({
    mutationFn: (input: { decision: 'approved' | 'changes_requested'; overrideReason?: string }) =>
      giveFeedback(submission.id, {
        decision: input.decision,
        feedback: feedback.trim(),
        ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
      }),
    onSuccess: () => refreshEngagement(queryClient, engagement.campaignId, engagement.id),
    onError: (failure) => {
      if (failure instanceof ApiError && failure.status === 409 && failure.code === 'revision_limit') {
        setLimit(failure.message);
        answer.reset();
      } else if (failure instanceof ApiError && failure.code === 'not_awaiting_feedback') {
        void refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      }
    },
  });

  const decide = (decision: 'approved' | 'changes_requested') => (event?: FormEvent) => {
    event?.preventDefault();
    if (!feedback.trim()) {
      setError(
        decision === 'approved' ? t('approvals.approveNoteRequired') : t('approvals.feedbackRequired'),
      );
      return;
    }
    setError(undefined);
    if (decision === 'changes_requested' && limit) {
      if (overrideReason.trim().length < 3) {
        setOverrideError(t('approvals.overrideRequired'));
        return;
      }
      setOverrideError(undefined);
      answer.mutate({ decision, overrideReason: overrideReason.trim() });
      return;
    }
    answer.mutate({ decision });
  };

  return (
    <form className="cr-feedback-form" onSubmit={decide('changes_requested')} noValidate>
      <ErrorAlert error={answer.error} />
      <Field label={t('approvals.feedbackLabel')} error={error}>
        {(control) => (
          <Textarea
            {...control}
            value={feedback}
            placeholder={t('approvals.feedbackPlaceholder')}
            onChange={(e) => setFeedback(e.target.value)}
          />
        )}
      </Field>
      {limit ? (
        <div className="cr-limit" role="alert">
          <p className="cr-limit-text">
            <WarningIcon className="cr-limit-icon" />
            {limit}
          </p>
          <Field
            label={t('approvals.overrideLabel')}
            hint={t('approvals.overrideHint')}
            error={overrideError}
          >
            {(control) => (
              <TextInput
                {...control}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
                placeholder={t('approvals.overridePlaceholder')}
                autoFocus
              />
            )}
          </Field>
        </div>
      ) : null}
      <div className="cr-feedback-actions">
        <Button
          type="submit"
          pending={answer.isPending && answer.variables?.decision === 'changes_requested'}
        >
          {limit ? t('approvals.requestChangesOverride') : t('approvals.requestChanges')}
        </Button>
        <Button
          variant="primary"
          onClick={() => decide('approved')()}
          pending={answer.isPending && answer.variables?.decision === 'approved'}
        >
          {t('approvals.approve')}
        </Button>
      </div>
    </form>
  );
}

function RecordDraftForm({ engagement, onDone }: { engagement: EngagementDetail; onDone: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const record = useMutation({
    mutationFn: () => recordSubmission(engagement.id, { url: url.trim(), note }),
    onSuccess: async () => {
      await refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(t('portal.submit.urlInvalid'));
      return;
    }
    setError(undefined);
    record.mutate();
  };
  return (
    <form className="cr-record form" onSubmit={submit} noValidate>
      <p className="field-hint">{t('approvals.recordHint')}</p>
      <ErrorAlert error={record.error} />
      <div className="cr-grid-2">
        <Field label={t('portal.submit.url')} error={error}>
          {(control) => (
            <TextInput
              {...control}
              type="url"
              value={url}
              placeholder="https://"
              onChange={(e) => setUrl(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <Field label={t('portal.submit.note')} optional>
          {(control) => <TextInput {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={record.isPending}>
          {t('approvals.recordSubmit')}
        </Button>
      </div>
    </form>
  );
}
