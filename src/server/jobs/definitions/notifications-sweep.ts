import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * Sends the reminders that have come due: tasks due soon and overdue, drafts waiting for feedback,
 * creators unsigned close to go-live, brief versions not acknowledged
 * (modules/notifications/reminders/). Repeats every NOTIFICATIONS_SWEEP_INTERVAL_MS; each reminder
 * goes once per person however often or wherever it runs.
 */
export const notificationsSweep = defineJob({
  name: 'notifications.sweep',
  version: 1,
  schema: z.strictObject({}),
  retry: { maxAttempts: 3, backoffMs: 30_000 },
  handler: async () => (await import('./notifications-sweep.handler.ts')).run,
});
