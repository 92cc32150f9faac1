import { mailMessageSchema } from '../../mail/message.ts';
import { mailSettings } from '../../mail/settings.ts';
import { defineJob } from '../define.ts';

/**
 * Sends one complete message (src/server/mail). An SMTP server that is down or refuses delays
 * the message: retried after MAIL_RETRY_BACKOFF_MS (1 minute), doubling up to 60 times that
 * (an hour), 40 attempts in all: about a day and a half before it shows as failed to admins.
 */
export const mailSend = defineJob({
  name: 'mail.send',
  version: 1,
  schema: mailMessageSchema,
  retry: {
    maxAttempts: 40,
    // Read when a retry is planned, so the test knob (MAIL_RETRY_BACKOFF_MS) applies.
    get backoffMs() {
      return mailSettings().retryBackoffMs;
    },
    get maxBackoffMs() {
      return mailSettings().retryBackoffMs * 60;
    },
  },
  handler: async () => (await import('./mail-send.handler.ts')).run,
  // The body may hold a one-time link (password reset, invitation): admins see the envelope only.
  redact: (payload) => {
    const { messageId, to, subject } = (payload ?? {}) as Record<string, unknown>;
    return { messageId, to, subject };
  },
});
