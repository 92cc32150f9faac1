import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildCampaign, type CampaignBody, setupOwner, signAgreementFor } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Status changes the server makes itself are stored as codes with parameters (audit payload v2),
// so each reader sees them in their own language; only what a person typed stays as `reason`.
let server: TestServer;
let owner: Client;
let campaign: CampaignBody;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
  campaign = await buildCampaign(owner);
});
afterAll(async () => {
  await server.close();
});

interface StatusEvent {
  after: { status: string; reason: string | null; note: Record<string, unknown> | null };
}

describe('engagement status notes', () => {
  it('stores agreement sent and signed as codes with the version and method, not English text', async () => {
    const creator = await owner.post<{ id: string }>('/api/creators', {
      name: 'Анна Смирнова',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      channels: [{ platform: 'telegram', handle: '@anna_notes', followers: 1000 }],
      contact: { email: 'anna-notes@example.ru' },
    });
    expect(creator.status, JSON.stringify(creator.body)).toBe(201);
    const engagement = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: creator.body.id,
      fee: { amount: 1000, currency: 'RUB' },
      deliverables: [{ platform: 'telegram', format: 'post', count: 2, dueAt: '2026-12-10T09:00:00Z' }],
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    await signAgreementFor(owner, engagement.body.id);

    const history = await owner.get<{ events: StatusEvent[] }>(
      `/api/audit?entityType=engagement&entityId=${engagement.body.id}&action=engagement.status_changed`,
    );
    expect(history.status).toBe(200);
    const afters = history.body.events.map((e) => e.after);
    expect(afters).toContainEqual({
      status: 'agreement_sent',
      reason: null,
      note: { code: 'agreement_sent', version: 1 },
    });
    expect(afters).toContainEqual({
      status: 'signed',
      reason: null,
      note: { code: 'agreement_signed', version: 1, method: 'uploaded_pdf' },
    });
    expect(JSON.stringify(afters)).not.toMatch(/agreement v1/);
  });
});
