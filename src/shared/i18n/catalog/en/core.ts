import { enCampaigns } from './campaigns.ts';
import { enInbox } from './inbox.ts';
import { enWeb } from './web.ts';

// What the first screen needs (the shell, the campaign list, signing in and setting up): the web
// app loads it before painting and the rest (./pages.ts) beside the first page it opens.
export const enCore = {
  ...enWeb,
  ...enCampaigns,
  ...enInbox,
} as const;
