import { and, eq } from 'drizzle-orm';
import { enqueueMail } from '../../mail/enqueue-mail.ts';
import { mailConfigured } from '../../mail/settings.ts';
import { notificationMail } from '../../mail/templates/notification.ts';
import { users } from '../../modules/auth/tables.ts';
import { notifications } from '../../modules/notifications/tables.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<{ notificationId: string }> = async ({ notificationId }, { db }) => {
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        notification: notifications,
        recipient: {
          name: users.name,
          email: users.email,
          locale: users.locale,
          timeZone: users.timeZone,
          deactivatedAt: users.deactivatedAt,
        },
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.id, notificationId))
      .for('update', { of: notifications });
    // Gone, or already handled by an earlier run of this job.
    if (found?.notification.emailStatus !== 'queued') return;
    const { notification, recipient } = found;
    // Read in the app while the mail waited for working hours, a deactivated account, or e-mail
    // switched off since: nothing to send.
    const skip = notification.readAt !== null || recipient.deactivatedAt !== null || !mailConfigured();
    if (!skip) await enqueueMail(tx, notificationMail(notification, recipient));
    await tx
      .update(notifications)
      .set(skip ? { emailStatus: 'skipped' } : { emailStatus: 'sent', emailedAt: new Date() })
      .where(and(eq(notifications.id, notificationId), eq(notifications.emailStatus, 'queued')));
  });
};
