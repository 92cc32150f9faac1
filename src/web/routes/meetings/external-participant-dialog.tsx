import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { createExternalParticipant, type ExternalParticipant, insightKeys } from '../../api/insights.ts';
import { DateInput } from '../../components/date-input.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { TimeZonePicker } from '../../components/time-zone-picker.tsx';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { browserTimeZone } from '../../time/zones.ts';
import { languageName } from '../campaign/market-options.ts';

const KINDS = ['creator', 'stakeholder', 'interpreter', 'other'] as const;

/** Someone without an account who joins meetings: a name, a zone and working hours. */
export function ExternalParticipantDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (participant: ExternalParticipant) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('creator');
  const [language, setLanguage] = useState(locale);
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [workStart, setWorkStart] = useState('09:00');
  const [workEnd, setWorkEnd] = useState('18:00');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () =>
      createExternalParticipant({
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        kind,
        language,
        timeZone,
        workStart,
        workEnd,
      }),
    onSuccess: (participant) => {
      void queryClient.invalidateQueries({ queryKey: insightKeys.externals });
      onCreated(participant);
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('common.required');
    if (!(workEnd > workStart)) next.workEnd = t('meetings.hours.endBeforeStart');
    setErrors(next);
    if (Object.keys(next).length) return;
    create.mutate();
  };
  const formId = 'external-participant-form';

  return (
    <Dialog
      title={t('planner.external.title')}
      description={t('planner.external.description')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={create.isPending}>
            {t('planner.external.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <div className="form-row">
          <Field label={t('planner.external.name')} error={errors.name}>
            {(control) => <TextInput {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('planner.external.email')} optional error={errors.email}>
            {(control) => (
              <TextInput {...control} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('planner.external.kind')}>
            {(control) => (
              <Select
                {...control}
                value={kind}
                onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`planner.kind.${k}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('planner.external.language')}>
            {(control) => (
              <Select
                {...control}
                value={language}
                onChange={(e) => setLanguage(e.target.value as typeof language)}
              >
                {(['en', 'ru'] as const).map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field label={t('common.timeZone')} error={errors.timeZone}>
          {(control) => <TimeZonePicker {...control} value={timeZone} onChange={setTimeZone} />}
        </Field>
        <div className="form-row">
          <Field label={t('planner.external.workStart')}>
            {(control) => (
              <DateInput {...control} kind="time" value={workStart} onChange={(v) => setWorkStart(v)} />
            )}
          </Field>
          <Field
            label={t('planner.external.workEnd')}
            error={errors.workEnd}
            hint={t('planner.external.hoursHint')}
          >
            {(control) => (
              <DateInput {...control} kind="time" value={workEnd} onChange={(v) => setWorkEnd(v)} />
            )}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
