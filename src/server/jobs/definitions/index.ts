import { escalationsExpire } from './escalations-expire.ts';
import { sessionsPurgeExpired } from './sessions-purge-expired.ts';
import { webhooksDeliver } from './webhooks-deliver.ts';

/** Every job Tandem runs in production. Add a definition here and it can be enqueued and run. */
export const JOB_DEFINITIONS = [sessionsPurgeExpired, escalationsExpire, webhooksDeliver] as const;

export type JobName = (typeof JOB_DEFINITIONS)[number]['name'];
