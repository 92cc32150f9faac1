import ICAL from 'ical.js';
import type { Attachment } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD } from '../support/factories.ts';
import {
  expectMultipart,
  hourIn,
  Mailbox,
  mailTestBed,
  PUBLIC_URL,
  type ReceivedMail,
} from '../support/mailbox.ts';

const { start, withMailbox, track } = mailTestBed();

/** The absolute link a message offers, checked to point at PUBLIC_URL. */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}${path}([A-Za-z0-9_%-]+)`).exec(
    mail.parsed.text ?? '',
  );
  expect(match, `a ${path} link in the text part`).toBeTruthy();
  expect(String(mail.parsed.html)).toContain(`href="${match![0]}"`);
  return decodeURIComponent(match![1]!);
}

function calendarOf(mail: ReceivedMail) {
  const ics = mail.parsed.attachments.find((a: Attachment) => a.filename === 'invite.ics');
  expect(ics, 'invite.ics attached').toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    event: new ICAL.Event(vevent),
    attendees: vevent
      .getAllProperties('attendee')
      .map((p) => String(p.getFirstValue()).toLowerCase())
      .sort(),
  };
}

async function mailJobs(admin: Client) {
  const all = await Promise.all(
    (['pending', 'running', 'succeeded', 'failed'] as const).map((status) =>
      admin.get<{
        jobs: Array<{ id: string; attempts: number; lastError: string | null; payload: unknown }>;
      }>(`/api/admin/jobs?status=${status}&name=mail.send`),
    ),
  );
  return all.flatMap((res) => res.body.jobs);
}

describe('e-mail', { timeout: 90_000 }, () => {
  it('e-mails an invitation in the language asked for, with the expiry in the inviter’s zone and UTC', async () => {
    const { box, owner } = await withMailbox();
    const ru = await owner.post<{ token: string; url: string; emailed: boolean; expiresAt: string }>(
      '/api/invites',
      { email: 'Nadia@Example.com', role: 'member', marketCodes: ['RU'], locale: 'ru' },
    );
    expect(ru.status).toBe(201);
    expect(ru.body.emailed).toBe(true);
    expect(ru.body.url).toMatch(/\/invite\//);

    const [mail] = await box.waitFor('nadia@example.com');
    expectMultipart(mail!);
    expect(mail!.parsed.subject).toBe('Olga Owner приглашает вас в Tandem');
    expect(mail!.parsed.headers.get('content-language')).toBe('ru');
    expect(mail!.parsed.text).toContain('Роль: Участник');
    expect(mail!.parsed.text).toContain('Рынки: RU');
    // Expiry in the inviter's zone (Moscow) and in UTC.
    expect(mail!.parsed.text).toContain(`${hourIn(ru.body.expiresAt, 'Europe/Moscow')} MSK`);
    expect(mail!.parsed.text).toContain(`${hourIn(ru.body.expiresAt, 'UTC')} UTC`);
    // The link goes to PUBLIC_URL and carries a working token.
    const token = linkIn(mail!, '/invite/');
    expect(token).toBe(ru.body.token);
    const opened = await owner.get<{ email: string }>(`/api/invites/${encodeURIComponent(token)}`);
    expect(opened.status).toBe(200);
    expect(opened.body.email).toBe('nadia@example.com');

    // No locale: the inviter's language (English).
    const en = await owner.post<{ emailed: boolean }>('/api/invites', {
      email: 'sam@example.com',
      role: 'stakeholder',
    });
    expect(en.body.emailed).toBe(true);
    const [english] = await box.waitFor('sam@example.com');
    expect(english!.parsed.subject).toBe('Olga Owner invited you to Tandem');
    expect(english!.parsed.text).toContain('Role: Stakeholder');
    expect(english!.parsed.text).toMatch(/Accept the invitation: https:\/\/tandem\.example\.test\/invite\//);
  });

  it('e-mails a reset link for a known address (in the user’s language and zone); the same 202 and no mail for an unknown one', async () => {
    const { box, owner } = await withMailbox();
    const { user } = await buildUser(owner, { role: 'member', locale: 'ru', timeZone: 'Asia/Vladivostok' });
    await box.waitFor(user.email); // the invitation buildUser sent
    box.messages.length = 0;
    const visitor = new Client(owner.baseUrl);

    const known = await visitor.post('/api/auth/password-reset', { email: user.email });
    const unknown = await visitor.post('/api/auth/password-reset', { email: 'nobody@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const [mail] = await box.waitFor(user.email);
    expectMultipart(mail!);
    expect(mail!.parsed.subject).toBe('Сброс пароля Tandem');
    // "valid until …" in Vladivostok time (UTC+10, no abbreviation: GMT+10).
    const jobs = await mailJobs(owner);
    expect(jobs).toHaveLength(2); // the member's invitation and the reset
    expect(mail!.parsed.text).toMatch(/действует до \d{1,2} \S+ \d{2}:\d{2} GMT\+10/);
    // Admins see the envelope of a queued message, never the link inside it.
    expect(JSON.stringify(jobs)).not.toContain('/reset/');

    const token = linkIn(mail!, '/reset/');
    const confirmed = await visitor.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'a brand new passphrase',
    });
    expect(confirmed.status).toBe(204);
    expect((await visitor.post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await visitor.post('/api/auth/login', { email: user.email, password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(box.for('nobody@example.com')).toHaveLength(0);
    expect(box.messages).toHaveLength(1);
  });

  it('sends meeting invitations with the .ics: REQUEST with SEQUENCE 0, an update with SEQUENCE 1, then CANCEL', async () => {
    const { box, owner, ownerUser } = await withMailbox();
    const campaign = await buildCampaign(owner);
    const { user: lead } = await buildUser(owner, {
      role: 'market_lead',
      marketCodes: ['US'],
      locale: 'en',
      timeZone: 'America/New_York',
    });
    await box.waitFor(lead.email); // the invitation buildUser sent
    box.messages.length = 0;
    const guest = await owner.post<{ id: string }>('/api/external-participants', {
      name: 'Irina',
      email: 'irina@example.com',
      kind: 'interpreter',
      language: 'ru',
      timeZone: 'Europe/Moscow',
    });
    const created = await owner.post<{ id: string; uid: string; version: number; start: string }>(
      `/api/campaigns/${campaign.id}/meetings`,
      {
        title: 'Kickoff',
        start: { local: '2026-03-10T10:00', timeZone: 'America/New_York' },
        durationMinutes: 60,
        participantIds: [lead.id],
        externalParticipantIds: [guest.body.id],
        languages: ['ru', 'en'],
        agenda: { en: 'Goals per market', ru: 'Цели по рынкам' },
      },
    );
    expect(created.status).toBe(201);
    const everyone = ['irina@example.com', lead.email, ownerUser.email].map((e) => `mailto:${e}`).sort();

    // The lead (New York, English): 10:00 EDT, the organiser's 17:00 MSK beside it.
    const [toLead] = await box.waitFor(lead.email);
    expectMultipart(toLead!);
    expect(toLead!.parsed.subject).toBe('Invitation: Kickoff · 10 Mar 10:00 EDT');
    expect(toLead!.parsed.text).toContain('When: 10 Mar 10:00 EDT');
    expect(toLead!.parsed.text).toContain('Organiser’s time: 10 Mar 17:00 MSK');
    expect(toLead!.parsed.text).toContain('Goals per market');
    expect(toLead!.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
    const first = calendarOf(toLead!);
    expect(first.method).toBe('REQUEST');
    expect(first.sequence).toBe(0);
    expect(first.event.uid).toBe(created.body.uid);
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2026-03-10T14:00:00.000Z');
    expect(first.attendees).toEqual(everyone);

    // The external interpreter (Moscow, Russian) gets it too, in Russian and in Moscow time.
    const [toGuest] = await box.waitFor('irina@example.com');
    expect(toGuest!.parsed.subject).toBe('Приглашение: Kickoff · 10 мар. 17:00 MSK');
    expect(toGuest!.parsed.text).toContain('Цели по рынкам');
    // Same zone as the organiser: no second time.
    expect(toGuest!.parsed.text).not.toContain('Время организатора');
    await box.waitFor(ownerUser.email);

    const moved = await owner.patch<{ version: number; sequence: number }>(
      `/api/meetings/${created.body.id}`,
      {
        version: created.body.version,
        start: '2026-03-11T15:00:00Z',
      },
    );
    expect(moved.status).toBe(200);
    const [, update] = await box.waitFor(lead.email, 2);
    expect(update!.parsed.subject).toBe('Updated invitation: Kickoff · 11 Mar 11:00 EDT');
    const second = calendarOf(update!);
    expect(second.method).toBe('REQUEST');
    expect(second.sequence).toBe(1);
    expect(second.event.uid).toBe(created.body.uid);
    expect(second.event.startDate.toJSDate().toISOString()).toBe('2026-03-11T15:00:00.000Z');

    // Notes only: the invitation does not change, no mail.
    const noted = await owner.patch(`/api/meetings/${created.body.id}`, {
      version: moved.body.version,
      notes: 'x',
    });
    expect(noted.status).toBe(200);

    expect((await owner.post(`/api/meetings/${created.body.id}/cancel`)).status).toBe(200);
    const [, , cancel] = await box.waitFor('irina@example.com', 3);
    expect(cancel!.parsed.subject).toMatch(/^Отменено: Kickoff/);
    expect(cancel!.raw).toMatch(/method=CANCEL/i);
    const third = calendarOf(cancel!);
    expect(third.method).toBe('CANCEL');
    expect(third.sequence).toBe(2);
    expect(third.event.uid).toBe(created.body.uid);
    await box.waitFor(lead.email, 3);
    expect(box.for(lead.email)).toHaveLength(3);
  });

  it('keeps a message while the SMTP server is down and delivers it once it is up; the request never waits', async () => {
    const port = await Mailbox.freePort();
    const { owner } = await start({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_BACKOFF_MS: '200' });
    const startedAt = Date.now();
    const invite = await owner.post<{ emailed: boolean }>('/api/invites', {
      email: 'late@example.com',
      role: 'member',
    });
    expect(invite.status).toBe(201);
    expect(invite.body.emailed).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(3_000);

    // At least one attempt failed and the job waits for the next.
    const deadline = Date.now() + 20_000;
    let failedOnce = false;
    while (!failedOnce && Date.now() < deadline) {
      const jobs = await mailJobs(owner);
      failedOnce = jobs.some((job) => job.attempts >= 1 && job.lastError);
      if (!failedOnce) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(failedOnce).toBe(true);

    const box = await Mailbox.start(port);
    track(box);
    const [mail] = await box.waitFor('late@example.com', 1, 30_000);
    expect(mail!.parsed.subject).toBe('Olga Owner invited you to Tandem');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(box.for('late@example.com')).toHaveLength(1);
  });

  it('without SMTP_URL queues nothing and tells admins that e-mail is off', async () => {
    const { owner } = await start({});
    const settings = await owner.get<{ configured: boolean; host: string | null; from: string }>(
      '/api/admin/mail',
    );
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ configured: false, host: null, from: 'Tandem <tandem@example.test>' });
    const invite = await owner.post<{ emailed: boolean; url: string }>('/api/invites', {
      email: 'quiet@example.com',
      role: 'member',
    });
    expect(invite.status).toBe(201);
    expect(invite.body.emailed).toBe(false);
    expect((await owner.post('/api/auth/password-reset', { email: 'owner@tandem.test' })).status).toBe(202);
    expect(await mailJobs(owner)).toHaveLength(0);
    const test = await owner.post<ErrorBody>('/api/admin/mail/test');
    expect(test.status).toBe(409);
    expect(test.body.error.code).toBe('mail_not_configured');
  });

  it('shows admins the SMTP host without credentials and sends them a test message; others may not look', async () => {
    const box = await Mailbox.start();
    track(box);
    const { owner, ownerUser } = await start({ SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${box.port}` });
    // The test server takes no AUTH: the credentials only have to stay hidden here.
    const settings = await owner.get<{ configured: boolean; host: string }>('/api/admin/mail');
    expect(settings.body).toEqual({
      configured: true,
      host: `127.0.0.1:${box.port}`,
      from: 'Tandem <tandem@example.test>',
    });
    expect(JSON.stringify(settings.body)).not.toContain('s3cret');
    const { client: member } = await buildUser(owner, { role: 'member' });
    expect((await member.get('/api/admin/mail')).status).toBe(403);
    expect((await member.post('/api/admin/mail/test')).status).toBe(403);

    const test = await owner.post<{ to: string }>('/api/admin/mail/test');
    expect(test.status).toBe(202);
    expect(test.body.to).toBe(ownerUser.email);
    const [mail] = await box.waitFor(ownerUser.email);
    expectMultipart(mail!);
    expect(mail!.parsed.subject).toBe('Tandem test e-mail');
    expect(mail!.parsed.text).toContain(`127.0.0.1:${box.port}`);
    expect(mail!.parsed.text).not.toContain('s3cret');
    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?entityId=${ownerUser.id}`,
    );
    expect(audit.body.events.some((e) => e.action === 'mail.test_sent')).toBe(true);
  });
});
