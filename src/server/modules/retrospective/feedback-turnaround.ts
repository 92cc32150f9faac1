import type { z } from 'zod';
import type { EngagementRow, SubmissionRow } from './late-items.ts';
import type { feedbackTurnaroundSchema } from './schema.ts';

type Turnaround = z.infer<typeof feedbackTurnaroundSchema>;
const HOUR = 3_600_000;
const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A market's feedback on drafts against its promise (the RU team answers within 24 h, the US team
 * within 48 h: market_policies.feedback_turnaround_hours). "On time" is judged on each draft's own
 * feedback time, fixed when it was submitted from the policy then in force; the turnaround is
 * from submission to answer. Drafts of declined or dropped engagements still count once answered,
 * but an unanswered one is not held against the team.
 */
export function feedbackTurnaround(
  policyHours: number,
  marketCode: string,
  byId: Map<string, EngagementRow>,
  drafts: SubmissionRow[],
  now: Date,
): Turnaround {
  const turnarounds: number[] = [];
  let submissions = 0;
  let onTime = 0;
  let openOverdue = 0;
  for (const s of drafts) {
    const engagement = byId.get(s.engagementId);
    if (engagement?.marketCode !== marketCode) continue;
    submissions++;
    if (s.feedbackAt) {
      turnarounds.push(s.feedbackAt.getTime() - s.submittedAt.getTime());
      if (s.feedbackAt <= s.feedbackDueAt) onTime++;
    } else if (s.feedbackDueAt < now && engagement.status !== 'declined' && engagement.status !== 'dropped') {
      openOverdue++;
    }
  }
  const answered = turnarounds.length;
  const mid = median(turnarounds);
  return {
    policyHours,
    submissions,
    answered,
    answeredOnTime: onTime,
    medianHours: mid === null ? null : hours(mid),
    worstHours: answered ? hours(Math.max(...turnarounds)) : null,
    openOverdue,
    kept: answered === 0 && openOverdue === 0 ? null : onTime === answered && openOverdue === 0,
  };
}
