import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * E-mails one notification (queued by notify(): urgent kinds at once, others at the start of the
 * recipient's working hours). The message itself goes through `mail.send` and its long retries.
 */
export const notificationsEmail = defineJob({
  name: 'notifications.email',
  version: 1,
  schema: z.strictObject({ notificationId: z.uuid() }),
  retry: { maxAttempts: 5, backoffMs: 30_000 },
  handler: async () => (await import('./notifications-email.handler.ts')).run,
});
