import type { Config } from '../../config.ts';
import type { Db } from '../../db/index.ts';

export type WebhookSettings = Config['webhooks'];

const DEFAULTS: WebhookSettings = { allowPrivateNetworks: false, retryBaseMs: 30_000, maxAttempts: 20 };

// Job handlers get the database handle, not the app: settings are found by it. Keyed by handle
// because tests run several apps (with different settings) in one process.
const byDatabase = new WeakMap<Db, WebhookSettings>();

export function setWebhookSettings(db: Db, settings: WebhookSettings): void {
  byDatabase.set(db, settings);
}

export function webhookSettings(db: Db): WebhookSettings {
  return byDatabase.get(db) ?? DEFAULTS;
}

export const MAX_RETRY_DELAY_MS = 2 * 60 * 60 * 1000;
/** Deliveries in a row given up before the webhook is paused. */
export const FAILURES_BEFORE_PAUSE = 5;
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Delay before attempt `attempts + 1`, after `attempts` attempts failed. */
export function retryDelay(settings: WebhookSettings, attempts: number): number {
  // The cap scales with the base, so a fast test schedule (WEBHOOK_RETRY_BASE_MS) stays fast.
  const cap = Math.min(MAX_RETRY_DELAY_MS, settings.retryBaseMs * 240);
  return Math.min(cap, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}
