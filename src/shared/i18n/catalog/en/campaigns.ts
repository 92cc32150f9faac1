// Strings of the web app's campaigns screens. Keys mirror ../ru/campaigns.ts exactly (test/i18n-catalogue.test.ts checks).
export const enCampaigns = {
  'campaign.tab.brief': 'Brief',
  'campaign.tab.timeline': 'Timeline',
  'campaign.tab.tasks': 'Tasks',
} as const;
