/** What other modules (and the demo loader) may call. */
export { decideEscalation } from './decide-escalation.ts';
export { findEscalation, listEscalations } from './find-escalations.ts';
export { handOverEscalation, runEscalationClock } from './hand-over-escalation.ts';
export { type RaiseEscalationInput, raiseEscalation } from './raise-escalation.ts';
