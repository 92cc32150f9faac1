import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Slot {
  start: string;
  end: string;
  insideCount: number;
  outside: Array<{ participantId: string; name: string; minutesOutside: number }>;
}
type Slots = { perfect: boolean; slots: Slot[] };

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url, { timeZone: 'Europe/Moscow' }));
});
afterAll(async () => {
  await server.close();
});

const moscow = { name: 'Moscow', timeZone: 'Europe/Moscow' };
const newYork = { name: 'New York', timeZone: 'America/New_York' };
const losAngeles = { name: 'Los Angeles', timeZone: 'America/Los_Angeles' };
const startsOn = (slots: Slot[], day: string) =>
  slots.filter((s) => s.start.startsWith(day)).map((s) => s.start.slice(11, 16));

describe('the slot finder', () => {
  it('finds Moscow + New York overlaps, exact on both sides of the March US clock change', async () => {
    const res = await owner.post<Slots>('/api/meetings/slots', {
      participants: [moscow, newYork],
      durationMinutes: 60,
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-14T00:00:00Z',
      limit: 100,
    });
    expect(res.status).toBe(200);
    expect(res.body.perfect).toBe(true);
    // New York on EST (UTC-5): 09:00 there is 14:00Z, Moscow closes at 15:00Z: one hour.
    expect(
      startsOn(
        res.body.slots.filter((s) => s.insideCount === 2),
        '2026-03-06',
      ),
    ).toEqual(['14:00']);
    // From 8 March New York is on EDT (UTC-4): the overlap grows to 13:00–15:00Z.
    expect(
      startsOn(
        res.body.slots.filter((s) => s.insideCount === 2),
        '2026-03-09',
      ),
    ).toEqual(['13:00', '13:30', '14:00']);
    // Weekends are nobody's working hours.
    expect(
      startsOn(
        res.body.slots.filter((s) => s.insideCount === 2),
        '2026-03-07',
      ),
    ).toEqual([]);
    // Ranked: perfect slots first, earliest first.
    expect(res.body.slots[0]).toMatchObject({
      start: '2026-03-02T14:00:00.000Z',
      insideCount: 2,
      outside: [],
    });
  });

  it('shrinks the overlap again after the November change', async () => {
    const res = await owner.post<Slots>('/api/meetings/slots', {
      participants: [moscow, newYork],
      durationMinutes: 60,
      from: '2026-10-30T00:00:00Z',
      to: '2026-11-03T00:00:00Z',
      limit: 100,
    });
    const inside = res.body.slots.filter((s) => s.insideCount === 2);
    expect(startsOn(inside, '2026-10-30')).toEqual(['13:00', '13:30', '14:00']);
    expect(startsOn(inside, '2026-11-02')).toEqual(['14:00']);
  });

  it('offers the best compromises when nobody fits, saying who is outside their hours and by how much', async () => {
    const res = await owner.post<Slots>('/api/meetings/slots', {
      participants: [moscow, newYork, losAngeles],
      durationMinutes: 90,
      from: '2026-03-09T00:00:00Z',
      to: '2026-03-10T00:00:00Z',
    });
    expect(res.body.perfect).toBe(false);
    const best = res.body.slots[0]!;
    expect(best.insideCount).toBe(2);
    expect(best.outside).toHaveLength(1);
    expect(best.outside[0]!.minutesOutside).toBeGreaterThan(0);
    for (const slot of res.body.slots) {
      expect(slot.insideCount).toBeLessThanOrEqual(best.insideCount);
    }
  });

  it('uses saved working hours and zones of users', async () => {
    const { client: lead, user: leadUser } = await buildUser(owner, {
      role: 'market_lead',
      marketCodes: ['US'],
      timeZone: 'America/New_York',
    });
    const saved = await lead.put<{ hours: Record<string, unknown> }>('/api/me/working-hours', {
      hours: { '1': { start: '07:00', end: '12:00' } },
    });
    expect(saved.status).toBe(200);
    const res = await owner.post<Slots>('/api/meetings/slots', {
      participants: [{ userId: ownerUser.id }, { userId: leadUser.id }],
      durationMinutes: 60,
      from: '2026-03-09T00:00:00Z',
      to: '2026-03-10T00:00:00Z',
      limit: 100,
    });
    // Monday 07:00–12:00 EDT is 11:00–16:00Z; Moscow works 06:00–15:00Z.
    expect(
      startsOn(
        res.body.slots.filter((s) => s.insideCount === 2),
        '2026-03-09',
      ),
    ).toEqual(['11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00']);
    const bad = await lead.put<ErrorBody>('/api/me/working-hours', {
      hours: { '1': { start: '18:00', end: '09:00' } },
    });
    expect(bad.status).toBe(400);
  });

  it('refuses bad ranges and zones', async () => {
    const base = {
      participants: [moscow],
      durationMinutes: 60,
      from: '2026-03-09T00:00:00Z',
      to: '2026-03-08T00:00:00Z',
    };
    expect((await owner.post('/api/meetings/slots', base)).status).toBe(400);
    expect((await owner.post('/api/meetings/slots', { ...base, to: '2026-12-01T00:00:00Z' })).status).toBe(
      400,
    );
    expect(
      (
        await owner.post('/api/meetings/slots', {
          ...base,
          to: '2026-03-10T00:00:00Z',
          participants: [{ timeZone: 'Mars/Base' }],
        })
      ).status,
    ).toBe(400);
  });
});

