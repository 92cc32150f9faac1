import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * Deletes expired sessions and sign-in failures older than a day (the limits look back 15
 * minutes). Runs every SESSIONS_PURGE_INTERVAL_MS; audited when it deletes anything.
 */
export const sessionsPurgeExpired = defineJob({
  name: 'sessions.purge-expired',
  version: 1,
  schema: z.strictObject({}),
  retry: { maxAttempts: 3, backoffMs: 60_000 },
  handler: async () => (await import('./sessions-purge-expired.handler.ts')).run,
});
