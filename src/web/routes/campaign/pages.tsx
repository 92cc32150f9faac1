import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { Redirect } from '../../router/router.tsx';
import { mayCreateCampaign } from '../campaigns-page.tsx';
import { CampaignLayout } from './campaign-layout.tsx';
import './campaign.css';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const BriefPage = lazy(() => import('./brief/brief-page.tsx').then((m) => ({ default: m.BriefPage })));
const DiffPage = lazy(() => import('./brief/diff-page.tsx').then((m) => ({ default: m.DiffPage })));
const VersionPage = lazy(() => import('./brief/version-page.tsx').then((m) => ({ default: m.VersionPage })));
const VersionsPage = lazy(() =>
  import('./brief/versions-page.tsx').then((m) => ({ default: m.VersionsPage })),
);
const NewCampaignPage = lazy(() =>
  import('./new-campaign-page.tsx').then((m) => ({ default: m.NewCampaignPage })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

const positive = (value: string | undefined) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
};

/** The campaign pages (the list itself is in app.tsx). `/campaigns/new` must come before `/campaigns/:id`. */
export const CAMPAIGN_PAGES: Page[] = [
  {
    path: '/campaigns/new',
    render: (me) => (mayCreateCampaign(me) ? <NewCampaignPage /> : <Redirect to="/campaigns" />),
  },
  { path: '/campaigns/:id', render: (_, { id }) => <Redirect to={`/campaigns/${id}/brief`} /> },
  {
    path: '/campaigns/:id/brief',
    render: (me, { id = '' }) => (
      <CampaignLayout campaignId={id} active="brief">
        <BriefPage me={me} />
      </CampaignLayout>
    ),
  },
  {
    path: '/campaigns/:id/brief/versions',
    render: (me, { id = '' }) => (
      <CampaignLayout campaignId={id} active="brief">
        <VersionsPage me={me} />
      </CampaignLayout>
    ),
  },
  {
    path: '/campaigns/:id/brief/versions/:v',
    render: (me, { id = '', v }) => (
      <CampaignLayout campaignId={id} active="brief">
        {positive(v) ? (
          <VersionPage me={me} version={positive(v) ?? 1} />
        ) : (
          <Redirect to={`/campaigns/${id}/brief/versions`} />
        )}
      </CampaignLayout>
    ),
  },
  {
    path: '/campaigns/:id/brief/versions/:a/diff/:b',
    render: (_, { id = '', a, b }) => (
      <CampaignLayout campaignId={id} active="brief">
        {positive(a) && positive(b) ? (
          <DiffPage from={positive(a) ?? 1} to={positive(b) ?? 1} />
        ) : (
          <Redirect to={`/campaigns/${id}/brief/versions`} />
        )}
      </CampaignLayout>
    ),
  },
];
