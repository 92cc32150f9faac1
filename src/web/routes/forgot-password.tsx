import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { requestPasswordReset } from '../api/account.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Button, ErrorAlert, Field, Notice, TextInput } from '../components/ui.tsx';
import { useT } from '../i18n/locale.tsx';
import { checkAccountFields, hasErrors, useFieldErrors } from './forms.ts';

/**
 * Asks for a reset link by e-mail. The confirmation is the same whether the address has an
 * account or not (the server answers 202 either way), so the form reveals nothing. Rendered by
 * the sign-in page, which also sets the document title.
 */
export function ForgotPassword({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail);
  const [errors, setErrors, clearError] = useFieldErrors();
  const request = useMutation({
    mutationFn: () => requestPasswordReset({ email }),
  });
  const back = (
    <button type="button" className="link-button" onClick={onBack}>
      {t('mail.forgot.back')}
    </button>
  );

  if (request.isSuccess) {
    return (
      <AuthLayout title={t('mail.forgot.title')} footer={back}>
        <Notice tone="success">{t('mail.forgot.sent')}</Notice>
      </AuthLayout>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccountFields(t, { email });
    setErrors(found);
    if (!hasErrors(found)) request.mutate();
  };

  return (
    <AuthLayout title={t('mail.forgot.title')} subtitle={t('mail.forgot.subtitle')} footer={back}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={request.error} />
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
        <Button type="submit" variant="primary" className="button-block" pending={request.isPending}>
          {t('mail.forgot.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
