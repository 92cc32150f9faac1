import type { MessageKey, MessageValues } from '../../../shared/i18n/runtime.ts';
import type { PortalEngagement } from '../../api/creators.ts';

export type StepTone = 'action' | 'waiting' | 'done' | 'out';

/** What the creator should do now (or what they are waiting for), in one line. */
export function nextStep(engagement: PortalEngagement): {
  key: MessageKey;
  values?: MessageValues;
  tone: StepTone;
} {
  const status = engagement.status;
  if (status === 'declined' || status === 'dropped') return { key: 'portal.step.out', tone: 'out' };
  const awaitingSignature = engagement.agreements.find((a) => a.status === 'sent');
  const signed = engagement.agreements.some((a) => a.status === 'signed');
  if (awaitingSignature && !signed) return { key: 'portal.step.sign', tone: 'action' };
  const latest = [...engagement.submissions].sort((a, b) => b.round - a.round)[0];
  if (latest && !latest.decision) return { key: 'portal.step.waitingFeedback', tone: 'waiting' };
  if (latest?.decision === 'approved' || status === 'approved')
    return { key: 'portal.step.approved', tone: 'done' };
  if (status === 'live' || status === 'reported') return { key: 'portal.step.live', tone: 'done' };
  if (latest?.decision === 'changes_requested') return { key: 'portal.step.revise', tone: 'action' };
  if (signed) return { key: 'portal.step.submit', tone: 'action' };
  return { key: 'portal.step.agreementComing', tone: 'waiting' };
}
