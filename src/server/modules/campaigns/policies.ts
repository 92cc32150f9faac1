import { type Actor, isAdmin, isStaff, leadsMarket } from '../auth/policies.ts';

interface CampaignMarkets {
  markets: Array<{ code: string }>;
}

/** Every staff member sees every campaign: both teams work from one source of truth. */
export const mayViewCampaign = (actor: Actor) => isStaff(actor);
export const mayCreateCampaign = (actor: Actor) => isAdmin(actor) || actor.role === 'market_lead';
/**
 * Shared settings (name, brand, launch window, the order of the markets, exchange rates):
 * admins, and leads of one of the campaign's markets. A market's own settings inside the
 * campaign follow `mayEditMarket`.
 */
export const mayEditCampaign = (actor: Actor, campaign: CampaignMarkets) =>
  isAdmin(actor) || campaign.markets.some((m) => leadsMarket(actor, m.code));
/** A market's settings inside a campaign (language, zone, currency, objective, adding or dropping it). */
export const mayEditMarket = (actor: Actor, marketCode: string) =>
  isAdmin(actor) || leadsMarket(actor, marketCode);

interface MarketSettings {
  code: string;
  name?: string | undefined;
  language: string;
  timeZone: string;
  currency: string;
  objective: string;
}

/**
 * The markets a change of the market list touches (added, dropped or changed in any setting)
 * that the actor may not edit; empty when the change is theirs to make. Reordering is shared.
 */
export function marketsRefused(actor: Actor, current: MarketSettings[], next: MarketSettings[]): string[] {
  const same = (a: MarketSettings, b: MarketSettings) =>
    (b.name === undefined || a.name === b.name) &&
    a.language === b.language &&
    a.timeZone === b.timeZone &&
    a.currency === b.currency &&
    a.objective === b.objective;
  const touched = new Set<string>();
  for (const market of next) {
    const was = current.find((m) => m.code === market.code);
    if (!was || !same(was, market)) touched.add(market.code);
  }
  for (const market of current) if (!next.some((m) => m.code === market.code)) touched.add(market.code);
  return [...touched].filter((code) => !mayEditMarket(actor, code)).sort();
}

/** The brief is written by the teams; stakeholders read and acknowledge, creators never see it whole. */
export const mayEditBrief = (actor: Actor) =>
  isAdmin(actor) || actor.role === 'market_lead' || actor.role === 'member';
export const mayPublishBrief = (actor: Actor, campaign: CampaignMarkets) => mayEditCampaign(actor, campaign);
