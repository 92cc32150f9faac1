import type { enCampaigns } from '../en/campaigns.ts';

export const ruCampaigns: Record<keyof typeof enCampaigns, string> = {
  'campaign.tab.brief': 'Бриф',
  'campaign.tab.timeline': 'Таймлайн',
  'campaign.tab.tasks': 'Задачи',
};
