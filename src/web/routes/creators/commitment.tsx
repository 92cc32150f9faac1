import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatInZones, parseLocalTime } from '../../../shared/time/index.ts';
import { ApiError } from '../../api/client.ts';
import { type Engagement, updateEngagement } from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { DateInput } from '../../components/date-input.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { Button, ErrorAlert, Field, TextInput } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { splitZone } from '../../time/zones.ts';
import { Modal, Section, Textarea } from './bits.tsx';
import { refreshEngagement, useConflict } from './conflict.ts';
import './commitment.css';

// The commitment gate and the actual go-live on the engagement screens: the post (link and the
// time it went live, typed in the creator's zone), the dialog the server's 409
// `agreement_not_signed` opens, and what the engagement shows of both (the post, the override,
// the respond-by date and the flags).

export const isGateRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 409 && error.code === 'agreement_not_signed';

/** `YYYY-MM-DDTHH:mm` of an instant in a zone, for a `datetime-local` input. */
export function localInputValue(instant: string | Date, zone: string): string {
  const [display] = formatInZones(instant, [zone], 'en');
  return display ? `${display.date}T${display.time}` : '';
}

/** The instant a typed local time stands for in the zone, or null when it is not a time there. */
function instantOf(local: string, zone: string): string | null {
  const parsed = parseLocalTime(local, zone, 'earlier');
  return parsed.ok ? parsed.instant : null;
}

export interface PostDraft {
  url: string;
  local: string;
}

export const newPostDraft = (zone: string): PostDraft => ({
  url: '',
  local: localInputValue(new Date(), zone),
});

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

/** Field errors of a post as the form shows them before asking the server (which checks again). */
export function checkPost(t: Translate, draft: PostDraft, zone: string) {
  const errors: { url?: string; at?: string } = {};
  if (!HTTP_URL.test(draft.url.trim())) errors.url = t('commitUi.post.urlInvalid');
  const at = draft.local ? instantOf(draft.local, zone) : null;
  if (!at) errors.at = t('commitUi.post.atRequired');
  else if (new Date(at).getTime() > Date.now() + 60_000) errors.at = t('commitUi.post.atFuture');
  return errors;
}

/** The body fields of a post: the link, and the time as typed in the creator's zone. */
export const postBody = (draft: PostDraft, zone: string) => ({
  postUrl: draft.url.trim(),
  postedAt: { local: draft.local, timeZone: zone, disambiguation: 'earlier' as const },
});

