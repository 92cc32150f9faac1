import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { invitePreviewQuery, registerAccount } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { meQuery } from '../api/queries.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Badge, Button, ErrorAlert, Field, Spinner, TextInput } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { roleLabel } from '../labels.ts';
import { Link } from '../router/router.tsx';
import { useSignedIn, useSignOut } from '../session.ts';
import { formatDay } from '../time/format.ts';
import { browserTimeZone } from '../time/zones.ts';
import { NameField, NewPasswordField, TimeZoneField } from './account-fields.tsx';
import { checkAccountFields, hasErrors, useFieldErrors } from './forms.ts';

/** `/invite/:token`: see who invited you and as what, then create your account. */
export function InvitePage({ token }: { token: string }) {
  const t = useT();
  const [locale] = useLocale();
  useDocumentTitle(t('invite.title'));
  const me = useQuery(meQuery).data;
  const signOut = useSignOut({ stay: true });
  const invite = useQuery(invitePreviewQuery(token));

  if (invite.isPending) {
    return (
      <AuthLayout title={t('invite.title')}>
        <div className="centered-block">
          <Spinner size="lg" label={t('common.loading')} />
        </div>
      </AuthLayout>
    );
  }

  if (invite.isError) {
    const invalid = invite.error instanceof ApiError && invite.error.status === 404;
    return (
      <AuthLayout
        title={invalid ? t('invite.invalidTitle') : t('invite.title')}
        subtitle={invalid ? t('invite.invalidText') : undefined}
        footer={<Link to="/sign-in">{t('invite.goToSignIn')}</Link>}
      >
        {invalid ? null : <ErrorAlert error={invite.error} />}
      </AuthLayout>
    );
  }

  const offer = invite.data;
  const zone = me?.timeZone ?? browserTimeZone();
  return (
    <AuthLayout
      title={t('invite.title')}
      subtitle={t('invite.subtitle', { name: offer.invitedByName })}
      footer={
        <p>
          {t('invite.haveAccount')} <Link to="/sign-in">{t('invite.goToSignIn')}</Link>
        </p>
      }
    >
      <dl className="invite-summary">
        <div>
          <dt>{t('invite.role')}</dt>
          <dd>
            <Badge tone="accent">{roleLabel(t, offer.role)}</Badge>
          </dd>
        </div>
        {offer.marketCodes.length > 0 ? (
          <div>
            <dt>{t('invite.markets', { count: offer.marketCodes.length })}</dt>
            <dd className="chips">
              {offer.marketCodes.map((code) => (
                <Badge key={code}>{code}</Badge>
              ))}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('invite.expires')}</dt>
          <dd>{formatDay(offer.expiresAt, zone, locale)}</dd>
        </div>
      </dl>
      {me ? (
        <div className="stack">
          <p className="muted">{t('invite.signedInAs', { name: me.name, email: me.email })}</p>
          <Button variant="secondary" onClick={() => signOut.mutate()} pending={signOut.isPending}>
            {t('invite.signOutToAccept')}
          </Button>
        </div>
      ) : (
        <AcceptForm token={token} email={offer.email} />
      )}
    </AuthLayout>
  );
}

function AcceptForm({ token, email }: { token: string; email: string }) {
  const t = useT();
  const [locale] = useLocale();
  const signedIn = useSignedIn();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [errors, setErrors, clearError] = useFieldErrors();

  const register = useMutation({
    mutationFn: () => registerAccount({ name, email, password, timeZone, locale, inviteToken: token }),
    onSuccess: ({ user }) => signedIn(user),
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccountFields(t, { name, password, timeZone });
    setErrors(found);
    if (!hasErrors(found)) register.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert error={register.error} />
      <Field label={t('common.email')} hint={t('invite.emailHint')} error={errors.email}>
        {(control) => <TextInput {...control} type="email" value={email} readOnly autoComplete="username" />}
      </Field>
      <NameField
        value={name}
        error={errors.name}
        onChange={(value) => {
          setName(value);
          clearError('name');
        }}
      />
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
        {register.isPending ? t('invite.submitting') : t('invite.submit')}
      </Button>
    </form>
  );
}
