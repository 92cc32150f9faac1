import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { LiveDataFrame } from '../campaign/live-data-frame.tsx';
import './measurement.css';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const ImportsView = lazy(() => import('./imports-page.tsx').then((m) => ({ default: m.ImportsView })));
const DashboardView = lazy(() =>
  import('./measurement-page.tsx').then((m) => ({ default: m.DashboardView })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** The campaign's measurement: the dashboard, and its data and imports. */
export const MEASUREMENT_PAGES: Page[] = [
  {
    path: '/campaigns/:id/measurement',
    render: (me, { id = '' }) => (
      <LiveDataFrame campaignId={id} active="measurement">
        <DashboardView me={me} />
      </LiveDataFrame>
    ),
  },
  {
    path: '/campaigns/:id/measurement/data',
    render: (me, { id = '' }) => (
      <LiveDataFrame campaignId={id} active="measurement">
        <ImportsView me={me} />
      </LiveDataFrame>
    ),
  },
];
