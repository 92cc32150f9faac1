import { describe, expect, it } from 'vitest';
import { notify } from '../../src/server/modules/notifications/notify.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser } from '../support/factories.ts';
import { expectMultipart, hourIn, type Mailbox, mailTestBed, PUBLIC_URL } from '../support/mailbox.ts';

/** Notification e-mail: the notifications.email job (urgent at once, others in working hours) and the daily digest. */
const { withMailbox } = mailTestBed();

describe('notification e-mail', { timeout: 90_000 }, () => {
  const isoWeekday = (at: Date, timeZone: string) =>
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
      new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at),
    ) + 1;

  async function recipient(owner: Client, box: Mailbox, locale: 'en' | 'ru', timeZone: string) {
    const built = await buildUser(owner, { role: 'member', locale, timeZone, name: 'Nina' });
    await box.waitFor(built.user.email); // the invitation
    box.messages.length = 0;
    return built;
  }

  it('e-mails an urgent notification at once, in the recipient’s language and zone', async () => {
    const { box, owner, server } = await withMailbox();
    const { user } = await recipient(owner, box, 'ru', 'America/New_York');
    const campaign = await buildCampaign(owner);
    await server.database.db.transaction((tx) =>
      notify(tx, {
        userId: user.id,
        kind: 'escalation.raised',
        params: {
          campaignName: campaign.name,
          summary: 'Creator wants to change the script',
          actorName: 'Olga Owner',
          dueAt: '2026-03-05T19:00:00.000Z',
          level: 1,
        },
        link: `/campaigns/${campaign.id}/escalations`,
        campaignId: campaign.id,
        marketCode: 'RU',
      }),
    );
    const [mail] = await box.waitFor(user.email);
    expectMultipart(mail!);
    expect(mail!.parsed.headers.get('content-language')).toBe('ru');
    // 19:00Z is 14:00 in New York (EST) and 22:00 in Moscow, the market's zone.
    expect(mail!.parsed.text).toMatch(/14:00 EST \/ 22:00 MSK/);
    expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/campaigns/${campaign.id}/escalations`);
    expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/settings/notifications`);
    const inbox = await owner.get('/api/admin/jobs?status=succeeded&name=notifications.email');
    expect((inbox.body as { jobs: unknown[] }).jobs).toHaveLength(1);
  });

  it('holds a non-urgent e-mail until the recipient’s working hours begin', async () => {
    const { box, owner, server } = await withMailbox();
    const zone = 'Asia/Tokyo';
    const { user, client } = await recipient(owner, box, 'en', zone);
    // Works only the day after tomorrow (in Tokyo): now is outside the working hours.
    const now = new Date();
    const workday = ((isoWeekday(now, zone) + 1) % 7) + 1;
    const hours = await client.put('/api/me/working-hours', {
      hours: { [String(workday)]: { start: '09:00', end: '17:00' } },
    });
    expect(hours.status).toBe(200);
    const campaign = await buildCampaign(owner);
    await server.database.db.transaction((tx) =>
      notify(tx, {
        userId: user.id,
        kind: 'task.assigned',
        params: {
          taskTitle: 'Brief the creators',
          campaignName: campaign.name,
          actorName: 'Olga',
          dueAt: null,
        },
        link: `/campaigns/${campaign.id}/tasks`,
        campaignId: campaign.id,
      }),
    );
    const pending = await owner.get<{ jobs: Array<{ runAt: string }> }>(
      '/api/admin/jobs?status=pending&name=notifications.email',
    );
    expect(pending.body.jobs).toHaveLength(1);
    const runAt = new Date(pending.body.jobs[0]!.runAt);
    expect(runAt.getTime()).toBeGreaterThan(now.getTime() + 3_600_000);
    expect(isoWeekday(runAt, zone)).toBe(workday);
    expect(hourIn(runAt.toISOString(), zone)).toBe('09:00');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(box.for(user.email)).toHaveLength(0);
  });

  it('gathers daily-digest notifications into one e-mail a day', async () => {
    const { box, owner, server } = await withMailbox({ MAIL_DIGEST_INTERVAL_MS: '200' });
    const { user, client } = await recipient(owner, box, 'en', 'Europe/Berlin');
    const allDay = { start: '00:00', end: '23:59' };
    await client.put('/api/me/working-hours', {
      hours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay])),
    });
    expect((await client.put('/api/me/notification-settings', { digest: 'daily' })).status).toBe(200);
    const campaign = await buildCampaign(owner);
    const assign = (taskTitle: string) =>
      server.database.db.transaction((tx) =>
        notify(tx, {
          userId: user.id,
          kind: 'task.assigned',
          params: { taskTitle, campaignName: campaign.name, actorName: 'Olga', dueAt: null },
          link: `/campaigns/${campaign.id}/tasks`,
          campaignId: campaign.id,
        }),
      );
    await assign('First task');
    await assign('Second task');
    const [digest] = await box.waitFor(user.email);
    expect(digest!.parsed.subject).toBe('Tandem: 2 updates since your last digest');
    expect(digest!.parsed.text).toContain('First task');
    expect(digest!.parsed.text).toContain('Second task');
    // A third one the same day waits for tomorrow's digest.
    await assign('Third task');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(box.for(user.email)).toHaveLength(1);
  });
});
