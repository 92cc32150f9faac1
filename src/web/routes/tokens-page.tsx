import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createToken, revokeToken } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { keys, meQuery, tokensQuery } from '../api/queries.ts';
import type { CreatedToken } from '../api/types.ts';
import { KeyIcon, PlusIcon } from '../components/icons.tsx';
import {
  Button,
  Card,
  CopyField,
  EmptyState,
  ErrorAlert,
  Field,
  PageHeader,
  SkeletonRows,
  TextInput,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { formatInstant } from '../time/format.ts';
import { browserTimeZone } from '../time/zones.ts';
import { useFieldErrors } from './forms.ts';

export function TokensPage() {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  useDocumentTitle(t('nav.tokens'));
  const zone = useQuery(meQuery).data?.timeZone ?? browserTimeZone();
  const tokens = useQuery(tokensQuery);
  const [name, setName] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors();
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (tokenName: string) => createToken({ name: tokenName }),
    onSuccess: (token, tokenName) => {
      setCreated({ ...token, name: tokenName });
      setName('');
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: (_, id) => {
      setConfirming(null);
      if (created?.id === id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('common.required') });
      return;
    }
    create.mutate(name.trim());
  };

  return (
    <>
      <PageHeader title={t('nav.tokens')} description={t('tokens.description')} />
      <div className="stack-lg">
        <Card title={t('tokens.createTitle')}>
          <form className="form form-inline" onSubmit={submit} noValidate>
            <Field label={t('tokens.name')} hint={t('tokens.nameHint')} error={errors.name}>
              {(control) => (
                <TextInput
                  {...control}
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    clearError('name');
                  }}
                  placeholder={t('tokens.namePlaceholder')}
                  autoComplete="off"
                  maxLength={80}
                />
              )}
            </Field>
            <Button type="submit" variant="primary" pending={create.isPending}>
              {create.isPending ? null : <PlusIcon />}
              {create.isPending ? t('tokens.creating') : t('tokens.create')}
            </Button>
          </form>
          <ErrorAlert error={create.error} />
          {created ? (
            <div className="reveal reveal-warning" role="status">
              <p className="reveal-title">{t('tokens.createdTitle', { name: created.name })}</p>
              <p className="reveal-text">{t('tokens.createdText')}</p>
              <CopyField value={created.token} label={t('tokens.newToken')} />
              <p className="reveal-text">
                {t('tokens.usage')} <code>Authorization: Bearer …</code>
              </p>
              <div>
                <Button size="sm" variant="secondary" onClick={() => setCreated(null)}>
                  {t('tokens.done')}
                </Button>
              </div>
            </div>
          ) : null}
        </Card>

        <Card title={t('tokens.listTitle')}>
          <ErrorAlert error={tokens.error ?? revoke.error} />
          {tokens.data && tokens.data.length === 0 ? (
            <EmptyState icon={<KeyIcon width={24} height={24} />} title={t('tokens.empty')}>
              <p>{t('tokens.emptyText')}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.colCreated')}</th>
                    <th scope="col">{t('tokens.colLastUsed')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.isPending ? <SkeletonRows columns={4} rows={2} /> : null}
                  {tokens.data?.map((token) => (
                    <tr key={token.id}>
                      <td className="cell-primary">{token.name}</td>
                      <td>{formatInstant(token.createdAt, zone, locale)}</td>
                      <td>
                        {token.lastUsedAt ? (
                          formatInstant(token.lastUsedAt, zone, locale)
                        ) : (
                          <span className="muted">{t('tokens.neverUsed')}</span>
                        )}
                      </td>
                      <td className="cell-actions">
                        {confirming === token.id ? (
                          <span className="confirm">
                            <Button
                              size="sm"
                              variant="danger"
                              pending={revoke.isPending}
                              onClick={() => revoke.mutate(token.id)}
                            >
                              {t('tokens.revokeConfirm')}
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                              {t('common.cancel')}
                            </Button>
                          </span>
                        ) : (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setConfirming(token.id)}
                            aria-label={t('tokens.revokeFor', { name: token.name })}
                          >
                            {t('tokens.revoke')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
