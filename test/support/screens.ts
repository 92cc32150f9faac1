/**
 * Every screen of the demo workspace, walked by test/browser/accessibility.test.ts (axe-core and
 * page widths, through ./accessibility.ts) and test/browser/russian-everywhere.test.ts (no English
 * left in Russian). A new page gets its entry here and both tests visit it.
 */

/** The demo's ids a screen's address needs. */
export interface ScreenIds {
  campaignId: string;
  engagementId: string;
  portalEngagementId: string;
}

/** Who opens the screen: the demo's owner, a creator of the demo in the portal, or nobody signed in. */
export type Who = 'owner' | 'creator' | 'nobody';

export interface Screen {
  name: string;
  who: Who;
  path: (ids: ScreenIds) => string;
  /** Something that is on the screen once its data has arrived (CSS selector). */
  ready?: string;
}

export const SCREENS: readonly Screen[] = [
  { name: 'campaign list', who: 'owner', path: () => '/campaigns' },
  { name: 'brief', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/brief` },
  { name: 'board', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/tasks` },
  { name: 'task list', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/tasks?view=list` },
  { name: 'timeline', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/timeline` },
  { name: 'campaign creators', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/creators` },
  { name: 'engagement', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/creators/${w.engagementId}` },
  { name: 'roster', who: 'owner', path: () => '/creators' },
  { name: 'launch control', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/launch` },
  { name: 'retrospective', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/retrospective` },
  { name: 'report', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/measurement` },
  { name: 'meetings', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/meetings` },
  { name: 'escalations', who: 'owner', path: (w) => `/campaigns/${w.campaignId}/escalations` },
  { name: 'my tasks', who: 'owner', path: () => '/my-tasks' },
  { name: 'audit', who: 'owner', path: () => '/audit' },
  { name: 'team', who: 'owner', path: () => '/team' },
  { name: 'notifications', who: 'owner', path: () => '/notifications' },
  { name: 'settings', who: 'owner', path: () => '/settings/notifications' },
  { name: 'profile', who: 'owner', path: () => '/profile' },
  { name: 'portal', who: 'creator', path: () => '/portal' },
  { name: 'portal engagement', who: 'creator', path: (w) => `/portal/${w.portalEngagementId}` },
  { name: 'sign-in', who: 'nobody', path: () => '/sign-in' },
];
