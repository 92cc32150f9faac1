import type { FastifyInstance } from 'fastify';
import { listenForWebhookChanges } from './active-webhooks.ts';
import { setWebhookSettings } from './settings.ts';

export { sign } from './deliver.ts';
export { webhookRoutes } from './routes.ts';

/** Wires webhooks into an app: its settings for the delivery jobs, and the cache's change feed. */
export async function attachWebhooks(app: FastifyInstance): Promise<void> {
  const { config, database } = app.ctx;
  setWebhookSettings(database.db, config.webhooks);
  const unlisten = await listenForWebhookChanges(database);
  app.addHook('onClose', async () => unlisten().catch(() => {}));
}
