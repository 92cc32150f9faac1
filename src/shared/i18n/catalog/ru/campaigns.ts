import type { enCampaigns } from '../en/campaigns.ts';

export const ruCampaigns: Record<keyof typeof enCampaigns, string> = {};
