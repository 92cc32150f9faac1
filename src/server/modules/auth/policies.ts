import type { Role } from './tables.ts';

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  marketCodes: string[];
  locale: 'en' | 'ru';
  timeZone: string;
}

const STAFF: readonly Role[] = ['owner', 'admin', 'market_lead', 'member', 'stakeholder'];

/** Everyone but an external creator sees the workspace (users, audit, campaigns). */
export const isStaff = (actor: Actor) => STAFF.includes(actor.role);
export const isAdmin = (actor: Actor) => actor.role === 'owner' || actor.role === 'admin';

/** Which roles an actor may hand out in an invitation, and for which markets. */
export function mayInvite(actor: Actor, role: Role, marketCodes: string[]): boolean {
  if (actor.role === 'owner') return true;
  if (actor.role === 'admin') return role !== 'owner';
  if (actor.role === 'market_lead') {
    return (
      (role === 'member' || role === 'creator') &&
      marketCodes.length > 0 &&
      marketCodes.every((code) => actor.marketCodes.includes(code))
    );
  }
  return false;
}

export const mayReadAudit = (actor: Actor) => isStaff(actor);

/**
 * Market scope. A market lead or member works in the markets on their account; a market's own
 * records (its settings, creator policy, creators and everything keyed to them) are written
 * only by admins and by the people of that market. See the modules' policies.ts files.
 */
export const leadsMarket = (actor: Actor, marketCode: string) =>
  actor.role === 'market_lead' && actor.marketCodes.includes(marketCode);
export const worksInMarket = (actor: Actor, marketCode: string) =>
  (actor.role === 'market_lead' || actor.role === 'member') && actor.marketCodes.includes(marketCode);
