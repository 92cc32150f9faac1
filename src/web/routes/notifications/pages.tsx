import { lazy, type ReactNode } from 'react';
import type { User } from '../../api/types.ts';
import { INBOX_PATH, SETTINGS_PATH } from './bell.tsx';

// Each page is its own chunk, fetched when first opened (the shell shows a spinner meanwhile).
const InboxPage = lazy(() => import('./inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const NotificationSettingsPage = lazy(() =>
  import('./settings-page.tsx').then((m) => ({ default: m.NotificationSettingsPage })),
);

type Page = { path: string; render: (me: User, params: Record<string, string>) => ReactNode };

/** The inbox and the notification settings: the same pages for team members and creators. */
export const NOTIFICATION_PAGES: Page[] = [
  { path: INBOX_PATH, render: (me) => <InboxPage me={me} /> },
  { path: SETTINGS_PATH, render: (me) => <NotificationSettingsPage me={me} /> },
];

/** Paths a creator may open besides the portal (see creatorLanding). */
export const NOTIFICATION_PATHS = [INBOX_PATH, SETTINGS_PATH];
