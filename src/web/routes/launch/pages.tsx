import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { Redirect } from '../../router/router.tsx';
import { CampaignLayout } from '../campaign/campaign-layout.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const LaunchPage = lazy(() => import('./launch-page.tsx').then((m) => ({ default: m.LaunchPage })));

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** Launch control: the team's screen for launch day (creators have the portal). */
export const LAUNCH_PAGES: Page[] = [
  {
    path: '/campaigns/:id/launch',
    render: (me, { id = '' }) =>
      me.role === 'creator' ? (
        <Redirect to="/portal" />
      ) : (
        <CampaignLayout campaignId={id} active="launch">
          <LaunchPage me={me} />
        </CampaignLayout>
      ),
  },
];
