import { z } from 'zod';
import { defineJob } from '../define.ts';

/**
 * One attempt of one webhook delivery (src/server/modules/webhooks/deliver.ts). A failed attempt
 * is recorded on the delivery and the next one queued as a new job on the webhook schedule
 * (WEBHOOK_RETRY_BASE_MS doubling, at most 2 h apart, 20 attempts ≈ a day), so the log shows
 * every attempt; the job itself is retried only when the attempt could not be recorded.
 */
export const webhooksDeliver = defineJob({
  name: 'webhooks.deliver',
  version: 1,
  schema: z.strictObject({ deliveryId: z.uuid() }),
  retry: { maxAttempts: 5, backoffMs: 5_000, maxBackoffMs: 60_000 },
  handler: async () => (await import('./webhooks-deliver.handler.ts')).run,
});
