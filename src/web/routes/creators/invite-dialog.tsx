import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Creator } from '../../api/creators.ts';
import { keys } from '../../api/queries.ts';
import { createInvite } from '../../api/team.ts';
import type { User } from '../../api/types.ts';
import { MailIcon } from '../../components/icons.tsx';
import { Button, CopyField, ErrorAlert, Field, Notice, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { formatDay } from '../../time/format.ts';
import { Modal } from './bits.tsx';

/** Who may invite a creator of this market (the server decides again). */
export function mayInviteCreator(me: User, marketCode: string): boolean {
  if (me.role === 'owner' || me.role === 'admin') return true;
  return me.role === 'market_lead' && me.markets.includes(marketCode);
}

/** Invites a creator to the portal: their own account, linked to their roster entry, scoped to their market. */
export function InviteCreatorDialog({
  creator,
  me,
  onClose,
}: {
  creator: Creator;
  me: User;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const formId = useId();
  const [email, setEmail] = useState(creator.contact.email ?? '');
  const [error, setError] = useState<string | undefined>();
  const invite = useMutation({
    mutationFn: () =>
      createInvite({
        email: email.trim(),
        role: 'creator',
        marketCodes: [creator.marketCode],
        creatorId: creator.id,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.invites }),
    onError: (failure) => {
      if (failure instanceof ApiError) setError(failure.fieldErrors.email);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(email.trim() ? t('common.invalidEmail') : t('common.required'));
      return;
    }
    setError(undefined);
    invite.mutate();
  };

  const created = invite.data;
  return (
    <Modal
      title={t('creators.invite.title', { name: creator.name })}
      description={t('creators.invite.description')}
      onClose={onClose}
      footer={
        created ? (
          <Button variant="primary" onClick={onClose}>
            {t('creators.invite.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" form={formId} variant="primary" pending={invite.isPending}>
              <MailIcon />
              {t('creators.invite.submit')}
            </Button>
          </>
        )
      }
    >
      {creator.hasPortalAccount ? <Notice>{t('creators.invite.hasAccount')}</Notice> : null}
      {created ? (
        <div className="reveal" role="status">
          <p className="reveal-title">{t('creators.invite.created', { email: email.trim() })}</p>
          <p className="reveal-text">
            {created.expiresAt
              ? t('creators.invite.linkTextExpires', {
                  date: formatDay(created.expiresAt, me.timeZone, locale),
                })
              : t('creators.invite.linkText')}
          </p>
          <CopyField value={created.url} label={t('creators.invite.link')} />
        </div>
      ) : (
        <form id={formId} className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={invite.error} />
          <Field label={t('common.email')} hint={t('creators.invite.emailHint')} error={error}>
            {(control) => (
              <TextInput
                {...control}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoFocus
                autoComplete="off"
              />
            )}
          </Field>
          <ul className="cr-notes">
            <li>{t('creators.invite.scope', { market: creator.marketCode })}</li>
            <li>{t('creators.invite.language')}</li>
          </ul>
        </form>
      )}
    </Modal>
  );
}
