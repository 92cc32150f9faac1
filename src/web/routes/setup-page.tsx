import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { registerAccount } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Button, ErrorAlert, Field, TextInput } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { useSignedIn } from '../session.ts';
import { browserTimeZone } from '../time/zones.ts';
import { NameField, NewPasswordField, TimeZoneField } from './account-fields.tsx';
import { checkAccountFields, hasErrors, useFieldErrors } from './forms.ts';

/** A fresh instance: create the owner account. */
export function SetupPage() {
  const t = useT();
  const [locale] = useLocale();
  const signedIn = useSignedIn();
  useDocumentTitle(t('setup.title'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [errors, setErrors, clearError] = useFieldErrors();

  const register = useMutation({
    mutationFn: () => registerAccount({ name, email, password, timeZone, locale }),
    onSuccess: ({ user }) => signedIn(user),
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccountFields(t, { name, email, password, timeZone });
    setErrors(found);
    if (!hasErrors(found)) register.mutate();
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={register.error} />
        <NameField
          value={name}
          error={errors.name}
          onChange={(value) => {
            setName(value);
            clearError('name');
          }}
        />
        <Field label={t('common.email')} error={errors.email}>
          {(control) => (
            <TextInput
              {...control}
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                clearError('email');
              }}
              autoComplete="email"
            />
          )}
        </Field>
        <NewPasswordField
          value={password}
          error={errors.password}
          onChange={(value) => {
            setPassword(value);
            clearError('password');
          }}
        />
        <TimeZoneField
          value={timeZone}
          error={errors.timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            clearError('timeZone');
          }}
        />
        <Button type="submit" variant="primary" className="button-block" pending={register.isPending}>
          {register.isPending ? t('setup.submitting') : t('setup.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
