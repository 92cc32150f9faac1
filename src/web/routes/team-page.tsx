import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { invitesQuery, keys, usersQuery } from '../api/queries.ts';
import { createInvite, issuePasswordReset, revokeInvite, type UserUpdate, updateUser } from '../api/team.ts';
import {
  type CreatedInvite,
  type Invite,
  ROLE_OPTIONS,
  type Role,
  type TeamMember,
  type User,
} from '../api/types.ts';
import { PlusIcon, TeamIcon } from '../components/icons.tsx';
import { isAdmin } from '../components/shell.tsx';
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
import { formatDay } from '../time/format.ts';
import { describeZone, splitZone } from '../time/zones.ts';
import { checkAccountFields, useFieldErrors } from './forms.ts';
import { MailCard } from './team-mail-card.tsx';

/** Which roles this user may hand out (mirrors the server's rule, which has the last word). */
function grantableRoles(me: User): Role[] {
  if (me.role === 'owner') return [...ROLE_OPTIONS];
  if (me.role === 'admin') return ROLE_OPTIONS.filter((role) => role !== 'owner');
  if (me.role === 'market_lead') return ['member', 'creator'];
  return [];
}

export function TeamPage({ me }: { me: User }) {
  const t = useT();
  useDocumentTitle(t('nav.team'));
  const canInvite = grantableRoles(me).length > 0;
  return (
    <>
      <PageHeader title={t('nav.team')} description={t('team.description')} />
      <div className="stack-lg">
        {isAdmin(me) ? <MailCard me={me} /> : null}
        {canInvite ? <InviteForm me={me} /> : null}
        <PeopleCard me={me} />
        {isAdmin(me) ? <InvitationsCard me={me} /> : null}
      </div>
    </>
  );
}

/** Whether `me` may change this person's role, markets or activation (the server has the last word). */
function mayManage(me: User, user: TeamMember): boolean {
  if (!isAdmin(me) || user.id === me.id || user.role === 'owner') return false;
  return user.role !== 'admin' || me.role === 'owner';
}

/** Roles an account can be moved to: never owner, admin only by the owner, creators stay creators. */
function assignableRoles(me: User, user: TeamMember): Role[] {
  if (user.role === 'creator') return ['creator'];
  return ROLE_OPTIONS.filter(
    (role) => role !== 'owner' && role !== 'creator' && (role !== 'admin' || me.role === 'owner'),
  );
}

