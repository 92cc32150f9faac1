import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { matchPath, Redirect } from '../../router/router.tsx';
import { CampaignLayout } from '../campaign/campaign-layout.tsx';
import { NOTIFICATION_PATHS } from '../notifications/pages.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const PortalEngagementPage = lazy(() =>
  import('../portal/portal-engagement-page.tsx').then((m) => ({ default: m.PortalEngagementPage })),
);
const PortalListPage = lazy(() =>
  import('../portal/portal-list-page.tsx').then((m) => ({ default: m.PortalListPage })),
);
const EngagementPage = lazy(() =>
  import('./engagement-page.tsx').then((m) => ({ default: m.EngagementPage })),
);
const EngagementsPage = lazy(() =>
  import('./engagements-page.tsx').then((m) => ({ default: m.EngagementsPage })),
);
const RosterPage = lazy(() => import('./roster-page.tsx').then((m) => ({ default: m.RosterPage })));

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

const portalOnly = (me: User, page: ReactNode) =>
  me.role === 'creator' ? page : <Redirect to="/campaigns" />;
const staffOnly = (me: User, page: ReactNode) => (me.role === 'creator' ? <Redirect to="/portal" /> : page);

/** The roster, a campaign's creators tab and one engagement; then the creator portal. */
export const CREATOR_PAGES: Page[] = [
  { path: '/creators', render: (me) => staffOnly(me, <RosterPage me={me} />) },
  {
    path: '/campaigns/:id/creators',
    render: (me, { id = '' }) =>
      staffOnly(
        me,
        <CampaignLayout campaignId={id} active="creators">
          <EngagementsPage me={me} />
        </CampaignLayout>,
      ),
  },
  {
    path: '/campaigns/:id/creators/:engagementId',
    render: (me, { id = '', engagementId = '' }) =>
      staffOnly(
        me,
        <CampaignLayout campaignId={id} active="creators">
          <EngagementPage key={engagementId} me={me} engagementId={engagementId} />
        </CampaignLayout>,
      ),
  },
  { path: '/portal', render: (me) => portalOnly(me, <PortalListPage me={me} />) },
  {
    path: '/portal/:engagementId',
    render: (me, { engagementId = '' }) =>
      portalOnly(me, <PortalEngagementPage key={engagementId} me={me} engagementId={engagementId} />),
  },
];

const CREATOR_PATHS = ['/portal', '/portal/:engagementId', '/profile', ...NOTIFICATION_PATHS];

/**
 * Where a creator (an external guest) goes: the portal and their profile are theirs; any other
 * path (the workspace's pages, the first page after sign-in) leads to `/portal`. Null: stay.
 */
export function creatorLanding(pathname: string): string | null {
  return CREATOR_PATHS.some((pattern) => matchPath(pattern, pathname)) ? null : '/portal';
}
