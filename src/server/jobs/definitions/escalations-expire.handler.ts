import { runEscalationClock } from '../../modules/escalations/index.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<{ escalationId: string; level: number }> = async (payload, { db }) => {
  await runEscalationClock(db, payload.escalationId, payload.level);
};
