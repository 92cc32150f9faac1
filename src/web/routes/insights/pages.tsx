import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { CampaignLayout } from '../campaign/campaign-layout.tsx';
import { useInsightsLiveUpdates } from './bits.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const ImportsView = lazy(() =>
  import('../measurement/imports-page.tsx').then((m) => ({ default: m.ImportsView })),
);
const DashboardView = lazy(() =>
  import('../measurement/measurement-page.tsx').then((m) => ({ default: m.DashboardView })),
);
const MeetingView = lazy(() =>
  import('../meetings/meeting-page.tsx').then((m) => ({ default: m.MeetingView })),
);
const MeetingsView = lazy(() =>
  import('../meetings/meetings-page.tsx').then((m) => ({ default: m.MeetingsView })),
);
const PlannerView = lazy(() =>
  import('../meetings/planner-page.tsx').then((m) => ({ default: m.PlannerView })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

function Live({ campaignId }: { campaignId: string }) {
  useInsightsLiveUpdates(campaignId);
  return null;
}

function Frame({
  campaignId,
  active,
  children,
}: {
  campaignId: string;
  active: string;
  children: ReactNode;
}) {
  return (
    <CampaignLayout campaignId={campaignId} active={active}>
      {children}
      <Live campaignId={campaignId} />
    </CampaignLayout>
  );
}

/**
 * The campaign's meetings (list, planner, one meeting) and measurement (dashboard, data and
 * imports). `/meetings/plan` comes before `/meetings/:meetingId`.
 */
export const INSIGHTS_PAGES: Page[] = [
  {
    path: '/campaigns/:id/meetings',
    render: (me, { id = '' }) => (
      <Frame campaignId={id} active="meetings">
        <MeetingsView me={me} />
      </Frame>
    ),
  },
  {
    path: '/campaigns/:id/meetings/plan',
    render: (me, { id = '' }) => (
      <Frame campaignId={id} active="meetings">
        <PlannerView me={me} />
      </Frame>
    ),
  },
  {
    path: '/campaigns/:id/meetings/:meetingId',
    render: (me, { id = '', meetingId = '' }) => (
      <Frame campaignId={id} active="meetings">
        <MeetingView key={meetingId} me={me} meetingId={meetingId} />
      </Frame>
    ),
  },
  {
    path: '/campaigns/:id/measurement',
    render: (me, { id = '' }) => (
      <Frame campaignId={id} active="measurement">
        <DashboardView me={me} />
      </Frame>
    ),
  },
  {
    path: '/campaigns/:id/measurement/data',
    render: (me, { id = '' }) => (
      <Frame campaignId={id} active="measurement">
        <ImportsView me={me} />
      </Frame>
    ),
  },
];
