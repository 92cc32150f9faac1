import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { deliverableAmount } from '../../../shared/deliverable-format.ts';
import { formatDuration } from '../../../shared/time/duration.ts';
import { ApiError } from '../../api/client.ts';
import {
  acceptAgreement,
  creatorKeys,
  type PortalEngagement,
  portalEngagementQuery,
  type Submission,
  sendRaw,
  submitPortalLink,
  UPLOAD_LIMIT_BYTES,
  uploadTypeOf,
} from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import {
  ArrowLeftIcon,
  CheckIcon,
  ClockIcon,
  FileIcon,
  LinkIcon,
  PortalIcon,
  PrintIcon,
} from '../../components/icons.tsx';
import { Badge, Button, EmptyState, ErrorAlert, Field, Spinner, TextInput } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { formatInstant, zonedLabel } from '../../time/format.ts';
import { useNow } from '../../time/use-now.ts';
import { splitZone } from '../../time/zones.ts';
import { SignedRecord } from '../creators/agreements.tsx';
import { DraftLink, roundText } from '../creators/approvals.tsx';
import { Facts, Section, StatusPill, Textarea } from '../creators/bits.tsx';
import { PlatformMark } from '../creators/channels.tsx';
import { briefingStyleLabel, fileSize, money } from '../creators/labels.ts';
import { nextStep } from './next-step.ts';
import { PortalPost } from './portal-post.tsx';

