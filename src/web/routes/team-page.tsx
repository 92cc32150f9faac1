import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { invitesQuery, keys, usersQuery } from '../api/queries.ts';
import { type CreatedInvite, type Invite, ROLE_OPTIONS, type Role, type User } from '../api/types.ts';
import { PlusIcon, TeamIcon } from '../components/icons.tsx';
import {
  Badge,
  Button,
  Card,
  CopyField,
  EmptyState,
  ErrorAlert,
  Field,
  PageHeader,
  Select,
  SkeletonRows,
  TextInput,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { languageLabel, roleLabel } from '../labels.ts';
import { describeZone, formatDay, splitZone } from '../time/zones.ts';
import { checkAccountFields, useFieldErrors } from './forms.ts';

/** Which roles this user may hand out (mirrors the server's rule, which has the last word). */
function grantableRoles(me: User): Role[] {
  if (me.role === 'owner') return [...ROLE_OPTIONS];
  if (me.role === 'admin') return ROLE_OPTIONS.filter((role) => role !== 'owner');
  if (me.role === 'market_lead') return ['member', 'creator'];
  return [];
}

const isAdmin = (me: User) => me.role === 'owner' || me.role === 'admin';

export function TeamPage({ me }: { me: User }) {
  const t = useT();
  useDocumentTitle(t('nav.team'));
  const canInvite = grantableRoles(me).length > 0;
  return (
    <>
      <PageHeader title={t('nav.team')} description={t('team.description')} />
      <div className="stack-lg">
        {canInvite ? <InviteForm me={me} /> : null}
        <PeopleCard />
        {isAdmin(me) ? <InvitationsCard me={me} /> : null}
      </div>
    </>
  );
}

function PeopleCard() {
  const t = useT();
  const [locale] = useLocale();
  const users = useQuery(usersQuery);
  const now = new Date();
  return (
    <Card
      title={t('team.peopleTitle')}
      description={users.data ? t('team.peopleCount', { count: users.data.length }) : undefined}
    >
      <ErrorAlert error={users.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('team.colName')}</th>
              <th scope="col">{t('team.colRole')}</th>
              <th scope="col">{t('team.colMarkets')}</th>
              <th scope="col">{t('team.colLanguage')}</th>
              <th scope="col">{t('team.colTimeZone')}</th>
            </tr>
          </thead>
          <tbody>
            {users.isPending ? <SkeletonRows columns={5} rows={3} /> : null}
            {users.data?.map((user) => {
              const zone = describeZone(user.timeZone, locale, now);
              return (
                <tr key={user.id}>
                  <td>
                    <div className="cell-primary">{user.name}</div>
                    <div className="cell-secondary">{user.email}</div>
                  </td>
                  <td>
                    <Badge tone={user.role === 'owner' || user.role === 'admin' ? 'accent' : 'neutral'}>
                      {roleLabel(t, user.role)}
                    </Badge>
                  </td>
                  <td>
                    {user.markets.length ? (
                      <span className="chips">
                        {user.markets.map((code) => (
                          <Badge key={code}>{code}</Badge>
                        ))}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{languageLabel(t, user.locale)}</td>
                  <td>
                    <div className="cell-primary">{splitZone(user.timeZone, locale).city}</div>
                    {zone ? (
                      <div className="cell-secondary">
                        {t('team.localTime', { time: zone.time, offset: zone.short })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** `ru, us ; KZ` → `['RU', 'US', 'KZ']`. */
function parseMarketCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

function InviteForm({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const roles = grantableRoles(me);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('member') ? 'member' : (roles[0] ?? 'member'));
  const [markets, setMarkets] = useState(me.role === 'market_lead' ? me.markets.join(', ') : '');
  const [errors, setErrors, clearError] = useFieldErrors();
  const [created, setCreated] = useState<(CreatedInvite & { email: string }) | null>(null);

  const create = useMutation({
    mutationFn: (body: { email: string; role: Role; marketCodes: string[] }) =>
      api<CreatedInvite>('POST', '/api/invites', { body }),
    onSuccess: (invite, body) => {
      setCreated({ ...invite, email: body.email });
      setEmail('');
      setErrors({});
      void queryClient.invalidateQueries({ queryKey: keys.invites });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const marketCodes = parseMarketCodes(markets);
    const found = checkAccountFields(t, { email });
    if (marketCodes.some((code) => !/^[A-Z]{2,8}$/.test(code)))
      found.marketCodes = t('team.marketCodesInvalid');
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setCreated(null);
    create.mutate({ email: email.trim(), role, marketCodes });
  };

  return (
    <Card title={t('team.inviteTitle')} description={t('team.inviteText')}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <div className="form-row form-row-3">
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
                placeholder={t('team.emailPlaceholder')}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label={t('team.role')} error={errors.role}>
            {(control) => (
              <Select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roles.map((option) => (
                  <option key={option} value={option}>
                    {roleLabel(t, option)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label={t('team.marketCodes')}
            hint={t('team.marketCodesHint')}
            error={errors.marketCodes}
            optional
          >
            {(control) => (
              <TextInput
                {...control}
                value={markets}
                onChange={(e) => {
                  setMarkets(e.target.value);
                  clearError('marketCodes');
                }}
                placeholder="RU, US"
                autoComplete="off"
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={create.isPending}>
            {create.isPending ? null : <PlusIcon />}
            {create.isPending ? t('team.inviteSubmitting') : t('team.inviteSubmit')}
          </Button>
        </div>
      </form>
      {created ? (
        <div className="reveal" role="status">
          <p className="reveal-title">{t('team.inviteCreated', { email: created.email })}</p>
          <p className="reveal-text">
            {created.expiresAt
              ? t('team.inviteLinkTextExpires', { date: formatDay(created.expiresAt, me.timeZone, locale) })
              : t('team.inviteLinkText')}
          </p>
          <CopyField value={created.url} label={t('team.inviteLink')} />
        </div>
      ) : null}
    </Card>
  );
}

type InviteStatus = 'accepted' | 'expired' | 'pending';

function statusOf(invite: Invite, now: number): InviteStatus {
  if (invite.acceptedAt) return 'accepted';
  return new Date(invite.expiresAt).getTime() <= now ? 'expired' : 'pending';
}

function InvitationsCard({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const invites = useQuery(invitesQuery);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/invites/${id}`),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: keys.invites });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
  });
  const now = Date.now();
  const statusLabel: Record<InviteStatus, string> = {
    accepted: t('team.statusAccepted'),
    expired: t('team.statusExpired'),
    pending: t('team.statusPending'),
  };
  const tone = { accepted: 'success', expired: 'neutral', pending: 'warning' } as const;

  return (
    <Card
      title={t('team.invitesTitle')}
      description={invites.data ? t('team.invitesCount', { count: invites.data.length }) : undefined}
    >
      <ErrorAlert error={invites.error ?? revoke.error} />
      {invites.data && invites.data.length === 0 ? (
        <EmptyState icon={<TeamIcon width={24} height={24} />} title={t('team.invitesEmpty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('team.colRole')}</th>
                <th scope="col">{t('team.colMarkets')}</th>
                <th scope="col">{t('team.colSent')}</th>
                <th scope="col">{t('team.colStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.isPending ? <SkeletonRows columns={6} rows={2} /> : null}
              {invites.data?.map((invite) => {
                const status = statusOf(invite, now);
                return (
                  <tr key={invite.id}>
                    <td className="cell-primary">{invite.email}</td>
                    <td>{roleLabel(t, invite.role)}</td>
                    <td>
                      {invite.marketCodes.length ? (
                        <span className="chips">
                          {invite.marketCodes.map((code) => (
                            <Badge key={code}>{code}</Badge>
                          ))}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>{formatDay(invite.createdAt, me.timeZone, locale)}</td>
                    <td>
                      <Badge tone={tone[status]}>{statusLabel[status]}</Badge>
                      {status === 'pending' ? (
                        <div className="cell-secondary">
                          {t('team.expiresOn', { date: formatDay(invite.expiresAt, me.timeZone, locale) })}
                        </div>
                      ) : null}
                    </td>
                    <td className="cell-actions">
                      {status === 'pending' ? (
                        confirming === invite.id ? (
                          <span className="confirm">
                            <Button
                              size="sm"
                              variant="danger"
                              pending={revoke.isPending}
                              onClick={() => revoke.mutate(invite.id)}
                            >
                              {t('team.revokeConfirm')}
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                              {t('common.cancel')}
                            </Button>
                          </span>
                        ) : (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setConfirming(invite.id)}
                            aria-label={t('team.revokeFor', { email: invite.email })}
                          >
                            {t('team.revoke')}
                          </Button>
                        )
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
