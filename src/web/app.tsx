import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode } from 'react';
import { isLocale } from '../shared/i18n/runtime.ts';
import { meQuery, setupQuery } from './api/queries.ts';
import type { User } from './api/types.ts';
import { NAV, Shell } from './components/shell.tsx';
import { Button, ErrorAlert, Spinner } from './components/ui.tsx';
import { useT, useWantedLocale } from './i18n/locale.tsx';
import { useWorkspaceEvents } from './live-updates.ts';
import { matchPath, Redirect, safeNext, useLocation } from './router/router.tsx';
import { CAMPAIGN_PAGES } from './routes/campaign/pages.tsx';
import { CampaignsPage } from './routes/campaigns-page.tsx';
import { CREATOR_PAGES, creatorLanding } from './routes/creators/pages.tsx';
import { ESCALATION_PAGES } from './routes/escalations/pages.tsx';
import { InvitePage } from './routes/invite-page.tsx';
import { LAUNCH_PAGES } from './routes/launch/pages.tsx';
import { MEASUREMENT_PAGES } from './routes/measurement/pages.tsx';
import { MEETING_PAGES } from './routes/meetings/pages.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { NOTIFICATION_PAGES } from './routes/notifications/pages.tsx';
import { ResetPage } from './routes/reset-page.tsx';
import { RETROSPECTIVE_PAGES } from './routes/retrospective/pages.tsx';
import { SetupPage } from './routes/setup-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { TRACKER_PAGES } from './routes/tracker/pages.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const AuditPage = lazy(() => import('./routes/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const ProfilePage = lazy(() => import('./routes/profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
const TeamPage = lazy(() => import('./routes/team-page.tsx').then((m) => ({ default: m.TeamPage })));
const TokensPage = lazy(() => import('./routes/tokens-page.tsx').then((m) => ({ default: m.TokensPage })));
const WebhooksPage = lazy(() =>
  import('./routes/webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })),
);

/** Pages inside the shell. A later feature adds its route here and its entry in NAV (shell.tsx). */
const PAGES: Array<{
  path: string;
  render: (me: User, params: Record<string, string>) => ReactNode;
  /** A first-screen page: paints with the core catalogue, without waiting for the rest. */
  firstScreen?: boolean;
}> = [
  { path: '/campaigns', render: (me) => <CampaignsPage me={me} />, firstScreen: true },
  ...CAMPAIGN_PAGES,
  ...CREATOR_PAGES,
  ...ESCALATION_PAGES,
  ...LAUNCH_PAGES,
  ...RETROSPECTIVE_PAGES,
  ...TRACKER_PAGES,
  ...MEETING_PAGES,
  ...MEASUREMENT_PAGES,
  ...NOTIFICATION_PAGES,
  { path: '/audit', render: (me) => <AuditPage me={me} /> },
  { path: '/team', render: (me) => <TeamPage me={me} /> },
  { path: '/tokens', render: () => <TokensPage /> },
  { path: '/webhooks', render: (me) => <WebhooksPage me={me} /> },
  { path: '/profile', render: (me) => <ProfilePage me={me} /> },
];

function FullPageSpinner() {
  const t = useT();
  return (
    <div className="boot">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  );
}

function BootError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  return (
    <div className="boot">
      <div className="boot-error">
        <ErrorAlert error={error} title={t('common.bootFailed')} />
        <Button onClick={retry}>{t('common.retry')}</Button>
      </div>
    </div>
  );
}

export function App() {
  const { pathname, search } = useLocation();
  const setup = useQuery(setupQuery);
  const me = useQuery(meQuery);
  const wanted = useWantedLocale();
  useWorkspaceEvents(Boolean(me.data && me.data.role !== 'creator'));

  if (setup.isPending || me.isPending) return <FullPageSpinner />;
  if (setup.isError || me.isError) {
    return (
      <BootError
        error={setup.error ?? me.error}
        retry={() => {
          void setup.refetch();
          void me.refetch();
        }}
      />
    );
  }

  if (setup.data.needsSetup) {
    return pathname === '/setup' ? <SetupPage /> : <Redirect to="/setup" />;
  }

  const invite = matchPath('/invite/:token', pathname);
  if (invite?.token) return <InvitePage token={invite.token} />;
  const reset = matchPath('/reset/:token', pathname);
  if (reset?.token) return <ResetPage token={reset.token} />;

  const user = me.data;
  // The profile can reach this component a render before it reaches the LocaleProvider above; wait
  // for the provider to take up the profile's language rather than paint the page in the device's.
  if (user && isLocale(user.locale) && user.locale !== wanted) return <FullPageSpinner />;
  if (!user) {
    if (pathname === '/sign-in') return <SignInPage />;
    const next = pathname === '/' || pathname === '/setup' ? '' : `?next=${encodeURIComponent(pathname)}`;
    return <Redirect to={`/sign-in${next}`} />;
  }

  if (pathname === '/' || pathname === '/sign-in' || pathname === '/setup') {
    return <Redirect to={safeNext(search.get('next'))} />;
  }

  // A creator (external guest) has the portal and their profile; every other path leads to the portal.
  const creatorTarget = user.role === 'creator' ? creatorLanding(pathname) : null;
  if (creatorTarget) return <Redirect to={creatorTarget} />;

  for (const page of PAGES) {
    const params = matchPath(page.path, pathname);
    if (!params) continue;
    const entry = NAV.find((item) => item.path === page.path);
    if (entry && !entry.visible(user)) break;
    return (
      <Shell me={user} catalogue={page.firstScreen ? 'core' : 'all'}>
        {page.render(user, params)}
      </Shell>
    );
  }
  return (
    <Shell me={user} catalogue="core">
      <NotFoundPage />
    </Shell>
  );
}
