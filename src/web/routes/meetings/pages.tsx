import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { LiveDataFrame } from '../campaign/live-data-frame.tsx';
import './meetings.css';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const MeetingView = lazy(() => import('./meeting-page.tsx').then((m) => ({ default: m.MeetingView })));
const MeetingsView = lazy(() => import('./meetings-page.tsx').then((m) => ({ default: m.MeetingsView })));
const PlannerView = lazy(() => import('./planner-page.tsx').then((m) => ({ default: m.PlannerView })));

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** The campaign's meetings: the list, the planner and one meeting. `/meetings/plan` comes before `/meetings/:meetingId`. */
export const MEETING_PAGES: Page[] = [
  {
    path: '/campaigns/:id/meetings',
    render: (me, { id = '' }) => (
      <LiveDataFrame campaignId={id} active="meetings">
        <MeetingsView me={me} />
      </LiveDataFrame>
    ),
  },
  {
    path: '/campaigns/:id/meetings/plan',
    render: (me, { id = '' }) => (
      <LiveDataFrame campaignId={id} active="meetings">
        <PlannerView me={me} />
      </LiveDataFrame>
    ),
  },
  {
    path: '/campaigns/:id/meetings/:meetingId',
    render: (me, { id = '', meetingId = '' }) => (
      <LiveDataFrame campaignId={id} active="meetings">
        <MeetingView key={meetingId} me={me} meetingId={meetingId} />
      </LiveDataFrame>
    ),
  },
];
