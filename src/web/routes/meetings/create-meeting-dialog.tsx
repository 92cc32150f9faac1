import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { createMeeting, insightKeys, type Slot } from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Field, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { navigate } from '../../router/router.tsx';
import { dayLabel, timeRange } from '../../time/format.ts';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { languageName } from '../campaign/market-options.ts';
import type { Person } from './people.ts';

/** Languages a meeting may be held in: the campaign's, then the app's own two. */
export function meetingLanguageOptions(campaignLanguages: string[]): string[] {
  return [...new Set([...campaignLanguages, 'en', 'ru'])];
}

export function LanguageChecks({
  options,
  value,
  onChange,
  label,
}: {
  options: string[];
  value: string[];
  onChange: (next: string[]) => void;
  label: string;
}) {
  const [locale] = useLocale();
  return (
    <fieldset className="mt-checks">
      <legend className="field-label">{label}</legend>
      <div className="mt-checks-row">
        {options.map((code) => (
          <label key={code} className={`mt-check-pill${value.includes(code) ? ' mt-check-pill-on' : ''}`}>
            <input
              type="checkbox"
              checked={value.includes(code)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.filter((c) => c === code || value.includes(c))
                    : value.filter((c) => c !== code),
                )
              }
            />
            {languageName(code, locale)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Side-by-side agenda, one textarea per meeting language. */
export function AgendaColumns({
  languages,
  value,
  onChange,
}: {
  languages: string[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <div
      className="mt-agenda-columns"
      style={{ gridTemplateColumns: `repeat(${Math.max(1, languages.length)}, minmax(0, 1fr))` }}
    >
      {languages.map((code) => (
        <Field
          key={code}
          label={t('meetings.form.agendaIn', { language: languageName(code, locale) })}
          optional
        >
          {(control) => (
            <textarea
              {...control}
              lang={code}
              className="input textarea textarea-sm"
              rows={5}
              value={value[code] ?? ''}
              placeholder={t('meetings.form.agendaPlaceholder')}
              onChange={(event) => onChange({ ...value, [code]: event.target.value })}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

/** Schedules the chosen slot: title, languages, interpreter, a bilingual agenda, the people. */
export function CreateMeetingDialog({
  me,
  slot,
  durationMinutes,
  people,
  onClose,
}: {
  me: User;
  slot: Slot;
  durationMinutes: number;
  people: Person[];
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const options = meetingLanguageOptions(campaign.languages);
  const interpreterGuest = people.find((p) => p.detail === 'interpreter');
  const [title, setTitle] = useState('');
  const [languages, setLanguages] = useState<string[]>(
    campaign.languages.length ? campaign.languages : [locale],
  );
  const [interpreterNeeded, setInterpreterNeeded] = useState(
    campaign.languages.length > 1 || Boolean(interpreterGuest),
  );
  const [interpreterName, setInterpreterName] = useState(interpreterGuest?.name ?? '');
  const [agenda, setAgenda] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () =>
      createMeeting(campaign.id, {
        title: title.trim(),
        start: slot.start,
        durationMinutes,
        participantIds: people.filter((p) => p.kind === 'user').map((p) => p.id),
        externalParticipantIds: people.filter((p) => p.kind === 'external').map((p) => p.id),
        languages,
        interpreter: interpreterNeeded
          ? { needed: true, ...(interpreterName.trim() ? { name: interpreterName.trim() } : {}) }
          : { needed: false },
        agenda: Object.fromEntries(
          languages.filter((code) => agenda[code]?.trim()).map((code) => [code, agenda[code]!.trim()]),
        ),
      }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(insightKeys.meeting(campaign.id, meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: insightKeys.meetings(campaign.id) });
      showToast(t('meetings.created', { title: meeting.title }), 'success');
      onClose();
      navigate(`/campaigns/${campaign.id}/meetings/${meeting.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('common.required');
    if (!languages.length) next.languages = t('meetings.form.languageRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) create.mutate();
  };
  const formId = 'create-meeting-form';
  const end = new Date(Date.parse(slot.start) + durationMinutes * 60_000).toISOString();
  const zones = [...new Set([me.timeZone, ...people.map((p) => p.timeZone)])];

  return (
    <Dialog
      size="lg"
      title={t('meetings.form.createTitle')}
      description={`${dayLabel(slot.start, me.timeZone, locale)}, ${timeRange(slot.start, end, me.timeZone, locale)}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={create.isPending}>
            {t('meetings.form.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <Field label={t('meetings.form.title')} error={errors.title}>
          {(control) => (
            <TextInput
              {...control}
              value={title}
              placeholder={t('meetings.form.titlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
              autoFocus
            />
          )}
        </Field>

        <div className="mt-local-zones">
          {zones.map((zone) => (
            <div key={zone} className="mt-local-zone">
              <span className="mt-local-city">{splitZone(zone, locale).city}</span>
              <span className="mt-local-time">{timeRange(slot.start, end, zone, locale)}</span>
              <span className="mt-local-day">{dayLabel(slot.start, zone, locale)}</span>
            </div>
          ))}
        </div>
        {slot.outside.length ? (
          <div className="alert alert-warning" role="status">
            <p>
              {slot.outside
                .map((o) => t('meetings.form.outsideNote', { name: o.name, minutes: o.minutesOutside }))
                .join(' ')}
            </p>
          </div>
        ) : null}

        <div className="form-row">
          <div className="field">
            <LanguageChecks
              options={options}
              value={languages}
              onChange={setLanguages}
              label={t('meetings.form.languages')}
            />
            {errors.languages ? <p className="field-error">{errors.languages}</p> : null}
          </div>
          <div className="field">
            <label className="mt-check-line">
              <input
                type="checkbox"
                checked={interpreterNeeded}
                onChange={(event) => setInterpreterNeeded(event.target.checked)}
              />
              {t('meetings.form.interpreterNeeded')}
            </label>
            {interpreterNeeded ? (
              <TextInput
                aria-label={t('meetings.form.interpreterName')}
                placeholder={t('meetings.form.interpreterName')}
                value={interpreterName}
                onChange={(event) => setInterpreterName(event.target.value)}
              />
            ) : null}
          </div>
        </div>

        <AgendaColumns languages={languages} value={agenda} onChange={setAgenda} />

        <div className="field">
          <span className="field-label">{t('meetings.form.participants', { count: people.length })}</span>
          <ul className="mt-planner-chips">
            {people.map((person) => (
              <li key={person.key} className="mt-planner-chip">
                <span className="mt-planner-chip-name">{person.name}</span>
                <span className="mt-planner-chip-zone">{person.email ?? t('meetings.noEmail')}</span>
              </li>
            ))}
          </ul>
          <p className="text-sm muted">{t('meetings.form.invitationHint')}</p>
        </div>
      </form>
    </Dialog>
  );
}
