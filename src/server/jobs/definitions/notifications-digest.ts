import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * The daily digest, run every MAIL_DIGEST_INTERVAL_MS (15 minutes): each person with
 * notifications waiting for the digest gets one e-mail listing them, once their working day has
 * begun in their own zone, at most once per local day.
 */
export const notificationsDigest = defineJob({
  name: 'notifications.digest',
  version: 1,
  schema: z.strictObject({}),
  retry: { maxAttempts: 3, backoffMs: 60_000 },
  handler: async () => (await import('./notifications-digest.handler.ts')).run,
});
