import { sweepReminders } from '../../modules/notifications/reminders/sweep-reminders.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<Record<string, never>> = async (_payload, { db, signal }) => {
  await sweepReminders(db, { signal });
};
