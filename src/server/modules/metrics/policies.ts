import { type Actor, isAdmin, worksInMarket } from '../auth/policies.ts';
import { mayEditCampaign } from '../campaigns/policies.ts';

interface CampaignMarkets {
  markets: Array<{ code: string }>;
}

/**
 * Who may write measurement. Every staff member reads every report (campaigns/policies.ts).
 *
 * Imports span a campaign: one Shopify orders export or post-metrics file covers all its
 * markets, and its rows are matched to creators by promo code or post URL, not filtered by
 * market. So admins and the leads and members of ANY of the campaign's markets may import a
 * file and undo an import; stakeholders and creators may not. The audit log names who did it.
 */
export const mayImport = (actor: Actor, campaign: CampaignMarkets) =>
  isAdmin(actor) || campaign.markets.some((m) => worksInMarket(actor, m.code));

/**
 * Figures typed in for one engagement (Telegram, VK) belong to the creator's market: admins and
 * the leads and members of that market.
 */
export const mayEnterMetrics = (actor: Actor, marketCode: string) =>
  isAdmin(actor) || worksInMarket(actor, marketCode);

/** Exchange rates are shared by the campaign's markets: as its shared settings. */
export const maySetExchangeRates = (actor: Actor, campaign: CampaignMarkets) =>
  mayEditCampaign(actor, campaign);
