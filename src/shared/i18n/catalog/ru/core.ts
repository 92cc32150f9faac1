import { ruCampaigns } from './campaigns.ts';
import { ruInbox } from './inbox.ts';
import { ruWeb } from './web.ts';

// What the first screen needs (the shell, the campaign list, signing in and setting up): the web
// app loads it before painting and the rest (./pages.ts) beside the first page it opens.
export const ruCore = {
  ...ruWeb,
  ...ruCampaigns,
  ...ruInbox,
};
