import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ErrorBody } from '../support/client.ts';
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
    const res = await owner.post<{ campaignId: string }>('/api/demo');
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
    expect(tasks.body.tasks).toHaveLength(5);
    const engagements = await owner.get<{ engagements: Array<{ status: string; commitment: string }> }>(
      `/api/campaigns/${id}/engagements`,
    );
    expect(new Set(engagements.body.engagements.map((e) => e.status)).size).toBeGreaterThanOrEqual(4);
    expect(engagements.body.engagements.some((e) => e.commitment === 'maybe')).toBe(true);
    const report = await owner.get<{ creators: Array<{ reach: number }> }>(`/api/campaigns/${id}/report`);
    expect(report.body.creators.some((c) => c.reach > 0)).toBe(true);
    expect((await owner.post<ErrorBody>('/api/demo')).body.error.code).toBe('demo_exists');
  });
});
