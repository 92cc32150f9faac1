import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { Redirect } from '../../router/router.tsx';
import { CampaignLayout } from '../campaign/campaign-layout.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const EscalationDetailPage = lazy(() =>
  import('./escalations-page.tsx').then((m) => ({ default: m.EscalationDetailPage })),
);
const EscalationsPage = lazy(() =>
  import('./escalations-page.tsx').then((m) => ({ default: m.EscalationsPage })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

const staffOnly = (me: User, page: ReactNode) => (me.role === 'creator' ? <Redirect to="/portal" /> : page);

/** A campaign's escalations and one escalation (the link notifications carry). */
export const ESCALATION_PAGES: Page[] = [
  {
    path: '/campaigns/:id/escalations',
    render: (me, { id = '' }) =>
      staffOnly(
        me,
        <CampaignLayout campaignId={id} active="escalations">
          <EscalationsPage />
        </CampaignLayout>,
      ),
  },
  {
    path: '/campaigns/:id/escalations/:escalationId',
    render: (me, { id = '', escalationId = '' }) =>
      staffOnly(
        me,
        <CampaignLayout campaignId={id} active="escalations">
          <EscalationDetailPage key={escalationId} escalationId={escalationId} />
        </CampaignLayout>,
      ),
  },
];
