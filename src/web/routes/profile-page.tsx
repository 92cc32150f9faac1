import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { changePassword, updateProfile } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { keys } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { TimeZonePicker } from '../components/time-zone-picker.tsx';
import {
  Badge,
  Button,
  Card,
  ErrorAlert,
  Field,
  PageHeader,
  PasswordInput,
  TextInput,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { roleLabel } from '../labels.ts';
import { Link } from '../router/router.tsx';
import { describeZone } from '../time/zones.ts';
import { checkAccountFields, hasErrors, MIN_PASSWORD_LENGTH, useFieldErrors } from './forms.ts';
import { SETTINGS_PATH } from './notifications/bell.tsx';

function useNow(intervalMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function ProfilePage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  useDocumentTitle(t('nav.profile'));
  const now = useNow();
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [errors, setErrors, clearError] = useFieldErrors();
  const [savedAt, setSavedAt] = useState<number | null>(null);

  const dirty = name.trim() !== me.name || timeZone !== me.timeZone;
  const save = useMutation({
    mutationFn: () => updateProfile({ name: name.trim(), timeZone }),
    onSuccess: (user) => {
      queryClient.setQueryData(keys.me, user);
      setErrors({});
      setSavedAt(Date.now());
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  // The "Saved" note fades once the form changes again.
  useEffect(() => {
    if (dirty) setSavedAt(null);
  }, [dirty]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('common.required') });
      return;
    }
    save.mutate();
  };

  const zone = describeZone(timeZone, locale, now);

  return (
    <>
      <PageHeader title={t('nav.profile')} description={t('profile.description')} />
      <div className="stack-lg">
        <Card title={t('profile.detailsTitle')}>
          <form className="form" onSubmit={submit} noValidate>
            <ErrorAlert error={save.error} />
            <div className="form-row">
              <Field label={t('common.name')} error={errors.name}>
                {(control) => (
                  <TextInput
                    {...control}
                    value={name}
                    onChange={(e) => {
                      setName(e.target.value);
                      clearError('name');
                    }}
                    autoComplete="name"
                  />
                )}
              </Field>
              <Field label={t('common.email')} hint={t('profile.emailHint')}>
                {(control) => <TextInput {...control} value={me.email} readOnly />}
              </Field>
            </div>
            <Field
              label={t('common.timeZone')}
              hint={zone ? t('profile.timeZoneHint', { time: zone.time, offset: zone.short }) : undefined}
              error={errors.timeZone}
            >
              {(control) => (
                <TimeZonePicker
                  {...control}
                  value={timeZone}
                  onChange={(zone) => {
                    setTimeZone(zone);
                    clearError('timeZone');
                  }}
                />
              )}
            </Field>
            <div className="form-actions">
              {savedAt ? (
                <span className="saved-note" role="status">
                  {t('profile.saved')}
                </span>
              ) : null}
              <Button type="submit" variant="primary" pending={save.isPending} disabled={!dirty}>
                {save.isPending ? t('common.saving') : t('common.saveChanges')}
              </Button>
            </div>
          </form>
        </Card>

        <PasswordCard />

        <Card title={t('profile.languageTitle')} description={t('profile.languageText')}>
          <LanguageSwitcher />
        </Card>

        <Card title={t('inbox.profile.title')} description={t('inbox.profile.text')}>
          <Link to={SETTINGS_PATH} className="button button-secondary">
            {t('inbox.settingsLink')}
          </Link>
        </Card>

        <Card title={t('profile.accessTitle')} description={t('profile.accessText')}>
          <dl className="facts">
            <div>
              <dt>{t('profile.role')}</dt>
              <dd>
                <Badge tone="accent">{roleLabel(t, me.role)}</Badge>
              </dd>
            </div>
            <div>
              <dt>{t('profile.markets')}</dt>
              <dd className="chips">
                {me.markets.length > 0 ? (
                  me.markets.map((code) => <Badge key={code}>{code}</Badge>)
                ) : (
                  <span className="muted">{t('profile.noMarkets')}</span>
                )}
              </dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}

/** Change your password: the current one is checked; your other sessions end, this one stays. */
function PasswordCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors();
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setErrors({});
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'wrong_password') setErrors({ currentPassword: error.message });
      else setErrors(error.fieldErrors);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found = checkAccountFields(t, { password: next });
    const nextErrors = {
      currentPassword: current ? undefined : t('common.required'),
      newPassword: found.password,
    };
    setErrors(nextErrors);
    if (!hasErrors(nextErrors)) change.mutate();
  };
  return (
    <Card title={t('profile.passwordTitle')} description={t('profile.passwordText')}>
      <form className="form" onSubmit={submit} noValidate aria-label={t('profile.passwordTitle')}>
        <ErrorAlert
          error={
            change.error instanceof ApiError && change.error.code === 'wrong_password' ? null : change.error
          }
        />
        <div className="form-row">
          <Field label={t('profile.currentPassword')} error={errors.currentPassword}>
            {(control) => (
              <PasswordInput
                {...control}
                value={current}
                onChange={(e) => {
                  setCurrent(e.target.value);
                  clearError('currentPassword');
                }}
                autoComplete="current-password"
              />
            )}
          </Field>
          <Field
            label={t('profile.newPassword')}
            hint={t('common.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            error={errors.newPassword}
          >
            {(control) => (
              <PasswordInput
                {...control}
                value={next}
                onChange={(e) => {
                  setNext(e.target.value);
                  clearError('newPassword');
                }}
                autoComplete="new-password"
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          {done ? (
            <span className="saved-note" role="status">
              {t('profile.passwordChanged')}
            </span>
          ) : null}
          <Button type="submit" variant="primary" pending={change.isPending}>
            {change.isPending ? t('common.saving') : t('profile.changePassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
