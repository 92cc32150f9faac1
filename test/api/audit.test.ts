import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { buildUser, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface AuditEvent {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
type AuditPage = { events: AuditEvent[]; nextCursor: string | null };

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let member: Client;
let memberUser: UserBody;
beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  ({ client: member, user: memberUser } = await buildUser(owner, { role: 'member', marketCodes: ['US'] }));
  await member.patch('/api/me', { timeZone: 'America/Chicago' });
  await owner.post('/api/tokens', { name: 'report script' });
});
afterAll(async () => {
  await server.close();
});

describe('audit log', () => {
  it('records every mutation with actor, time, action, entity, before and after', async () => {
    const res = await owner.get<AuditPage>('/api/audit');
    expect(res.status).toBe(200);
    const actions = res.body.events.map((e) => e.action);
    expect(actions).toEqual([
      'api_token.created',
      'user.profile_updated',
      'user.registered',
      'invite.created',
      'user.setup_owner',
    ]);
    const profile = res.body.events.find((e) => e.action === 'user.profile_updated')!;
    expect(profile).toMatchObject({
      actor: { id: memberUser.id },
      entityType: 'user',
      entityId: memberUser.id,
      before: { timeZone: 'America/New_York' },
      after: { timeZone: 'America/Chicago' },
    });
    expect(profile.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Secrets never reach the log.
    expect(JSON.stringify(res.body)).not.toMatch(/tdm_|scrypt/);
  });

  it('filters by actor, entity, action and time, and pages with a cursor', async () => {
    const byActor = await owner.get<AuditPage>(`/api/audit?actorId=${memberUser.id}`);
    expect(byActor.body.events.every((e) => e.actor?.id === memberUser.id)).toBe(true);
    expect(byActor.body.events).toHaveLength(2);

    const byType = await owner.get<AuditPage>('/api/audit?entityType=invite');
    expect(byType.body.events.map((e) => e.action)).toEqual(['invite.created']);

    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await owner.get<AuditPage>(`/api/audit?from=${future}`)).body.events).toEqual([]);
    expect((await owner.get<AuditPage>(`/api/audit?to=${future}`)).body.events.length).toBe(5);

    const first = await owner.get<AuditPage>('/api/audit?limit=2');
    expect(first.body.events).toHaveLength(2);
    const second = await owner.get<AuditPage>(`/api/audit?limit=2&cursor=${first.body.nextCursor}`);
    const third = await owner.get<AuditPage>(`/api/audit?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeNull();
    const ids = [...first.body.events, ...second.body.events, ...third.body.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ownerUser.id).toBeTruthy();
  });

  it('cannot be edited or deleted through the API', async () => {
    const [event] = (await owner.get<AuditPage>('/api/audit?limit=1')).body.events;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await owner.request(
        method,
        `/api/audit/${event!.id}`,
        method === 'DELETE' ? undefined : { action: 'x' },
      );
      expect(res.status).toBe(404);
    }
    expect((await owner.request('DELETE', '/api/audit')).status).toBe(404);
    expect((await owner.get<AuditPage>('/api/audit?limit=1')).body.events[0]).toEqual(event);
  });

  it('refuses UPDATE and DELETE even inside the database', async () => {
    const { db } = server.database;
    const refusal = async (query: Promise<unknown>) => {
      const error = await query.then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      return `${error?.message} ${error?.cause?.message}`;
    };
    expect(await refusal(db.execute(sql`update audit_events set action = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    const events = (await owner.get<AuditPage>('/api/audit')).body.events;
    expect(events.some((e) => e.action === 'forged')).toBe(false);
  });

  it('is hidden from creators', async () => {
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['RU'] });
    expect((await creator.get('/api/audit')).status).toBe(403);
    expect((await member.get('/api/audit')).status).toBe(200);
  });
});
