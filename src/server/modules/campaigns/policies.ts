import { type Actor, isAdmin, isStaff } from '../auth/policies.ts';

interface CampaignMarkets {
  markets: Array<{ code: string }>;
}

/** Every staff member sees every campaign: both teams work from one source of truth. */
export const mayViewCampaign = (actor: Actor) => isStaff(actor);
export const mayCreateCampaign = (actor: Actor) => isAdmin(actor) || actor.role === 'market_lead';
/** Settings (name, window, markets): admins, and leads of one of the campaign's markets. */
export const mayEditCampaign = (actor: Actor, campaign: CampaignMarkets) =>
  isAdmin(actor) ||
  (actor.role === 'market_lead' && campaign.markets.some((m) => actor.marketCodes.includes(m.code)));
/** The brief is written by the teams; stakeholders read and acknowledge, creators never see it whole. */
export const mayEditBrief = (actor: Actor) =>
  isAdmin(actor) || actor.role === 'market_lead' || actor.role === 'member';
export const mayPublishBrief = (actor: Actor, campaign: CampaignMarkets) => mayEditCampaign(actor, campaign);
