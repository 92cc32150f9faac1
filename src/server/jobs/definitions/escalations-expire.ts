import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * An escalation's time at one level ran out: hand it to the rule's next person or mark it expired
 * (modules/escalations/hand-over-escalation.ts). Queued on raise and on every hand-over, at `dueAt`.
 */
export const escalationsExpire = defineJob({
  name: 'escalations.expire',
  version: 1,
  schema: z.strictObject({ escalationId: z.uuid(), level: z.number().int().min(1) }),
  retry: { maxAttempts: 10, backoffMs: 5_000, maxBackoffMs: 300_000 },
  handler: async () => (await import('./escalations-expire.handler.ts')).run,
});