/** `/portal/:engagementId`: one collaboration as the creator sees it, in their language and zone. */
export function PortalEngagementPage({ me, engagementId }: { me: User; engagementId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const query = useQuery(portalEngagementQuery(engagementId));
  const engagement = query.data;
  useDocumentTitle(engagement ? engagement.campaign.name : t('portal.title'));

  if (query.isPending) {
    return (
      <div className="cr-center">
        <Spinner size="lg" label={t('common.loading')} />
      </div>
    );
  }
  if (query.isError || !engagement) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="card">
        {missing ? (
          <EmptyState icon={<PortalIcon width={26} height={26} />} title={t('portal.notFound')}>
            <Link className="button button-secondary" to="/portal">
              {t('portal.back')}
            </Link>
          </EmptyState>
        ) : (
          <div className="card-body">
            <ErrorAlert error={query.error} />
          </div>
        )}
      </div>
    );
  }

  const step = nextStep(engagement);
  const city = splitZone(engagement.timeZone, locale).city;
  const abbreviation = engagement.deliverables.find((d) => d.dueLocal)?.dueLocal?.abbreviation ?? '';
  return (
    <div className="cr-page cr-portal">
      <Link to="/portal" className="cr-back">
        <ArrowLeftIcon width={16} height={16} />
        {t('portal.back')}
      </Link>
      <header className="cr-portal-head">
        <p className="cr-portal-brand">{engagement.campaign.brand}</p>
        <h1 className="page-title">{engagement.campaign.name}</h1>
        <div className="cr-detail-badges">
          <StatusPill status={engagement.status} />
          {engagement.commitment === 'maybe' ? (
            <span className="cr-maybe" title={t('portal.notFinalHint')}>
              {t('portal.notFinal')}
            </span>
          ) : null}
        </div>
      </header>
      <div className={`cr-next cr-next-${step.tone}`} role="status">
        <span className="cr-next-label">{t('portal.nextLabel')}</span>
        <span className="cr-next-text">{t(step.key, step.values)}</span>
      </div>
      <div className="cr-detail-grid">
        <div className="cr-detail-main">
          <PortalPost engagement={engagement} />
          <PortalAgreement engagement={engagement} me={me} />
          <PortalDrafts engagement={engagement} me={me} />
          <PortalBrief engagement={engagement} />
        </div>
        <aside className="cr-detail-side">
          <Section
            title={t('portal.deliverables')}
            description={t('portal.zoneNote', { city, zone: abbreviation || engagement.timeZone })}
          >
            {engagement.deliverables.length === 0 ? (
              <p className="muted">{t('engagement.deliverables.none')}</p>
            ) : (
              <ul className="cr-deliverables cr-deliverables-stacked">
                {engagement.deliverables.map((d, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: deliverables have no id of their own
                  <li key={index} className="cr-deliverable">
                    <PlatformMark platform={d.platform} />
                    <span className="cr-deliverable-what">{deliverableAmount(t, d.count, d.format)}</span>
                    <span className="cr-deliverable-due" data-due={d.dueAt ?? ''}>
                      {d.dueLocal
                        ? t('engagement.deliverables.due', { when: zonedLabel(d.dueLocal, locale) })
                        : t('engagement.deliverables.noDue')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('portal.terms')}>
            <Facts
              items={[
                {
                  term: t('engagement.terms.fee'),
                  value: money(engagement.fee.amount, engagement.fee.currency, locale),
                },
                engagement.promoCode
                  ? {
                      term: t('portal.promoCode'),
                      value: <code className="cr-promo">{engagement.promoCode}</code>,
                    }
                  : null,
                {
                  term: t('engagement.terms.goLiveWindow'),
                  value:
                    engagement.goLiveFrom || engagement.goLiveTo
                      ? t('engagement.terms.window', {
                          from: engagement.goLiveFrom ? zonedLabel(engagement.goLiveFrom, locale) : '…',
                          to: engagement.goLiveTo ? zonedLabel(engagement.goLiveTo, locale) : '…',
                        })
                      : t('portal.goLiveTbd'),
                },
              ]}
            />
          </Section>
          <Section title={t('portal.rules')} description={t('portal.rulesDescription')}>
            <Facts
              items={[
                {
                  term: t('policies.revisionRounds'),
                  value: t('policies.roundsValue', { count: engagement.policy.revisionRounds }),
                },
                {
                  term: t('portal.turnaround'),
                  value: t('portal.turnaroundValue', { count: engagement.policy.feedbackTurnaroundHours }),
                },
                {
                  term: t('policies.briefingStyle'),
                  value: briefingStyleLabel(t, engagement.policy.briefingStyle),
                },
              ]}
            />
          </Section>
        </aside>
      </div>
    </div>
  );
}

function PortalAgreement({ engagement, me }: { engagement: PortalEngagement; me: User }) {
  const t = useT();
  const queryClient = useQueryClient();
  const agreement = engagement.agreements.find((a) => a.status === 'signed') ?? engagement.agreements[0];
  const [fullName, setFullName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState(agreement?.status === 'sent');
  const accept = useMutation({
    mutationFn: () => acceptAgreement(String(agreement?.id), { fullName: fullName.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: creatorKeys.portal });
    },
    onError: (failure) => {
      if (failure instanceof ApiError) setError(failure.fieldErrors.fullName);
    },
  });

  if (!agreement) {
    return (
      <Section title={t('portal.agreement')}>
        <p className="muted">{t('portal.agreementNone')}</p>
      </Section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fullName.trim().length < 2) {
      setError(t('portal.accept.fullNameInvalid'));
      return;
    }
    setError(undefined);
    accept.mutate();
  };

  return (
    <Section
      title={t('portal.agreement')}
      description={agreement.status === 'signed' ? t('portal.agreementSigned') : t('portal.agreementToSign')}
      actions={
        <>
          <Button size="sm" variant="ghost" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('agreementUi.hide') : t('portal.read')}
          </Button>
          <a
            className="button button-ghost button-sm"
            href={`/api/agreements/${agreement.id}/print`}
            target="_blank"
            rel="noreferrer"
          >
            <PrintIcon />
            {t('agreementUi.print')}
          </a>
        </>
      }
    >
      <div className="cr-agreement-title">
        <span className="cell-primary">{t('agreementUi.version', { version: agreement.version })}</span>
        <Badge tone={agreement.status === 'signed' ? 'success' : 'warning'}>
          {t(`agreementUi.status.${agreement.status}`)}
        </Badge>
      </div>
      {open ? (
        <pre className="cr-agreement-body" lang={agreement.language}>
          {agreement.body}
        </pre>
      ) : null}
      <SignedRecord agreement={agreement} zone={me.timeZone} />
      {agreement.status === 'sent' ? (
        <form className="cr-accept" onSubmit={submit} noValidate>
          <ErrorAlert error={accept.error} />
          <Field label={t('portal.accept.label')} hint={t('portal.accept.hint')} error={error}>
            {(control) => (
              <TextInput
                {...control}
                value={fullName}
                autoComplete="name"
                placeholder={t('portal.accept.placeholder')}
                onChange={(e) => setFullName(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <Button type="submit" variant="primary" pending={accept.isPending}>
              <CheckIcon />
              {t('portal.accept.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function PortalDrafts({ engagement, me }: { engagement: PortalEngagement; me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const now = useNow(30_000);
  const rounds = [...engagement.submissions].sort((a, b) => b.round - a.round);
  const latest = rounds[0];
  const awaiting = latest && !latest.decision;
  const closed =
    ['approved', 'live', 'reported', 'declined', 'dropped'].includes(engagement.status) ||
    latest?.decision === 'approved';
  const when = (iso: string) => formatInstant(iso, me.timeZone, locale);
  // A draft makes sense once the agreement is accepted; before that the form would invite work nobody committed to.
  const unsigned =
    engagement.agreements.some((a) => a.status === 'sent') &&
    !engagement.agreements.some((a) => a.status === 'signed');
  return (
    <Section
      title={t('portal.drafts')}
      description={t('portal.draftsDescription', {
        rounds: engagement.policy.revisionRounds,
        hours: engagement.policy.feedbackTurnaroundHours,
      })}
    >
      {awaiting ? (
        <p className="cr-due">
          <ClockIcon className="cr-due-icon" />
          <span>{t('portal.feedbackBy', { when: when(latest.feedbackDueAt) })}</span>
          {Date.parse(latest.feedbackDueAt) > now.getTime() ? (
            <span className="cr-countdown">
              {t('approvals.dueIn', {
                duration: formatDuration(t, (Date.parse(latest.feedbackDueAt) - now.getTime()) / 60_000),
              })}
            </span>
          ) : null}
        </p>
      ) : null}
      {!awaiting && !closed && unsigned ? <p className="muted">{t('portal.submit.afterSigning')}</p> : null}
      {!awaiting && !closed && !unsigned ? (
        <SubmitDraft engagement={engagement} nextRound={(latest?.round ?? 0) + 1} />
      ) : null}
      {rounds.length ? (
        <ol className="cr-rounds">
          {rounds.map((submission: Submission) => (
            <li key={submission.id} className="cr-round" data-round={submission.round}>
              <div className="cr-round-head">
                <span className="cr-round-title">
                  {roundText(t, submission.round, engagement.policy.revisionRounds)}
                </span>
                {submission.decision === 'approved' ? (
                  <Badge tone="success">{t('approvals.decision.approved')}</Badge>
                ) : null}
                {submission.decision === 'changes_requested' ? (
                  <Badge tone="accent">{t('approvals.decision.changes_requested')}</Badge>
                ) : null}
                {!submission.decision ? <Badge tone="warning">{t('portal.withTeam')}</Badge> : null}
                <span className="cr-round-when">
                  {t('approvals.submittedAt', { when: when(submission.submittedAt) })}
                </span>
              </div>
              <DraftLink submission={submission} />
              {submission.note ? <p className="cr-round-note">{submission.note}</p> : null}
              {submission.decision && submission.feedback ? (
                <div className="cr-feedback">
                  <p className="cr-feedback-meta">
                    {t('portal.feedbackFromTeam')}
                    {submission.feedbackAt ? ` · ${when(submission.feedbackAt)}` : ''}
                  </p>
                  <p className="cr-feedback-text">{submission.feedback}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

function SubmitDraft({ engagement, nextRound }: { engagement: PortalEngagement; nextRound: number }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'link' | 'file'>('link');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const fileId = useId();
  const submit = useMutation({
    mutationFn: () => {
      if (mode === 'link') return submitPortalLink(engagement.id, { url: url.trim(), note });
      const path = `/api/portal/engagements/${engagement.id}/submissions`;
      const picked = file as File;
      return sendRaw<Submission>(path, picked, uploadTypeOf(picked) ?? picked.type, locale, {
        'x-file-name': encodeURIComponent(picked.name),
      });
    },
    onSuccess: () => {
      setUrl('');
      setNote('');
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: creatorKeys.portal });
    },
  });

  const choose = (picked: File | null) => {
    submit.reset();
    setError(undefined);
    setFile(null);
    if (!picked) return;
    if (!uploadTypeOf(picked)) {
      setError(t('portal.upload.typeNotAllowed'));
      return;
    }
    if (picked.size > UPLOAD_LIMIT_BYTES) {
      setError(t('portal.upload.tooLarge', { size: fileSize(t, UPLOAD_LIMIT_BYTES, locale) }));
      return;
    }
    setFile(picked);
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'link' && !/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(t('portal.submit.urlInvalid'));
      return;
    }
    if (mode === 'file' && !file) {
      setError(t('portal.upload.choose'));
      return;
    }
    setError(undefined);
    submit.mutate();
  };

  return (
    <form className="cr-submit" onSubmit={send} noValidate aria-label={t('portal.submit.title')}>
      <div className="cr-submit-head">
        <h3 className="cr-subtitle">{t('portal.submit.titleRound', { round: nextRound })}</h3>
        <fieldset className="cr-segmented">
          <legend className="visually-hidden">{t('portal.submit.kind')}</legend>
          <button
            type="button"
            className="cr-segment"
            aria-pressed={mode === 'link'}
            onClick={() => {
              setMode('link');
              setError(undefined);
            }}
          >
            <LinkIcon width={15} height={15} />
            {t('portal.submit.link')}
          </button>
          <button
            type="button"
            className="cr-segment"
            aria-pressed={mode === 'file'}
            onClick={() => {
              setMode('file');
              setError(undefined);
            }}
          >
            <FileIcon width={15} height={15} />
            {t('portal.submit.file')}
          </button>
        </fieldset>
      </div>
      <ErrorAlert error={submit.error} />
      {mode === 'link' ? (
        <>
          <Field label={t('portal.submit.url')} hint={t('portal.submit.urlHint')} error={error}>
            {(control) => (
              <TextInput
                {...control}
                type="url"
                value={url}
                placeholder="https://"
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('portal.submit.note')} optional>
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                value={note}
                placeholder={t('portal.submit.notePlaceholder')}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : (
        <div className="field">
          <label className="cr-dropzone" htmlFor={fileId}>
            <FileIcon width={22} height={22} />
            <span className="cr-dropzone-text">
              {file ? (
                <>
                  <strong>{file.name}</strong> · {fileSize(t, file.size, locale)}
                </>
              ) : (
                t('portal.upload.pick')
              )}
            </span>
            <span className="cr-dropzone-hint">
              {t('portal.upload.limits', { size: fileSize(t, UPLOAD_LIMIT_BYTES, locale) })}
            </span>
            <input
              id={fileId}
              type="file"
              className="cr-file-input"
              accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime,application/pdf,.jpg,.jpeg,.png,.webp,.mp4,.mov,.pdf"
              aria-label={t('portal.upload.label')}
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          </label>
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={submit.isPending}>
          {t('portal.submit.submit')}
        </Button>
      </div>
    </form>
  );
}

function PortalBrief({ engagement }: { engagement: PortalEngagement }) {
  const t = useT();
  const brief = engagement.brief;
  if (!brief) {
    return (
      <Section title={t('portal.brief')}>
        <p className="muted">{t('portal.briefNone')}</p>
      </Section>
    );
  }
  const fixed = brief.items.filter((i) => i.scope === 'fixed');
  const vary = brief.items.filter((i) => i.scope === 'may_vary');
  return (
    <Section title={t('portal.brief')} description={t('portal.briefVersion', { version: brief.version })}>
      {brief.text ? <p className="cr-brief-text">{brief.text}</p> : null}
      <div className="cr-guardrails">
        <div className="cr-guardrail-col">
          <h3 className="cr-subtitle">{t('portal.fixed')}</h3>
          <p className="field-hint">{t('portal.fixedHint')}</p>
          <ul className="cr-guardrail-list">
            {fixed.map((item) => (
              <li key={item.text} className="cr-guardrail cr-guardrail-fixed">
                <p>{item.text}</p>
                {item.marketNote ? (
                  <p className="cr-market-note">{t('portal.marketNote', { note: item.marketNote })}</p>
                ) : null}
              </li>
            ))}
            {fixed.length === 0 ? <li className="muted">—</li> : null}
          </ul>
        </div>
        <div className="cr-guardrail-col">
          <h3 className="cr-subtitle">{t('portal.mayVary')}</h3>
          <p className="field-hint">{t('portal.mayVaryHint')}</p>
          <ul className="cr-guardrail-list">
            {vary.map((item) => (
              <li key={item.text} className="cr-guardrail cr-guardrail-vary">
                <p>{item.text}</p>
                {item.marketNote ? (
                  <p className="cr-market-note">{t('portal.marketNote', { note: item.marketNote })}</p>
                ) : null}
              </li>
            ))}
            {vary.length === 0 ? <li className="muted">—</li> : null}
          </ul>
        </div>
      </div>
    </Section>
  );
}