function PeopleCard({ me }: { me: User }) {
  const t = useT();
  const users = useQuery(usersQuery);
  const canManage = isAdmin(me);
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
              {canManage ? (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {users.isPending ? <SkeletonRows columns={canManage ? 6 : 5} rows={3} /> : null}
            {users.data?.map((user) => (
              <PersonRow key={user.id} me={me} user={user} canManage={canManage} />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/**
 * One person; for an admin also their actions: access (role, markets), deactivate/reactivate and a
 * reset link. Forms, errors and the link (shown once) open in a full-width row beneath.
 */
function PersonRow({ me, user, canManage }: { me: User; user: TeamMember; canManage: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'access' | 'deactivate'>('idle');
  const [role, setRole] = useState<Role>(user.role);
  const [markets, setMarkets] = useState(user.markets.join(', '));
  const [marketsError, setMarketsError] = useState<string | undefined>();
  const [reset, setReset] = useState<{ url: string; expiresAt: string } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.users });
    void queryClient.invalidateQueries({ queryKey: keys.audit });
  };
  const update = useMutation({
    mutationFn: (body: UserUpdate) => updateUser(user.id, body),
    onSuccess: () => {
      setMode('idle');
      setReset(null);
      refresh();
    },
  });
  const issue = useMutation({
    mutationFn: () => issuePasswordReset(user.id),
    onSuccess: (created) => {
      setReset(created);
      refresh();
    },
  });
  const saveAccess = (event: FormEvent) => {
    event.preventDefault();
    const marketCodes = parseMarketCodes(markets);
    if (marketCodes.some((code) => !/^[A-Z]{2,8}$/.test(code))) {
      setMarketsError(t('team.marketCodesInvalid'));
      return;
    }
    update.mutate({ ...(role !== user.role ? { role } : {}), marketCodes });
  };

  const zone = describeZone(user.timeZone, locale, new Date());
  const manageable = mayManage(me, user);
  const error = update.error ?? issue.error;
  const detail = manageable && (mode === 'access' || reset || error);
  return (
    <>
      <tr data-user-email={user.email} className={user.active ? undefined : 'row-muted'}>
        <td>
          <div className="cell-primary">{user.name}</div>
          <div className="cell-secondary">{user.email}</div>
          {user.active ? null : <Badge tone="danger">{t('team.deactivated')}</Badge>}
        </td>
        <td>
          <Badge tone={user.role === 'owner' || user.role === 'admin' ? 'accent' : 'neutral'}>
            {roleLabel(t, user.role)}
          </Badge>
        </td>
        <td>
          <MarketChips codes={user.markets} />
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
        {canManage ? (
          <td className="cell-actions">
            {!manageable ? null : mode === 'deactivate' ? (
              <span className="member-actions">
                <Button
                  size="sm"
                  variant="danger"
                  pending={update.isPending}
                  onClick={() => update.mutate({ active: false })}
                >
                  {t('team.deactivateConfirm')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setMode('idle')}>
                  {t('common.cancel')}
                </Button>
              </span>
            ) : user.active ? (
              <span className="member-actions">
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setRole(user.role);
                    setMarkets(user.markets.join(', '));
                    setMode(mode === 'access' ? 'idle' : 'access');
                  }}
                  aria-label={t('team.accessFor', { name: user.name })}
                  aria-expanded={mode === 'access'}
                >
                  {t('team.changeAccess')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  pending={issue.isPending}
                  onClick={() => issue.mutate()}
                  aria-label={t('team.resetLinkFor', { name: user.name })}
                >
                  {t('team.resetLink')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setMode('deactivate')}
                  aria-label={t('team.deactivateFor', { name: user.name })}
                >
                  {t('team.deactivate')}
                </Button>
              </span>
            ) : (
              <Button
                size="sm"
                variant="ghost"
                pending={update.isPending}
                onClick={() => update.mutate({ active: true })}
                aria-label={t('team.reactivateFor', { name: user.name })}
              >
                {t('team.reactivate')}
              </Button>
            )}
          </td>
        ) : null}
      </tr>
      {detail ? (
        <tr className="row-detail" data-detail-for={user.email}>
          <td colSpan={6}>
            <ErrorAlert error={error} />
            {mode === 'access' ? (
              <form
                className="form"
                onSubmit={saveAccess}
                noValidate
                aria-label={t('team.accessFor', { name: user.name })}
              >
                <div className="form-row form-row-3">
                  <RoleAndMarketFields
                    roles={assignableRoles(me, user)}
                    role={role}
                    onRole={setRole}
                    markets={markets}
                    onMarkets={(value) => {
                      setMarkets(value);
                      setMarketsError(undefined);
                    }}
                    marketsError={marketsError}
                  />
                </div>
                <div className="form-actions">
                  <Button size="sm" variant="ghost" onClick={() => setMode('idle')}>
                    {t('common.cancel')}
                  </Button>
                  <Button size="sm" type="submit" variant="primary" pending={update.isPending}>
                    {t('common.saveChanges')}
                  </Button>
                </div>
              </form>
            ) : null}
            {reset ? (
              <div className="reveal" role="status">
                <p className="reveal-title">{t('team.resetCreated', { name: user.name })}</p>
                <p className="reveal-text">
                  {t('team.resetText', { date: formatDay(reset.expiresAt, me.timeZone, locale) })}
                </p>
                <CopyField value={reset.url} label={t('team.resetLinkLabel')} />
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
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
    mutationFn: createInvite,
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
          <RoleAndMarketFields
            roles={roles}
            role={role}
            onRole={setRole}
            roleError={errors.role}
            markets={markets}
            onMarkets={(value) => {
              setMarkets(value);
              clearError('marketCodes');
            }}
            marketsError={errors.marketCodes}
          />
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
    mutationFn: revokeInvite,
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
                      <MarketChips codes={invite.marketCodes} />
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

/** A person's or an invitation's markets as chips, or a dash for none. */
function MarketChips({ codes }: { codes: readonly string[] }) {
  if (!codes.length) return <span className="muted">—</span>;
  return (
    <span className="chips">
      {codes.map((code) => (
        <Badge key={code}>{code}</Badge>
      ))}
    </span>
  );
}

/** The role and markets of a person or an invitation: one pair of fields for both forms. */
function RoleAndMarketFields(props: {
  roles: readonly Role[];
  role: Role;
  onRole: (role: Role) => void;
  roleError?: string;
  markets: string;
  onMarkets: (markets: string) => void;
  marketsError?: string;
}) {
  const t = useT();
  return (
    <>
      <Field label={t('team.role')} error={props.roleError}>
        {(control) => (
          <Select {...control} value={props.role} onChange={(e) => props.onRole(e.target.value as Role)}>
            {props.roles.map((option) => (
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
        error={props.marketsError}
        optional
      >
        {(control) => (
          <TextInput
            {...control}
            value={props.markets}
            onChange={(e) => props.onMarkets(e.target.value)}
            placeholder="RU, US"
            autoComplete="off"
          />
        )}
      </Field>
    </>
  );
}
