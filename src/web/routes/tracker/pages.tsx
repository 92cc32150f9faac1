import type { ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { MyTasksPage } from './my-tasks-page.tsx';
import { TasksPage } from './tasks-page.tsx';
import { TimelinePage } from './timeline-page.tsx';

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
