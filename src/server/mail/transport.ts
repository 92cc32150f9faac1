import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { z } from 'zod';
import type { mailMessageSchema } from './message.ts';
import { mailSettings } from './settings.ts';

let cached: { url: string; transporter: Transporter } | undefined;

/**
 * One transport per process (per SMTP_URL), without a pool: each message opens its own
 * connection, so nothing stays open between messages and a server restart costs nothing. Short
 * connection timeouts make a dead server fail fast; the job retries later.
 */
function transporter(): Transporter {
  const { smtpUrl } = mailSettings();
  if (!smtpUrl) throw new Error('E-mail is not configured (SMTP_URL is unset)');
  if (cached?.url !== smtpUrl) {
    cached = {
      url: smtpUrl,
      transporter: nodemailer.createTransport({
        url: smtpUrl,
        pool: false,
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return cached.transporter;
}

export async function deliver(message: z.output<typeof mailMessageSchema>): Promise<void> {
  const { from } = mailSettings();
  await transporter().sendMail({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      encoding: a.encoding,
    })),
    icalEvent: message.calendar,
  });
}

/** A Message-ID on the sender's domain (taken from MAIL_FROM). */
export function newMessageId(): string {
  const domain = /@([^>\s]+)/.exec(mailSettings().from)?.[1] ?? 'localhost';
  return `<${randomUUID()}@${domain}>`;
}