describe('meetings and invitations', () => {
  it('writes an RFC 5545 invitation that an independent parser reads back to the same instants', async () => {
    const campaign = await buildCampaign(owner);
    const { user: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'], locale: 'en' });
    const interpreter = await owner.post<{ id: string }>('/api/external-participants', {
      name: 'Irina (interpreter)',
      email: 'irina@example.com',
      kind: 'interpreter',
      language: 'ru',
      timeZone: 'Europe/Moscow',
    });
    expect(interpreter.status).toBe(201);
    const created = await owner.post<{
      id: string;
      start: string;
      end: string;
      uid: string;
      sequence: number;
      version: number;
    }>(`/api/campaigns/${campaign.id}/meetings`, {
      title: 'Kickoff',
      start: { local: '2026-03-10T10:00', timeZone: 'America/New_York' },
      durationMinutes: 90,
      participantIds: [lead.id],
      externalParticipantIds: [interpreter.body.id],
      languages: ['ru', 'en'],
      interpreter: { needed: true, name: 'Irina' },
      agenda: { en: 'Goals per market', ru: 'Цели по рынкам' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      start: '2026-03-10T14:00:00.000Z',
      end: '2026-03-10T15:30:00.000Z',
      sequence: 0,
    });

    const parse = async (language: string) => {
      const res = await owner.get<string>(`/api/meetings/${created.body.id}/ics?language=${language}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(res.body));
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      return { calendar, vevent, event: new ICAL.Event(vevent), raw: res.body };
    };
    const ru = await parse('ru');
    expect(ru.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ru.event.uid).toBe(created.body.uid);
    expect(ru.event.startDate.toJSDate().toISOString()).toBe('2026-03-10T14:00:00.000Z');
    expect(ru.event.endDate.toJSDate().toISOString()).toBe('2026-03-10T15:30:00.000Z');
    expect(ru.vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(ru.vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(String(ru.vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      'mailto:owner@tandem.test',
    );
    const attendees = ru.vevent
      .getAllProperties('attendee')
      .map((p) => String(p.getFirstValue()).toLowerCase());
    expect(attendees.sort()).toEqual(
      ['mailto:irina@example.com', `mailto:${lead.email}`, 'mailto:owner@tandem.test'].sort(),
    );
    expect(ru.event.description).toContain('Цели по рынкам');
    expect(ru.event.description).toContain('Переводчик: Irina');
    const en = await parse('en');
    expect(en.event.description).toContain('Goals per market');
    expect(en.event.description).toContain('Languages: Russian, English');

    // A reschedule keeps the UID and raises SEQUENCE; a cancellation too.
    const moved = await owner.patch<{ sequence: number; version: number }>(
      `/api/meetings/${created.body.id}`,
      {
        version: created.body.version,
        start: '2026-03-11T14:00:00Z',
      },
    );
    expect(moved.body.sequence).toBe(1);
    const afterMove = await parse('en');
    expect(afterMove.event.uid).toBe(created.body.uid);
    expect(afterMove.vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(afterMove.event.startDate.toJSDate().toISOString()).toBe('2026-03-11T14:00:00.000Z');

    await owner.post(`/api/meetings/${created.body.id}/cancel`);
    const cancelled = await parse('en');
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.uid).toBe(created.body.uid);
  });

  it('records decisions and turns one into a task with one click', async () => {
    const campaign = await buildCampaign(owner);
    const meeting = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/meetings`, {
      title: 'Kickoff',
      start: '2026-03-10T14:00:00Z',
      durationMinutes: 90,
      languages: ['ru', 'en'],
    });
    const decision = await owner.post<{ id: string }>(`/api/meetings/${meeting.body.id}/decisions`, {
      text: 'US creators get the full brief by Friday',
    });
    expect(decision.status).toBe(201);
    const task = await owner.post<{ id: string; title: string; labels: string[] }>(
      `/api/meetings/${meeting.body.id}/decisions/${decision.body.id}/task`,
      { ownerId: ownerUser.id, marketCode: 'US' },
    );
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({
      title: 'US creators get the full brief by Friday',
      labels: ['meeting'],
    });
    const again = await owner.post<ErrorBody>(
      `/api/meetings/${meeting.body.id}/decisions/${decision.body.id}/task`,
      {
        ownerId: ownerUser.id,
      },
    );
    expect(again.status).toBe(409);
    const detail = await owner.get<{ decisions: Array<{ taskId: string | null }> }>(
      `/api/meetings/${meeting.body.id}`,
    );
    expect(detail.body.decisions[0]!.taskId).toBe(task.body.id);
  });

  it('keeps creators away from meetings', async () => {
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['RU'] });
    expect(
      (
        await creator.post('/api/meetings/slots', {
          participants: [moscow],
          durationMinutes: 30,
          from: '2026-03-09T00:00:00Z',
          to: '2026-03-10T00:00:00Z',
        })
      ).status,
    ).toBe(403);
  });
});
