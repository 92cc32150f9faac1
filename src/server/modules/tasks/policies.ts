import { type Actor, isStaff } from '../auth/policies.ts';

/**
 * The shared tracker is NOT market-scoped: both teams see and write every task of a campaign,
 * whatever its market, because tasks are how the two teams hand work to each other. The RU team
 * may create, edit, move and close a US task and vice versa; the audit log shows who did what.
 * Meetings follow the same rule (meetings/schedule-meeting.ts).
 */

/** Tasks (create, edit, move, delete): every staff member but stakeholders, who read and comment. */
export const mayWriteTasks = (actor: Actor) => isStaff(actor) && actor.role !== 'stakeholder';

/** Comments: every staff member, stakeholders included; creators never see internal tasks. */
export const mayComment = (actor: Actor) => isStaff(actor);

/** Watching: anyone on staff watches for themselves; the writers may add or remove other people. */
export const mayWatch = (actor: Actor, userId: string) =>
  isStaff(actor) && (userId === actor.id || mayWriteTasks(actor));
