import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { createTask, TASK_STATUSES, type TaskStatus, trackerKeys } from '../../api/tracker.ts';
import type { TeamMember, User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { marketZones } from '../../time/zones.ts';
import {
  type Disambiguation,
  DstChoice,
  isDstError,
  LocalTimeField,
  type LocalTimeValue,
  toInstantInput,
  zoneChoices,
} from './local-time.tsx';
import { applyServerTask } from './task-cache.ts';

export const parseLabels = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((label) => label.trim())
      .filter(Boolean),
  ),
];

/** People who can own a task (everyone but external creators and deactivated accounts). */
export const assignable = (users: readonly TeamMember[] | undefined) =>
  (users ?? [])
    .filter((user) => user.role !== 'creator' && user.active)
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * Quick create: title, owner, market, status, due (a local date and time in a chosen zone: the
 * market's by default, else the viewer's), labels. A time the clocks skip or repeat is refused by
 * the server; the dialog then offers the earlier or the later instant.
 */
export function TaskCreateDialog({
  campaign,
  me,
  users,
  initialStatus,
  onClose,
}: {
  campaign: Campaign;
  me: User;
  users: TeamMember[] | undefined;
  initialStatus: TaskStatus;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const people = assignable(users);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(me.id);
  const [marketCode, setMarketCode] = useState('');
  const [status, setStatus] = useState<TaskStatus>(initialStatus);
  const [labels, setLabels] = useState('');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState<LocalTimeValue>({ date: '', time: '18:00', zone: me.timeZone });
  const [zoneTouched, setZoneTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [titleError, setTitleError] = useState<string | undefined>();

  const zoneOf = (code: string) =>
    campaign.markets.find((market) => market.code === code)?.timeZone ?? me.timeZone;

  const submit = async (disambiguation?: Disambiguation) => {
    if (!title.trim()) {
      setTitleError(t('common.required'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const task = await createTask(campaign.id, {
        title: title.trim(),
        ownerId,
        marketCode: marketCode || null,
        status,
        labels: parseLabels(labels),
        ...(description.trim() ? { description } : {}),
        ...(due.date && due.time ? { dueAt: toInstantInput(due, disambiguation) } : {}),
      });
      applyServerTask(queryClient, campaign.id, task);
      void queryClient.invalidateQueries({ queryKey: trackerKeys.lists(campaign.id) });
      void queryClient.invalidateQueries({ queryKey: trackerKeys.myTasks });
      showToast(t('tracker.create.created', { number: task.number, title: task.title }), 'success');
      onClose();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.fieldErrors.title) setTitleError(caught.fieldErrors.title);
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <Dialog
      title={t('tracker.create.title')}
      description={campaign.name}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <span className="tk-dialog-footer-hint">{t('tracker.create.submitHint')}</span>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form="task-create-form" pending={pending}>
            {t('tracker.create.submit')}
          </Button>
        </>
      }
    >
      <form
        id="task-create-form"
        className="form"
        onSubmit={onSubmit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        noValidate
      >
        <Field label={t('tracker.field.title')} error={titleError}>
          {(control) => (
            <TextInput
              {...control}
              autoFocus
              value={title}
              maxLength={300}
              placeholder={t('tracker.create.titlePlaceholder')}
              onChange={(event) => {
                setTitle(event.target.value);
                setTitleError(undefined);
              }}
            />
          )}
        </Field>
        <div className="form-row form-row-3">
          <Field label={t('tracker.field.owner')}>
            {(control) => (
              <Select {...control} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
                {people.some((person) => person.id === me.id) ? null : (
                  <option value={me.id}>{me.name}</option>
                )}
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('tracker.field.market')}>
            {(control) => (
              <Select
                {...control}
                value={marketCode}
                onChange={(event) => {
                  setMarketCode(event.target.value);
                  if (!zoneTouched) setDue((current) => ({ ...current, zone: zoneOf(event.target.value) }));
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
          <Field label={t('tracker.field.status')}>
            {(control) => (
              <Select
                {...control}
                value={status}
                onChange={(event) => setStatus(event.target.value as TaskStatus)}
              >
                {TASK_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`tracker.status.${value}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <LocalTimeField
          legend={t('tracker.field.due')}
          value={due}
          onChange={(value) => {
            if (value.zone !== due.zone) setZoneTouched(true);
            setDue(value);
            setError(null);
          }}
          zones={zoneChoices(t, locale, campaign.markets, me.timeZone, due.zone)}
          previewZones={marketZones(campaign.markets)}
          hint={t('tracker.create.dueHint')}
        />
        <Field label={t('tracker.field.labels')} optional hint={t('tracker.create.labelsHint')}>
          {(control) => (
            <TextInput
              {...control}
              value={labels}
              placeholder={t('tracker.create.labelsPlaceholder')}
              onChange={(event) => setLabels(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('tracker.field.description')} optional hint={t('tracker.detail.markdownHint')}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea textarea-sm"
              rows={2}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
        {isDstError(error) ? (
          <DstChoice error={error} value={due} pending={pending} onChoose={(choice) => void submit(choice)} />
        ) : error && !(error instanceof ApiError && error.fieldErrors.title) ? (
          <ErrorAlert error={error} />
        ) : null}
      </form>
    </Dialog>
  );
}
