import type { Actor } from '../auth/policies.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';

export { mayViewCampaign as mayViewRetrospective };

/**
 * The markets whose rows a person sees in the retrospective. Market leads and members are
 * restricted to the campaign's markets on their account (a post-mortem names people and what
 * they let slip: that stays inside the market's team); owners, admins and the brand's
 * stakeholders see every market. Campaign-wide rows (a task for all markets) are everyone's.
 */
export function visibleMarkets(actor: Actor, campaignMarkets: readonly string[]): string[] {
  if (actor.role === 'market_lead' || actor.role === 'member') {
    return campaignMarkets.filter((code) => actor.marketCodes.includes(code));
  }
  return [...campaignMarkets];
}
