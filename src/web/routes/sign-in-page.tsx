import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { signIn } from '../api/account.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Button, ErrorAlert, Field, PasswordInput, TextInput } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useT } from '../i18n/locale.tsx';
import { useLocation } from '../router/router.tsx';
import { useSignedIn } from '../session.ts';
import { ForgotPassword } from './forgot-password.tsx';
import { checkAccountFields, hasErrors, useFieldErrors } from './forms.ts';

export function SignInPage() {
  const t = useT();
  const { search } = useLocation();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors();
  const [forgot, setForgot] = useState(false);
  useDocumentTitle(forgot ? t('mail.forgot.title') : t('signIn.title'));

  const login = useMutation({
    mutationFn: () => signIn({ email, password }),
    onSuccess: ({ user }) => signedIn(user, search.get('next') ?? '/campaigns'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccountFields(t, { email });
    if (!password) found.password = t('common.required');
    setErrors(found);
    if (!hasErrors(found)) login.mutate();
  };

  if (forgot) return <ForgotPassword initialEmail={email} onBack={() => setForgot(false)} />;

  return (
    <AuthLayout
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={<p>{t('signIn.noAccount')}</p>}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={login.error} />
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
              autoComplete="username"
              autoFocus
            />
          )}
        </Field>
        <Field label={t('common.password')} error={errors.password}>
          {(control) => (
            <PasswordInput
              {...control}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                clearError('password');
              }}
              autoComplete="current-password"
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="button-block" pending={login.isPending}>
          {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
        <button type="button" className="link-button" onClick={() => setForgot(true)}>
          {t('mail.forgot.link')}
        </button>
      </form>
    </AuthLayout>
  );
}
