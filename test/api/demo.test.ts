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
    expect(brief.body).toMatchObject({ publishedVersion: 1, staleCount: 0 });
    const timeline = await owner.get<{
      milestones: Array<{ local: Record<string, { abbreviation: string }> }>;
      launchWindow: { ok: boolean };
    }>(`/api/campaigns/${id}/timeline`);
    expect(timeline.body.launchWindow.ok).toBe(true);
    expect(timeline.body.milestones.map((m) => m.local.US!.abbreviation).sort()).toEqual([
      'EDT',
      'EST',
      'EST',
    ]);
    const tasks = await owner.get<{ tasks: unknown[] }>(`/api/campaigns/${id}/tasks`);
    expect(tasks.body.tasks).toHaveLength(6);
    const engagements = await owner.get<{ engagements: Array<{ status: string; commitment: string }> }>(
      `/api/campaigns/${id}/engagements`,
    );
    expect(new Set(engagements.body.engagements.map((e) => e.status)).size).toBeGreaterThanOrEqual(4);
    expect(engagements.body.engagements.some((e) => e.commitment === 'maybe')).toBe(true);
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
