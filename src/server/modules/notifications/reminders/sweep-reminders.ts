import type { Db } from '../../../db/index.ts';
import type { SweepOptions } from './batches.ts';
import { remindBriefAcknowledgements } from './brief-acknowledgements.ts';
import { remindFeedback } from './feedback-reminders.ts';
import { remindLaunches } from './launch-reminders.ts';
import { remindDueSoonTasks, remindOverdueTasks } from './task-reminders.ts';
import { remindRespondBy, remindUnsignedEngagements } from './unsigned-engagements.ts';

export const SWEEP_BATCH_SIZE = 500;

export interface SweepResult {
  tasksDueSoon: number;
  tasksOverdue: number;
  feedback: number;
  unsignedEngagements: number;
  respondBy: number;
  launches: number;
  briefAcknowledgements: number;
}

/**
 * Sends every reminder that has come due (notifications.sweep runs this every
 * NOTIFICATIONS_SWEEP_INTERVAL_MS). Each reminder carries a dedupe key, so a second sweep, or a
 * sweep on another instance at the same moment, sends nothing twice; the queries leave out what was
 * already sent, so a sweep with nothing due costs a handful of indexed queries.
 */
export async function sweepReminders(db: Db, options: Partial<SweepOptions> = {}): Promise<SweepResult> {
  const resolved: SweepOptions = {
    now: options.now ?? new Date(),
    batchSize: options.batchSize ?? SWEEP_BATCH_SIZE,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return {
    tasksDueSoon: await remindDueSoonTasks(db, resolved),
    tasksOverdue: await remindOverdueTasks(db, resolved),
    feedback: await remindFeedback(db, resolved),
    unsignedEngagements: await remindUnsignedEngagements(db, resolved),
    respondBy: await remindRespondBy(db, resolved),
    launches: await remindLaunches(db, resolved),
    briefAcknowledgements: await remindBriefAcknowledgements(db, resolved),
  };
}