/** Link to the post and when it went live, in the creator's zone (now by default). */
export function PostFields({
  draft,
  onChange,
  zone,
  errors,
}: {
  draft: PostDraft;
  onChange: (draft: PostDraft) => void;
  zone: string;
  errors: { url?: string | undefined; at?: string | undefined };
}) {
  const t = useT();
  const [locale] = useLocale();
  const abbreviation = formatInZones(new Date(), [zone], locale)[0]?.abbreviation ?? zone;
  return (
    <div className="cr-cm-post-fields">
      <Field label={t('commitUi.post.url')} hint={t('commitUi.post.urlHint')} error={errors.url}>
        {(control) => (
          <TextInput
            {...control}
            type="url"
            inputMode="url"
            name="postUrl"
            placeholder="https://"
            value={draft.url}
            onChange={(e) => onChange({ ...draft, url: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('commitUi.post.at', { zone: abbreviation })}
        hint={t('commitUi.post.atHint', { city: splitZone(zone, locale).city })}
        error={errors.at}
      >
        {(control) => (
          <DateInput
            {...control}
            kind="datetime"
            name="postedAt"
            value={draft.local}
            max={localInputValue(new Date(), zone)}
            onChange={(v) => onChange({ ...draft, local: v })}
          />
        )}
      </Field>
    </div>
  );
}

/**
 * The server refused a move past the signature gate (409 `agreement_not_signed`): say why, and
 * offer to go ahead with a reason (sent as `override: {reason}`, audited, shown on the engagement).
 */
export function GateDialog({
  name,
  status,
  pending,
  error,
  onOverride,
  onClose,
}: {
  name: string;
  status: string;
  pending: boolean;
  error: unknown;
  onOverride: (reason: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setInvalid(t('commitUi.gate.reasonShort'));
      return;
    }
    setInvalid(undefined);
    onOverride(reason.trim());
  };
  return (
    <Modal
      title={t('commitUi.gate.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('commitUi.gate.back')}</Button>
          <Button type="submit" form={formId} variant="danger" pending={pending}>
            {t('commitUi.gate.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate data-testid="gate-dialog">
        <div className="alert alert-warning" role="alert">
          <AlertIcon className="alert-icon" />
          <div>
            <p>{t('commitUi.gate.text', { name, status })}</p>
            <p>{t('commitUi.gate.ask')}</p>
          </div>
        </div>
        {isGateRefusal(error) ? null : <ErrorAlert error={error} />}
        <Field label={t('commitUi.gate.override')} hint={t('commitUi.gate.reasonHint')} error={invalid}>
          {(control) => (
            <Textarea
              {...control}
              name="overrideReason"
              value={reason}
              placeholder={t('commitUi.gate.reason')}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          )}
        </Field>
      </form>
    </Modal>
  );
}

/** Above the engagement: went live unsigned (loud, red) and respond-by passed (a warning). */
export function CommitmentBanners({ engagement, me }: { engagement: Engagement; me: User }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <>
      {engagement.flags.includes('went_live_unsigned') ? (
        <div className="alert alert-error cr-cm-loud" role="alert" data-flag="went_live_unsigned">
          <AlertIcon className="alert-icon" />
          <div>
            <p className="alert-title cr-cm-loud-title">{t('commitUi.flag.wentLiveBanner')}</p>
            <p>{t('commitUi.flag.wentLiveText')}</p>
          </div>
        </div>
      ) : null}
      {engagement.flags.includes('respond_by_passed') && engagement.respondBy ? (
        <div className="alert alert-warning" role="status" data-flag="respond_by_passed">
          <AlertIcon className="alert-icon" />
          <p>
            {t('commitUi.flag.respondByBanner', {
              when: zoneLabels(engagement.respondBy, engagement.creator.timeZone, me.timeZone, locale),
            })}
          </p>
        </div>
      ) : null}
    </>
  );
}

/** `5 Mar 18:00 MSK · 5 Mar 10:00 EST`: the creator's zone first, the reader's beside it. */
function zoneLabels(instant: string, creatorZone: string, readerZone: string, locale: 'en' | 'ru') {
  const zones = creatorZone === readerZone ? [creatorZone] : [creatorZone, readerZone];
  return formatInZones(instant, zones, locale)
    .map((display) => display.label)
    .join(' · ');
}

/** The commitment facts: respond-by (editable), an override of the gate, and the recorded post. */
export function CommitmentSection({
  engagement,
  me,
  canEdit,
}: {
  engagement: Engagement;
  me: User;
  canEdit: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const zone = engagement.creator.timeZone;
  const post = engagement.post;
  const postBy = !post
    ? ''
    : post.source === 'portal'
      ? t('commitUi.post.byPortal')
      : post.source === 'import'
        ? t('commitUi.post.byImport')
        : post.by?.name
          ? t('commitUi.post.byTeam', { name: post.by.name })
          : t('commitUi.post.byTeamUnknown');
  return (
    <Section title={t('commitUi.section')}>
      <dl className="cr-cm-facts">
        <div data-testid="engagement-post">
          <dt>{t('commitUi.post.wentLive')}</dt>
          <dd>
            {post ? (
              <>
                <a href={post.url} target="_blank" rel="noreferrer noopener" className="cr-cm-post-link">
                  {t('commitUi.post.open')} ↗
                </a>
                <span className="cr-cm-time">
                  {formatInZones(post.postedAt, [zone], locale)[0]?.label}{' '}
                  <span className="muted">({t('commitUi.post.creatorZone')})</span>
                </span>
                {zone === me.timeZone ? null : (
                  <span className="cr-cm-time">
                    {formatInZones(post.postedAt, [me.timeZone], locale)[0]?.label}{' '}
                    <span className="muted">({t('commitUi.post.yourZone')})</span>
                  </span>
                )}
                <span className="muted cr-cm-by">{postBy}</span>
              </>
            ) : (
              <span className="muted">{t('commitUi.post.none')}</span>
            )}
          </dd>
        </div>
        <RespondBy engagement={engagement} me={me} canEdit={canEdit} />
        {engagement.override ? (
          <div className="cr-cm-override" data-testid="engagement-override">
            <dt>{t('commitUi.override.title')}</dt>
            <dd>
              <q>{engagement.override.reason}</q>
              <span className="muted">
                {t('commitUi.override.by', {
                  name: engagement.override.by.name,
                  when: formatInZones(engagement.override.at, [me.timeZone], locale)[0]?.label ?? '',
                })}
              </span>
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}

/** The offer's respond-by date, shown in the creator's zone and the reader's, changed in place. */
function RespondBy({ engagement, me, canEdit }: { engagement: Engagement; me: User; canEdit: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const zone = engagement.creator.timeZone;
  const [editing, setEditing] = useState(false);
  const [local, setLocal] = useState('');
  const { conflict, clear, handle } = useConflict(engagement.campaignId, engagement.id);
  const save = useMutation({
    mutationFn: (value: string | null) =>
      updateEngagement(engagement.id, {
        version: engagement.version,
        respondBy: value ? { local: value, timeZone: zone, disambiguation: 'earlier' } : null,
      }),
    onSuccess: async () => {
      await refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      setEditing(false);
    },
    onError: (failure) => void handle(failure),
  });
  const start = () => {
    clear();
    save.reset();
    setLocal(engagement.respondBy ? localInputValue(engagement.respondBy, zone) : '');
    setEditing(true);
  };
  return (
    <div data-testid="respond-by">
      <dt>{t('commitUi.respondBy.label')}</dt>
      <dd>
        {editing ? (
          <form
            className="cr-cm-respond-form"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(local || null);
            }}
          >
            {conflict ? null : <ErrorAlert error={save.error} />}
            <RespondByInput value={local} onChange={setLocal} zone={zone} />
            <span className="cr-cm-actions">
              <Button size="sm" variant="primary" type="submit" pending={save.isPending}>
                {t('commitUi.respondBy.save')}
              </Button>
              {engagement.respondBy ? (
                <Button size="sm" variant="ghost" onClick={() => save.mutate(null)}>
                  {t('commitUi.respondBy.clear')}
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                {t('commitUi.respondBy.cancel')}
              </Button>
            </span>
          </form>
        ) : (
          <>
            <span className={engagement.flags.includes('respond_by_passed') ? 'cr-cm-passed' : undefined}>
              {engagement.respondBy
                ? zoneLabels(engagement.respondBy, zone, me.timeZone, locale)
                : t('commitUi.respondBy.none')}
            </span>
            {canEdit ? (
              <Button size="sm" variant="ghost" onClick={start}>
                {engagement.respondBy ? t('commitUi.respondBy.edit') : t('commitUi.respondBy.set')}
              </Button>
            ) : null}
          </>
        )}
      </dd>
    </div>
  );
}

/** A respond-by date typed in the creator's zone (its abbreviation and city in the hint). */
export function RespondByInput({
  value,
  onChange,
  zone,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  zone: string;
  label?: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Field
      label={label ?? t('commitUi.respondBy.label')}
      hint={t('commitUi.respondBy.hint', { city: splitZone(zone, locale).city })}
      optional
    >
      {(control) => (
        <DateInput
          {...control}
          kind="datetime"
          name="respondBy"
          value={value}
          onChange={(v) => onChange(v)}
        />
      )}
    </Field>
  );
}
