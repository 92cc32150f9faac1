import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { confirmPasswordReset } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Button, ErrorAlert } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useT } from '../i18n/locale.tsx';
import { Link } from '../router/router.tsx';
import { NewPasswordField } from './account-fields.tsx';
import { checkAccountFields, hasErrors, useFieldErrors } from './forms.ts';

/** `/reset/:token`: choose a new password with a one-time link; every session of the account ends. */
export function ResetPage({ token }: { token: string }) {
  const t = useT();
  useDocumentTitle(t('reset.title'));
  const [password, setPassword] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors();
  const confirm = useMutation({
    mutationFn: () => confirmPasswordReset({ token, newPassword: password }),
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.newPassword) {
        setErrors({ password: error.fieldErrors.newPassword });
      }
    },
  });

  if (confirm.isSuccess) {
    return (
      <AuthLayout
        title={t('reset.doneTitle')}
        subtitle={t('reset.doneText')}
        footer={<Link to="/sign-in">{t('reset.goToSignIn')}</Link>}
      >
        {null}
      </AuthLayout>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccountFields(t, { password });
    setErrors(found);
    if (!hasErrors(found)) confirm.mutate();
  };

  return (
    <AuthLayout
      title={t('reset.title')}
      subtitle={t('reset.subtitle')}
      footer={<Link to="/sign-in">{t('reset.goToSignIn')}</Link>}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert
          error={
            confirm.error instanceof ApiError && confirm.error.fieldErrors.newPassword ? null : confirm.error
          }
        />
        <NewPasswordField
          value={password}
          onChange={(value) => {
            setPassword(value);
            clearError('password');
          }}
          error={errors.password}
        />
        <Button type="submit" variant="primary" className="button-block" pending={confirm.isPending}>
          {confirm.isPending ? t('common.saving') : t('reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
