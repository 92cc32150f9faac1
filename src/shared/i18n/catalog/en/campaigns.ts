// Strings of the web app's campaigns screens. Keys mirror ../ru/campaigns.ts exactly (test/i18n-catalogue.test.ts checks).
export const enCampaigns = {} as const;
