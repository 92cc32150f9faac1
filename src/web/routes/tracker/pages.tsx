import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const MyTasksPage = lazy(() => import('./my-tasks-page.tsx').then((m) => ({ default: m.MyTasksPage })));
const TasksPage = lazy(() => import('./tasks-page.tsx').then((m) => ({ default: m.TasksPage })));
const TimelinePage = lazy(() => import('./timeline-page.tsx').then((m) => ({ default: m.TimelinePage })));

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** The tracker's pages: a campaign's tasks (board, list, one task), its timeline, and "My tasks". */
export const TRACKER_PAGES: Page[] = [
  { path: '/campaigns/:id/tasks', render: (me, { id = '' }) => <TasksPage me={me} campaignId={id} /> },
  {
    path: '/campaigns/:id/tasks/:taskId',
    render: (me, { id = '', taskId }) => <TasksPage me={me} campaignId={id} taskId={taskId} />,
  },
  { path: '/campaigns/:id/timeline', render: (me, { id = '' }) => <TimelinePage me={me} campaignId={id} /> },
  { path: '/my-tasks', render: (me) => <MyTasksPage me={me} /> },
];
