import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import {
  createMilestone,
  MILESTONE_KINDS_LIST,
  type Milestone,
  type MilestoneKind,
  trackerKeys,
  updateMilestone,
} from '../../api/tracker.ts';
import type { User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { localParts, zonedLabel } from '../../time/format.ts';
import { marketZones } from '../../time/zones.ts';
import { ItemEscalations } from '../escalations/bits.tsx';
import { HistoryLink } from '../history-link.tsx';
import {
  type Disambiguation,
  DstChoice,
  isDstError,
  LocalTimeField,
  type LocalTimeValue,
  toInstantInput,
  zoneChoices,
} from './local-time.tsx';

interface Attempt {
  disambiguation?: Disambiguation;
  confirm?: boolean;
  version?: number;
}

/**
 * Add or edit a milestone: title, kind, market and a local time in a zone (the market's by
 * default). A DST gap or overlap asks "earlier or later"; a go-live that would stretch the launch
 * window past its limit asks for confirmation ("Save anyway") before it is saved and flagged.
 */
export function MilestoneDialog({
  campaign,
  me,
  milestone,
  onClose,
}: {
  campaign: Campaign;
  me: User;
  milestone?: Milestone;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const zoneOf = (code: string) =>
    campaign.markets.find((market) => market.code === code)?.timeZone ?? me.timeZone;
  const initialWhen: LocalTimeValue = milestone
    ? { ...localParts(milestone.at, milestone.timeZone), zone: milestone.timeZone }
    : { date: '', time: '10:00', zone: me.timeZone };
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [kind, setKind] = useState<MilestoneKind>(milestone?.kind ?? 'go_live');
  const [marketCode, setMarketCode] = useState(milestone?.marketCode ?? '');
  const [when, setWhen] = useState<LocalTimeValue>(initialWhen);
  const [zoneTouched, setZoneTouched] = useState(Boolean(milestone));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [windowWarning, setWindowWarning] = useState<{ error: ApiError; attempt: Attempt } | null>(null);
  const [conflict, setConflict] = useState<Milestone | null>(null);

  const whenChanged =
    !milestone ||
    when.date !== initialWhen.date ||
    when.time !== initialWhen.time ||
    when.zone !== initialWhen.zone;

  const submit = async (attempt: Attempt = {}) => {
    if (!title.trim()) {
      setTitleError(t('common.required'));
      return;
    }
    if (!when.date || !when.time) {
      setError(new ApiError(400, 'required', t('timeline.whenRequired')));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const body = {
        title: title.trim(),
        kind,
        marketCode: marketCode || null,
        ...(attempt.confirm ? { confirmOutsideWindow: true } : {}),
      };
      // A new milestone always has its time; an edit sends it only when it changed.
      const saved = milestone
        ? await updateMilestone(milestone.id, {
            ...body,
            ...(whenChanged ? { at: toInstantInput(when, attempt.disambiguation) } : {}),
            version: attempt.version ?? milestone.version,
          })
        : await createMilestone(campaign.id, { ...body, at: toInstantInput(when, attempt.disambiguation) });
      void queryClient.invalidateQueries({ queryKey: trackerKeys.timeline(campaign.id) });
      showToast(
        milestone
          ? t('timeline.saved', { title: saved.title })
          : t('timeline.created', { title: saved.title }),
        'success',
      );
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'launch_window_exceeded') {
        setWindowWarning({ error: caught, attempt });
      } else if (caught instanceof ApiError && caught.code === 'version_conflict') {
        setConflict((caught.details as { current?: Milestone } | undefined)?.current ?? null);
        setError(caught);
      } else {
        setError(caught);
        if (caught instanceof ApiError && caught.fieldErrors.title) setTitleError(caught.fieldErrors.title);
      }
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <>
      <Dialog
        title={milestone ? t('timeline.editTitle') : t('timeline.addTitle')}
        description={campaign.name}
        onClose={onClose}
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" type="submit" form="milestone-form" pending={pending}>
              {milestone ? t('common.saveChanges') : t('timeline.add')}
            </Button>
          </>
        }
      >
        <form id="milestone-form" className="form" onSubmit={onSubmit} noValidate>
          <Field label={t('timeline.field.title')} error={titleError}>
            {(control) => (
              <TextInput
                {...control}
                autoFocus
                maxLength={200}
                value={title}
                placeholder={t('timeline.titlePlaceholder')}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setTitleError(undefined);
                }}
              />
            )}
          </Field>
          <div className="form-row">
            <Field label={t('timeline.field.kind')}>
              {(control) => (
                <Select
                  {...control}
                  value={kind}
                  onChange={(event) => setKind(event.target.value as MilestoneKind)}
                >
                  {MILESTONE_KINDS_LIST.map((value) => (
                    <option key={value} value={value}>
                      {t(`timeline.kind.${value}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t('timeline.field.market')}>
              {(control) => (
                <Select
                  {...control}
                  value={marketCode}
                  onChange={(event) => {
                    setMarketCode(event.target.value);
                    if (!zoneTouched)
                      setWhen((current) => ({ ...current, zone: zoneOf(event.target.value) }));
                  }}
                >
                  <option value="">{t('tracker.market.all')}</option>
                  {campaign.markets.map((market) => (
                    <option key={market.code} value={market.code}>
                      {market.code} · {marketName(market, locale)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <LocalTimeField
            legend={t('timeline.field.when')}
            value={when}
            onChange={(value) => {
              if (value.zone !== when.zone) setZoneTouched(true);
              setWhen(value);
              setError(null);
            }}
            zones={zoneChoices(t, locale, campaign.markets, me.timeZone, when.zone)}
            previewZones={marketZones(campaign.markets)}
            required
          />
          {isDstError(error) ? (
            <DstChoice
              error={error}
              value={when}
              pending={pending}
              onChoose={(choice) => void submit({ disambiguation: choice })}
            />
          ) : conflict ? (
            <div className="alert alert-warning" role="alert">
              <AlertIcon className="alert-icon" />
              <div className="tk-task-conflict-body">
                <p>{(error as ApiError).message}</p>
                <p className="muted">
                  {t('timeline.conflictNow', {
                    title: conflict.title,
                    when:
                      Object.values(conflict.local).map((shown) => zonedLabel(shown, locale))[0] ??
                      conflict.at,
                  })}
                </p>
                <div className="tk-task-conflict-actions">
                  <Button
                    size="sm"
                    variant="primary"
                    onClick={() => {
                      setConflict(null);
                      void submit({ version: conflict.version });
                    }}
                  >
                    {t('tracker.conflict.reapply')}
                  </Button>
                  <Button size="sm" onClick={onClose}>
                    {t('tracker.conflict.keepTheirs')}
                  </Button>
                </div>
              </div>
            </div>
          ) : error ? (
            <ErrorAlert error={error} />
          ) : null}
        </form>
        {milestone ? (
          <HistoryLink
            entityType="milestone"
            entityId={milestone.id}
            campaignId={campaign.id}
            label={milestone.title}
          />
        ) : null}
        {milestone ? (
          <ItemEscalations
            campaignId={campaign.id}
            entityType="milestone"
            entityId={milestone.id}
            label={milestone.title}
          />
        ) : null}
      </Dialog>
      {windowWarning ? (
        <Dialog
          title={t('timeline.window.warningTitle')}
          onClose={() => setWindowWarning(null)}
          footer={
            <>
              <Button onClick={() => setWindowWarning(null)}>{t('timeline.window.goBack')}</Button>
              <Button
                variant="danger"
                pending={pending}
                onClick={() => {
                  const attempt = windowWarning.attempt;
                  setWindowWarning(null);
                  void submit({ ...attempt, confirm: true });
                }}
              >
                {t('timeline.window.saveAnyway')}
              </Button>
            </>
          }
        >
          <div className="alert alert-warning" role="alert">
            <AlertIcon className="alert-icon" />
            <p>{windowWarning.error.message}</p>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
