import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../http/errors.ts';
import { recordAuditEvent } from '../modules/audit/record-event.ts';
import { requireUser } from '../modules/auth/authenticate.ts';
import { isAdmin } from '../modules/auth/policies.ts';
import { enqueueMail } from './enqueue-mail.ts';
import { mailConfigured, mailSettings, smtpHost } from './settings.ts';
import { testMail } from './templates/test-message.ts';

const tags = ['Admin'];
const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** E-mail settings for admins (the Team page): whether mail goes out, and a test message. */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/mail',
    {
      schema: {
        tags,
        summary: 'Whether e-mail is configured (SMTP_URL), the sender and the SMTP host (never credentials)',
        response: {
          200: z.object({ configured: z.boolean(), from: z.string(), host: z.string().nullable() }),
          403: errorSchema,
        },
      },
    },
    async (request) => {
      if (!isAdmin(requireUser(request))) throw forbidden();
      return { configured: mailConfigured(), from: mailSettings().from, host: smtpHost() };
    },
  );

  app.post(
    '/api/admin/mail/test',
    {
      schema: {
        tags,
        summary: 'Queue a test e-mail to the signed-in admin',
        response: { 202: z.object({ to: z.string() }), 403: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      if (!isAdmin(admin)) throw forbidden();
      const host = smtpHost();
      if (!host) throw new AppError(409, 'mail_not_configured', 'error.mail_not_configured');
      await app.ctx.database.db.transaction(async (tx) => {
        await enqueueMail(tx, testMail(admin, { host, from: mailSettings().from }));
        await recordAuditEvent(tx, {
          actor: admin,
          action: 'mail.test_sent',
          entityType: 'user',
          entityId: admin.id,
          after: { to: admin.email, host },
        });
      });
      return reply.status(202).send({ to: admin.email });
    },
  );
};
