import type { MessageKey } from '../../../shared/i18n/runtime.ts';

/**
 * The sections of one campaign, shown as tabs by the campaign layout. Each feature adds its tab
 * here and its page (wrapped in the layout) in app.tsx.
 */
export const CAMPAIGN_TABS: ReadonlyArray<{
  key: string;
  path: (campaignId: string) => string;
  label: MessageKey;
}> = [
  { key: 'brief', path: (id) => `/campaigns/${id}/brief`, label: 'campaign.tab.brief' },
  { key: 'timeline', path: (id) => `/campaigns/${id}/timeline`, label: 'campaign.tab.timeline' },
  { key: 'launch', path: (id) => `/campaigns/${id}/launch`, label: 'campaign.tab.launch' },
  { key: 'tasks', path: (id) => `/campaigns/${id}/tasks`, label: 'campaign.tab.tasks' },
  { key: 'creators', path: (id) => `/campaigns/${id}/creators`, label: 'campaign.tab.creators' },
  { key: 'meetings', path: (id) => `/campaigns/${id}/meetings`, label: 'campaign.tab.meetings' },
  { key: 'measurement', path: (id) => `/campaigns/${id}/measurement`, label: 'campaign.tab.measurement' },
  { key: 'escalations', path: (id) => `/campaigns/${id}/escalations`, label: 'campaign.tab.escalations' },
  {
    key: 'retrospective',
    path: (id) => `/campaigns/${id}/retrospective`,
    label: 'campaign.tab.retrospective',
  },
];
