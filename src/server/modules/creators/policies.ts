import { AppError, forbidden } from '../../http/errors.ts';
import { type Actor, isAdmin, isStaff, worksInMarket } from '../auth/policies.ts';
import { mayEditMarket } from '../campaigns/policies.ts';

/**
 * Who may do what with creators. A creator record belongs to one market (`marketCode`), and so
 * does everything keyed to it: its engagements, agreements, drafts and the feedback on them.
 * Those are written by admins and by the leads and members of that market only; the brand's
 * stakeholders may approve or request changes on drafts (any market) and nothing else here.
 * Every staff member reads all of it; a creator reads only their own engagements (portal.ts).
 */

/** The roster, engagements and agreements are read by all staff. */
export const mayViewCreators = (actor: Actor) => isStaff(actor);

/** May work on creators of at least one market (the coarse check, before the record is known). */
export const mayManageCreators = (actor: Actor) =>
  isAdmin(actor) || actor.role === 'market_lead' || actor.role === 'member';

/** A creator of `marketCode`, their engagements, agreements and drafts recorded on their behalf. */
export const mayWriteCreator = (actor: Actor, marketCode: string) =>
  isAdmin(actor) || worksInMarket(actor, marketCode);

/** Approving a draft or asking for changes: the market's team, and the brand's stakeholders. */
export const mayGiveFeedback = (actor: Actor, marketCode: string) =>
  mayWriteCreator(actor, marketCode) || actor.role === 'stakeholder';

/** The campaign's creator rules for a market: admins and that market's leads. */
export const maySetMarketPolicy = (actor: Actor, marketCode: string) => mayEditMarket(actor, marketCode);

/** The workspace-wide defaults per market code: admins. */
export const maySetPolicyDefault = (actor: Actor) => isAdmin(actor);

/**
 * A draft: the creator themselves (portal), or the market's team on their behalf. A creator
 * asking about someone else's engagement is told it does not exist (see `assertAllowed`).
 */
export const maySubmitDraft = (actor: Actor, creator: { marketCode: string; userId: string | null }) =>
  actor.role === 'creator' ? creator.userId === actor.id : mayWriteCreator(actor, creator.marketCode);

/** Signing: the creator in the portal, or the market's team uploading the signed PDF. */
export const maySignAgreement = (
  actor: Actor,
  creator: { marketCode: string; userId: string | null },
  method: 'portal' | 'uploaded_pdf',
) =>
  method === 'portal'
    ? actor.role === 'creator' && creator.userId === actor.id
    : mayWriteCreator(actor, creator.marketCode);

/**
 * Throws when `allowed` is false: 404 for a creator (another creator's records are not shown
 * to exist), 403 `market_not_yours` for someone who works with creators of other markets, and
 * 403 `forbidden` otherwise.
 */
export function assertAllowed(actor: Actor, allowed: boolean, marketCode: string) {
  if (allowed) return;
  if (actor.role === 'creator') throw new AppError(404, 'not_found', 'error.not_found');
  if (mayManageCreators(actor) || actor.role === 'market_lead') {
    throw new AppError(403, 'market_not_yours', 'error.market_not_yours', { markets: marketCode, count: 1 });
  }
  throw forbidden();
}
