import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import {
  type Engagement,
  type EngagementStatus,
  SET_BY_AGREEMENT,
  STATUS_ORDER,
  updateEngagement,
} from '../../api/creators.ts';
import { Button, ErrorAlert, Field, Notice, Select } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Modal, StatusPill, Textarea } from './bits.tsx';
import { checkPost, GateDialog, isGateRefusal, newPostDraft, PostFields, postBody } from './commitment.tsx';
import { refreshEngagement, useConflict } from './conflict.ts';
import { statusLabel } from './labels.ts';

const MAYBE: readonly string[] = ['shortlisted', 'contacted', 'tentative', 'confirmed', 'agreement_sent'];

/** Moves an engagement to another status; the "why" is required and goes to the audit log with it. */
export function StatusDialog({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const formId = useId();
  const options = STATUS_ORDER.filter((s) => s !== engagement.status && !SET_BY_AGREEMENT.includes(s));
  // The natural next step is offered first: the status after the current one.
  const next = STATUS_ORDER.slice(STATUS_ORDER.indexOf(engagement.status) + 1).find((s) =>
    options.includes(s),
  );
  const [status, setStatus] = useState<EngagementStatus>(next ?? options[0] ?? 'contacted');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { conflict, clear, handle } = useConflict(engagement.campaignId, engagement.id);
  // Going live (or straight to reported) records the post (link and time, in the creator's zone)
  // unless one is recorded already.
  const zone = engagement.creator.timeZone;
  const needsPost = (status === 'live' || status === 'reported') && !engagement.post;
  const [post, setPost] = useState(() => newPostDraft(zone));
  const [postErrors, setPostErrors] = useState<{ url?: string; at?: string }>({});
  // The server refused the move for want of a signed agreement: the gate dialog asks for a reason.
  const [gate, setGate] = useState(false);

  const change = useMutation({
    mutationFn: (overrideReason?: string) =>
      updateEngagement(engagement.id, {
        version: engagement.version,
        status,
        reason: reason.trim(),
        ...(needsPost ? postBody(post, zone) : {}),
        ...(overrideReason ? { override: { reason: overrideReason } } : {}),
      }),
    onSuccess: async () => {
      await refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      onClose();
    },
    onError: (failure) => {
      if (isGateRefusal(failure)) setGate(true);
      else void handle(failure);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = needsPost ? checkPost(t, post, zone) : {};
    setPostErrors(found);
    if (!reason.trim()) {
      setError(t('engagement.status.reasonRequired'));
      return;
    }
    setError(undefined);
    if (found.url || found.at) return;
    clear();
    change.mutate(undefined);
  };

  return (
    <Modal
      title={t('engagement.status.title', { name: engagement.creator.name })}
      description={t('engagement.status.description')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={change.isPending}>
            {t('engagement.status.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        {conflict ? (
          <Notice tone="warning">
            {t('engagement.conflict.status', { status: statusLabel(t, engagement.status) })}
          </Notice>
        ) : isGateRefusal(change.error) ? null : (
          <ErrorAlert error={change.error} />
        )}
        <div className="cr-status-now">
          <span className="muted">{t('engagement.status.current')}</span>
          <StatusPill status={engagement.status} />
        </div>
        <Field
          label={t('engagement.status.new')}
          hint={MAYBE.includes(status) ? t('engagement.status.maybeHint') : undefined}
        >
          {(control) => (
            <Select
              {...control}
              value={status}
              onChange={(e) => setStatus(e.target.value as EngagementStatus)}
            >
              {options.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(t, s)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {needsPost ? <PostFields draft={post} onChange={setPost} zone={zone} errors={postErrors} /> : null}
        <Field label={t('engagement.status.reason')} hint={t('engagement.status.reasonHint')} error={error}>
          {(control) => (
            <Textarea
              {...control}
              value={reason}
              placeholder={t('engagement.status.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <p className="field-hint">{t('engagement.status.signedByAgreement')}</p>
      </form>
      {gate ? (
        <GateDialog
          name={engagement.creator.name}
          status={statusLabel(t, status)}
          pending={change.isPending}
          error={change.error}
          onOverride={(overrideReason) => change.mutate(overrideReason)}
          onClose={() => setGate(false)}
        />
      ) : null}
    </Modal>
  );
}
