import { type Actor, isAdmin, isStaff } from '../auth/policies.ts';

/**
 * Reading: everyone who sees the campaign (all staff, stakeholders included). Raising: the teams
 * (owner, admin, market leads, members) but not stakeholders: an escalation starts a clock on
 * someone's time, and the brand side asks through comments and approvals; a stakeholder named in a
 * rule still decides. Creators see neither.
 */
export const mayReadEscalations = (actor: Actor) => isStaff(actor);
export const mayRaiseEscalation = (actor: Actor) => isStaff(actor) && actor.role !== 'stakeholder';
/** The person who holds the question now, or an admin standing in. */
export const mayDecideEscalation = (actor: Actor, escalation: { deciderId: string }) =>
  isStaff(actor) && (actor.id === escalation.deciderId || isAdmin(actor));
