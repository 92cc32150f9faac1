import { z } from 'zod';

/**
 * A complete message, as stored in the `mail.send` job: a retry sends exactly the same bytes'
 * worth of content (same Message-ID, so a server that did take the first try can drop the repeat).
 */
export const mailMessageSchema = z.strictObject({
  messageId: z.string().min(3),
  to: z.strictObject({ name: z.string(), address: z.string().min(3) }),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  attachments: z
    .array(
      z.strictObject({
        filename: z.string(),
        contentType: z.string(),
        content: z.string(),
        encoding: z.enum(['utf8', 'base64']).default('utf8'),
      }),
    )
    .default([]),
  /** An invitation: sent as a text/calendar alternative (method=…) and as invite.ics. */
  calendar: z
    .strictObject({ method: z.enum(['REQUEST', 'CANCEL']), filename: z.string(), content: z.string() })
    .optional(),
});

export type MailMessage = z.input<typeof mailMessageSchema>;
