import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditAction, payloadSchemas } from '../../src/server/modules/audit/catalogue.ts';
import { recordAuditEvent } from '../../src/server/modules/audit/record-event.ts';
import type { AuditEvent } from '../../src/server/modules/audit/subscriptions.ts';
import type { Client, ErrorBody } from '../support/client.ts';
import { buildCampaign, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface ApiAuditEvent {
  id: number;
  action: string;
  version: number;
  entityId: string;
  before: unknown;
  after: unknown;
}

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
});
afterAll(async () => {
  await server.close();
});

/** Waits until the subscriber has been handed everything committed so far. */
async function settle() {
  // The NOTIFY reaches the listening connection asynchronously: give it a moment, then drain.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.app.ctx.audit.settled();
  }
}

async function allAuditEvents(): Promise<ApiAuditEvent[]> {
  const events: ApiAuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=500&cursor=${cursor}` : '?limit=500';
    const res = await owner.get<{ events: ApiAuditEvent[]; nextCursor: string | null }>(`/api/audit${query}`);
    expect(res.status).toBe(200);
    events.push(...res.body.events);
    cursor = res.body.nextCursor;
  } while (cursor);
  return events;
}

describe('audit event subscriptions', () => {
  it('hands committed events to subscribers with their typed payload, and only the actions asked for', async () => {
    const created: Array<AuditEvent<'task.created'>> = [];
    const any: AuditEvent[] = [];
    const offCreated = server.app.ctx.audit.on(['task.created'], (event) => {
      // Typed by the catalogue: `title` is a string of the task.created payload, no cast needed.
      const title: string = event.after.title;
      expect(typeof title).toBe('string');
      created.push(event);
    });
    const offAny = server.app.ctx.audit.on('*', (event) => {
      any.push(event);
    });
    try {
      const campaign = await buildCampaign(owner);
      const res = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/tasks`, {
        ownerId: ownerUser.id,
        title: 'Approve RU scripts',
        marketCode: 'RU',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await settle();
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        action: 'task.created',
        entityType: 'task',
        entityId: res.body.id,
        campaignId: campaign.id,
        actor: { id: ownerUser.id },
        version: 1,
        before: null,
        after: { id: res.body.id, title: 'Approve RU scripts', marketCode: 'RU' },
      });
      // The version lives in the stored JSON but is not part of the payload handed out.
      expect(created[0]!.after).not.toHaveProperty('v');
      expect(any.map((e) => e.action)).toEqual(['campaign.created', 'task.created']);
    } finally {
      offCreated();
      offAny();
    }
  });

  it('never hands out an event whose transaction rolled back', async () => {
    const heard: AuditEvent[] = [];
    const off = server.app.ctx.audit.on('*', (event) => {
      heard.push(event);
    });
    try {
      const campaign = await buildCampaign(owner);
      await settle();
      heard.length = 0;
      // A refused request over HTTP: nothing written, nothing heard.
      const refused = await owner.post<ErrorBody>(`/api/campaigns/${campaign.id}/tasks`, {
        ownerId: ownerUser.id,
        title: 'Broken due time',
        dueAt: { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
      });
      expect(refused.status).toBe(400);
      // A transaction that wrote its audit event and then failed: the event is rolled back with it.
      const { db } = server.database;
      await expect(
        db.transaction(async (tx) => {
          await recordAuditEvent(tx, {
            actor: { id: ownerUser.id, name: ownerUser.name },
            action: 'task.commented',
            entityType: 'task',
            entityId: '00000000-0000-4000-8000-000000000000',
            campaignId: campaign.id,
            after: { body: 'rolled back' },
          });
          throw new Error('validation failed inside the transaction');
        }),
      ).rejects.toThrow('validation failed');
      // …while the same write in a committed transaction is heard.
      await db.transaction(async (tx) => {
        await recordAuditEvent(tx, {
          actor: { id: ownerUser.id, name: ownerUser.name },
          action: 'task.commented',
          entityType: 'task',
          entityId: '00000000-0000-4000-8000-000000000001',
          campaignId: campaign.id,
          after: { body: 'committed' },
        });
      });
      await settle();
      expect(heard.map((e) => [e.action, e.after])).toEqual([['task.commented', { body: 'committed' }]]);
      const stored = (await allAuditEvents()).filter((e) => e.action === 'task.commented');
      expect(stored.map((e) => e.after)).toEqual([{ body: 'committed' }]);
    } finally {
      off();
    }
  });

  it('keeps delivering to other subscribers when one throws, and stops after unsubscribe', async () => {
    const heard: string[] = [];
    const offThrowing = server.app.ctx.audit.on(['campaign.created'], () => {
      throw new Error('subscriber bug');
    });
    const offHeard = server.app.ctx.audit.on(['campaign.created'], (event) => {
      heard.push(event.after.name);
    });
    await buildCampaign(owner, { name: 'First' });
    await settle();
    offHeard();
    offThrowing();
    await buildCampaign(owner, { name: 'Second' });
    await settle();
    expect(heard).toEqual(['First']);
  });

  it('every event the demo workspace writes is in the catalogue and matches its payload schema', async () => {
    const heard: AuditEvent[] = [];
    const off = server.app.ctx.audit.on('*', (event) => {
      heard.push(event);
    });
    try {
      expect((await owner.post('/api/demo')).status).toBe(201);
      await settle();
    } finally {
      off();
    }
    const events = await allAuditEvents();
    const unknown = events.filter((e) => !(AUDIT_ACTIONS as string[]).includes(e.action));
    expect(unknown.map((e) => e.action)).toEqual([]);
    const mismatched = events.filter((e) => {
      const schemas = payloadSchemas(e.action as AuditAction, e.version);
      return !schemas?.before.safeParse(e.before).success || !schemas.after.safeParse(e.after).success;
    });
    expect(mismatched.map((e) => `${e.action} ${JSON.stringify([e.before, e.after])}`)).toEqual([]);
    // Every event the demo committed was handed to the subscriber (none dropped as a mismatch).
    const demoIds = new Set(heard.map((e) => e.id));
    expect(heard.length).toBeGreaterThan(50);
    expect(events.filter((e) => e.id >= Math.min(...demoIds)).length).toBe(heard.length);
  });
});
