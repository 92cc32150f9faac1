import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildUser, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let owner: Client;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
});
afterAll(async () => {
  await server.close();
});

describe('the demo workspace', () => {
  it('loads the Russia + US launch with every feature populated, once, for admins only', async () => {
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    expect((await member.post('/api/demo')).status).toBe(403);
    const res = await owner.post<{
      campaignId: string;
      people: Array<{ name: string; email: string; role: string; password: string }>;
    }>('/api/demo');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.campaignId;
    const brief = await owner.get<{ publishedVersion: number; staleCount: number }>(
      `/api/campaigns/${id}/brief`,
    );
    // Version 2 went out before the Russian timeline text caught up.
    expect(brief.body.publishedVersion).toBe(2);
    expect(brief.body.staleCount).toBeGreaterThanOrEqual(1);

    // Launch day around the moment it was loaded: the US went live yesterday, Russia is late.
    const timeline = await owner.get<{
      milestones: Array<{ at: string; kind: string; marketCode: string | null }>;
      launchWindow: {
        ok: boolean;
        actual: { markets: Record<string, { actualAt: string | null }>; pending: string[] };
      };
    }>(`/api/campaigns/${id}/timeline`);
    expect(timeline.body.launchWindow.ok).toBe(true);
    const goLives = timeline.body.milestones.filter((m) => m.kind === 'go_live');
    for (const m of goLives) expect(Math.abs(Date.parse(m.at) - Date.now())).toBeLessThan(2 * 86_400_000);
    expect(timeline.body.launchWindow.actual.pending).toEqual(['RU']);
    expect(timeline.body.launchWindow.actual.markets.US!.actualAt).not.toBeNull();
    const launch = await owner.get<{
      markets: Array<{ code: string; state: string; lateMinutes: number | null }>;
      creators: Array<{ name: string; state: string; lateMinutes: number | null }>;
    }>(`/api/campaigns/${id}/launch`);
    expect(Object.fromEntries(launch.body.markets.map((m) => [m.code, m.state]))).toEqual({
      RU: 'late',
      US: 'live',
    });
    expect(launch.body.creators.find((c) => c.name === 'Tom Reed')).toMatchObject({
      state: 'live',
      lateMinutes: 220,
    });
    expect(launch.body.creators.find((c) => c.name === 'Jess Park')).toMatchObject({
      state: 'live',
      lateMinutes: 7,
    });

    const tasks = await owner.get<{ tasks: Array<{ overdue: boolean; doneAt: string | null }> }>(
      `/api/campaigns/${id}/tasks`,
    );
    expect(tasks.body.tasks).toHaveLength(7);
    // Not everything is red: one overdue task, the rest on track or done.
    expect(tasks.body.tasks.filter((t) => t.overdue)).toHaveLength(1);
    const engagements = await owner.get<{
      engagements: Array<{
        status: string;
        commitment: string;
        flags: string[];
        override: { reason: string } | null;
      }>;
    }>(`/api/campaigns/${id}/engagements`);
    expect(new Set(engagements.body.engagements.map((e) => e.status)).size).toBeGreaterThanOrEqual(4);
    expect(engagements.body.engagements.some((e) => e.commitment === 'maybe')).toBe(true);
    // A gated override (Dmitry, unsigned, in production) and an offer past its respond-by date.
    expect(engagements.body.engagements.filter((e) => e.override)).toHaveLength(1);
    expect(engagements.body.engagements.some((e) => e.flags.includes('respond_by_passed'))).toBe(true);
    // No "go-live soon" warning for a go-live that has passed.
    expect(engagements.body.engagements.some((e) => e.flags.includes('unsigned_close_to_go_live'))).toBe(
      false,
    );

    const retrospective = await owner.get<{ late: Array<{ kind: string; label: string }> }>(
      `/api/campaigns/${id}/retrospective`,
    );
    expect(retrospective.status).toBe(200);
    expect(new Set(retrospective.body.late.map((l) => l.kind))).toEqual(
      new Set(['task', 'feedback', 'creator_deadline', 'agreement', 'acknowledgement', 'escalation']),
    );
    const report = await owner.get<{ creators: Array<{ reach: number }> }>(`/api/campaigns/${id}/report`);
    expect(report.body.creators.some((c) => c.reach > 0)).toBe(true);
    expect((await owner.post<ErrorBody>('/api/demo')).body.error.code).toBe('demo_exists');

    // The team of the story, with sign-in details shown once to the admin who loaded it.
    expect(res.body.people.map((p) => p.role).sort()).toEqual(['market_lead', 'market_lead', 'stakeholder']);
    const irina = res.body.people.find((p) => p.name === 'Ирина Ковалёва')!;
    const ruLead = new Client(server.url);
    expect(
      (await ruLead.post('/api/auth/login', { email: irina.email, password: irina.password })).status,
    ).toBe(200);

    // The admin's bell: a task handed to them, a mention, an escalation handed over to them.
    const inbox = await owner.get<{ items: Array<{ kind: string; title: string }>; unreadCount: number }>(
      '/api/notifications',
    );
    const kinds = inbox.body.items.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['task.assigned', 'escalation.handed_over']));
    expect(inbox.body.unreadCount).toBeGreaterThanOrEqual(2);
    // The RU lead reads hers in Russian.
    const hers = await ruLead.get<{ items: Array<{ kind: string; title: string }> }>('/api/notifications');
    const assigned = hers.body.items.find((n) => n.kind === 'task.assigned');
    expect(assigned?.title).toMatch(/назначил/);

    const escalations = await owner.get<{
      escalations: Array<{ status: string; level: number; deciderId: string }>;
    }>(`/api/campaigns/${id}/escalations`);
    const me = await owner.get<{ id: string }>('/api/me');
    expect(escalations.body.escalations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'open', level: 2, deciderId: me.body.id }),
        expect.objectContaining({ status: 'decided' }),
      ]),
    );
  });
});
