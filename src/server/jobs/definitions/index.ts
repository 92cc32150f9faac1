import { escalationsExpire } from './escalations-expire.ts';
import { mailSend } from './mail-send.ts';
import { notificationsDigest } from './notifications-digest.ts';
import { notificationsEmail } from './notifications-email.ts';
import { notificationsSweep } from './notifications-sweep.ts';
import { sessionsPurgeExpired } from './sessions-purge-expired.ts';
import { webhooksDeliver } from './webhooks-deliver.ts';

/** Every job Tandem runs in production. Add a definition here and it can be enqueued and run. */
export const JOB_DEFINITIONS = [
  sessionsPurgeExpired,
  mailSend,
  notificationsEmail,
  notificationsDigest,
  notificationsSweep,
  webhooksDeliver,
  escalationsExpire,
] as const;

export type JobName = (typeof JOB_DEFINITIONS)[number]['name'];
