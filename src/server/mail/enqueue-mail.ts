import type { DbOrTx } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import type { MailMessage } from './message.ts';
import { mailConfigured, mailSettings } from './settings.ts';

/**
 * Queues a message inside the caller's transaction: it is sent only if the change commits, and
 * a slow or dead SMTP server never holds up or fails the request (the `mail.send` job retries).
 * Returns false, queueing nothing, when SMTP is not configured or the address cannot exist.
 */
export async function enqueueMail(
  tx: DbOrTx,
  message: MailMessage,
  options: { dedupeKey?: string } = {},
): Promise<boolean> {
  if (!mailConfigured()) {
    mailSettings().log.debug({ subject: message.subject }, 'mail: SMTP_URL is unset, message not sent');
    return false;
  }
  // RFC 2606 reserves .invalid: such an address (the demo's people) can never receive mail.
  if (/\.invalid$/i.test(message.to.address.trim())) return false;
  await enqueueJob(tx, 'mail.send', message, options);
  return true;
}
