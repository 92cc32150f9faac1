import { attemptDelivery } from '../../modules/webhooks/deliver.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<{ deliveryId: string }> = async ({ deliveryId }, { db, signal }) => {
  await attemptDelivery(db, deliveryId, signal);
};
