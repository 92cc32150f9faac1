import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { Redirect } from '../../router/router.tsx';
import { CampaignLayout } from '../campaign/campaign-layout.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const RetrospectivePage = lazy(() =>
  import('./retrospective-page.tsx').then((m) => ({ default: m.RetrospectivePage })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** The campaign's post-mortem: for the team and the brand (creators have the portal). */
export const RETROSPECTIVE_PAGES: Page[] = [
  {
    path: '/campaigns/:id/retrospective',
    render: (me, { id = '' }) =>
      me.role === 'creator' ? (
        <Redirect to="/portal" />
      ) : (
        <CampaignLayout campaignId={id} active="retrospective">
          <RetrospectivePage me={me} />
        </CampaignLayout>
      ),
  },
];
