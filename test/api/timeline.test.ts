import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, type CampaignBody, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Local {
  date: string;
  time: string;
  zone: string;
  offset: string;
  abbreviation: string;
  label: string;
}
interface Milestone {
  id: string;
  at: string;
  kind: string;
  marketCode: string | null;
  timeZone: string;
  version: number;
  local: Record<string, Local>;
  adjusted?: { kind: string; chosen: string; local: string };
  launchWindow: { limitHours: number; spreadHours: number | null; ok: boolean };
}
interface Timeline {
  milestones: Milestone[];
  launchWindow: {
    limitHours: number;
    spreadHours: number | null;
    ok: boolean;
    marketsWithoutGoLive: string[];
  };
}

let server: TestServer;
let owner: Client;
let campaign: CampaignBody;
let base: string;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
});
afterAll(async () => {
  await server.close();
});

async function fresh() {
  campaign = await buildCampaign(owner);
  base = `/api/campaigns/${campaign.id}`;
}

describe('milestones across time zones', () => {
  it('accepts a local time in a zone and shows every market side by side, across the March DST change', async () => {
    await fresh();
    const ru = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'RU go-live',
      kind: 'go_live',
      marketCode: 'RU',
      at: { local: '2026-03-07T18:00', timeZone: 'Europe/Moscow' },
    });
    expect(ru.status).toBe(201);
    expect(ru.body.at).toBe('2026-03-07T15:00:00.000Z');
    expect(ru.body.timeZone).toBe('Europe/Moscow');
    expect(ru.body.local.RU).toMatchObject({
      date: '2026-03-07',
      time: '18:00',
      abbreviation: 'MSK',
      offset: '+03:00',
    });
    expect(ru.body.local.US).toMatchObject({
      date: '2026-03-07',
      time: '10:00',
      abbreviation: 'EST',
      offset: '-05:00',
    });

    // The day after the US clocks move forward: New York is now UTC-4, Moscow still UTC+3.
    const us = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'US go-live',
      kind: 'go_live',
      marketCode: 'US',
      at: { local: '2026-03-08T10:00', timeZone: 'America/New_York' },
    });
    expect(us.body.at).toBe('2026-03-08T14:00:00.000Z');
    expect(us.body.local.US).toMatchObject({ time: '10:00', abbreviation: 'EDT', offset: '-04:00' });
    expect(us.body.local.RU).toMatchObject({ date: '2026-03-08', time: '17:00', abbreviation: 'MSK' });
    expect(us.body.local.US!.label).toBe('8 Mar 10:00 EDT');

    const timeline = (await owner.get<Timeline>(`${base}/timeline`)).body;
    expect(timeline.milestones.map((m) => m.marketCode)).toEqual(['RU', 'US']);
    expect(timeline.launchWindow).toMatchObject({
      limitHours: 48,
      spreadHours: 23,
      ok: true,
      marketsWithoutGoLive: [],
    });
  });

  it('refuses a local time the clocks skip, unless told which side is meant', async () => {
    await fresh();
    const gap = await owner.post<ErrorBody>(`${base}/milestones`, {
      title: 'Review',
      kind: 'review',
      at: { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
    });
    expect(gap.status).toBe(400);
    expect(gap.body.error.code).toBe('local_time_nonexistent');
    expect(gap.body.error.message).toContain('2026-03-08 02:30 does not exist in America/New_York');

    const later = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'Review',
      kind: 'review',
      at: { local: '2026-03-08T02:30', timeZone: 'America/New_York', disambiguation: 'later' },
    });
    expect(later.status).toBe(201);
    expect(later.body.at).toBe('2026-03-08T07:30:00.000Z');
    expect(later.body.adjusted).toEqual({ kind: 'gap', chosen: 'later', local: '2026-03-08T03:30' });
    expect((await owner.get<Timeline>(`${base}/timeline`)).body.milestones).toHaveLength(1);
  });

  it('refuses a local time that happens twice in November, unless told which one', async () => {
    await fresh();
    const overlap = await new Client(server.url, 'ru').request<ErrorBody>(
      'POST',
      `${base}/milestones`,
      {
        title: 'Deadline',
        kind: 'deadline',
        marketCode: 'US',
        at: { local: '2026-11-01T01:30', timeZone: 'America/New_York' },
      },
      { cookie: owner.cookie! },
    );
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.code).toBe('local_time_ambiguous');
    expect(overlap.body.error.message).toContain('наступает дважды');

    const first = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'Deadline (EDT)',
      kind: 'deadline',
      marketCode: 'US',
      at: { local: '2026-11-01T01:30', timeZone: 'America/New_York', disambiguation: 'earlier' },
    });
    const second = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'Deadline (EST)',
      kind: 'deadline',
      marketCode: 'US',
      at: { local: '2026-11-01T01:30', timeZone: 'America/New_York', disambiguation: 'later' },
    });
    expect(first.body.at).toBe('2026-11-01T05:30:00.000Z');
    expect(second.body.at).toBe('2026-11-01T06:30:00.000Z');
    expect(first.body.local.US).toMatchObject({ time: '01:30', abbreviation: 'EDT' });
    expect(second.body.local.US).toMatchObject({ time: '01:30', abbreviation: 'EST' });
    expect(first.body.local.RU).toMatchObject({ time: '08:30' });
    expect(second.body.local.RU).toMatchObject({ time: '09:30' });
  });

  it('accepts plain UTC instants and refuses garbage', async () => {
    await fresh();
    const ok = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'Sync',
      kind: 'other',
      at: '2026-05-01T09:00:00+03:00',
    });
    expect(ok.body.at).toBe('2026-05-01T06:00:00.000Z');
    expect(
      (await owner.post(`${base}/milestones`, { title: 'x', kind: 'other', at: 'tomorrow' })).status,
    ).toBe(400);
    expect(
      (await owner.post(`${base}/milestones`, { title: 'x', kind: 'party', at: '2026-05-01T09:00:00Z' }))
        .status,
    ).toBe(400);
    const market = await owner.post<ErrorBody>(`${base}/milestones`, {
      title: 'x',
      kind: 'other',
      marketCode: 'DE',
      at: '2026-05-01T09:00:00Z',
    });
    expect(market.body.error.code).toBe('unknown_market');
  });
});

describe('the launch-window rule', () => {
  it('warns before a go-live moves outside the window, and flags the campaign when confirmed', async () => {
    await fresh();
    await owner.post(`${base}/milestones`, {
      title: 'RU',
      kind: 'go_live',
      marketCode: 'RU',
      at: '2026-11-02T09:00:00Z',
    });
    const us = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'US',
      kind: 'go_live',
      marketCode: 'US',
      at: '2026-11-03T09:00:00Z',
    });
    expect(us.body.launchWindow).toMatchObject({ spreadHours: 24, ok: true });

    const moved = await owner.patch<
      ErrorBody & { error: { details: { launchWindow: { spreadHours: number } } } }
    >(`/api/milestones/${us.body.id}`, { at: '2026-11-05T09:00:00Z', version: 1 });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('launch_window_exceeded');
    expect(moved.body.error.details.launchWindow.spreadHours).toBe(72);
    expect((await owner.get<Timeline>(`${base}/timeline`)).body.launchWindow.spreadHours).toBe(24);

    const confirmed = await owner.patch<Milestone>(`/api/milestones/${us.body.id}`, {
      at: '2026-11-05T09:00:00Z',
      version: 1,
      confirmOutsideWindow: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.launchWindow).toMatchObject({ spreadHours: 72, ok: false });
    expect((await owner.get<Timeline>(`${base}/timeline`)).body.launchWindow.ok).toBe(false);

    // A stale version is refused; moving back inside the window needs no confirmation.
    expect(
      (await owner.patch(`/api/milestones/${us.body.id}`, { at: '2026-11-03T09:00:00Z', version: 1 })).status,
    ).toBe(409);
    const back = await owner.patch<Milestone>(`/api/milestones/${us.body.id}`, {
      at: '2026-11-03T09:00:00Z',
      version: 2,
    });
    expect(back.body.launchWindow.ok).toBe(true);

    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?campaignId=${campaign.id}&entityType=milestone`,
    );
    expect(audit.body.events.map((e) => e.action)).toEqual([
      'milestone.updated',
      'milestone.updated',
      'milestone.created',
      'milestone.created',
    ]);
  });

  it('lists markets still without a go-live and deletes milestones', async () => {
    await fresh();
    const ru = await owner.post<Milestone>(`${base}/milestones`, {
      title: 'RU',
      kind: 'go_live',
      marketCode: 'RU',
      at: '2026-11-02T09:00:00Z',
    });
    expect((await owner.get<Timeline>(`${base}/timeline`)).body.launchWindow.marketsWithoutGoLive).toEqual([
      'US',
    ]);
    expect((await owner.delete(`/api/milestones/${ru.body.id}`)).status).toBe(204);
    expect((await owner.get<Timeline>(`${base}/timeline`)).body.milestones).toEqual([]);
    expect((await owner.delete(`/api/milestones/${ru.body.id}`)).status).toBe(404);
  });

  it('lets stakeholders read the timeline but not change it', async () => {
    await fresh();
    const { client: stakeholder } = await buildUser(owner, { role: 'stakeholder' });
    expect((await stakeholder.get(`${base}/timeline`)).status).toBe(200);
    expect(
      (
        await stakeholder.post(`${base}/milestones`, {
          title: 'x',
          kind: 'other',
          at: '2026-05-01T09:00:00Z',
        })
      ).status,
    ).toBe(403);
  });
});
