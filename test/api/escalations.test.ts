import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openDatabase } from '../../src/server/db/index.ts';
import { enqueueJob } from '../../src/server/jobs/enqueue.ts';
import { jobs } from '../../src/server/jobs/tables.ts';
import { escalationSteps, escalations } from '../../src/server/modules/escalations/tables.ts';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Escalation {
  id: string;
  campaignId: string;
  status: 'open' | 'decided' | 'expired';
  ruleId: string;
  summary: string;
  entityType: string | null;
  entityId: string | null;
  entityLabel: string | null;
  marketCode: string | null;
  raisedBy: string;
  deciderId: string;
  dueAt: string;
  level: number;
  decision: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  history: Array<{
    at: string;
    action: string;
    userId: string | null;
    deciderId: string | null;
    level: number;
    dueAt: string | null;
  }>;
  people: Record<string, { name: string }>;
}

interface Brief {
  sections: Array<{ key: string; data: { rules?: Array<Record<string, unknown>> }; dataRevision: number }>;
}

const FAST = { JOBS_POLL_INTERVAL_MS: '50' };

interface Notifications {
  items: Array<{ id: string; kind: string; title: string; body: string; link: string }>;
}

const kindsOf = async (client: Client) =>
  (await client.get<Notifications>('/api/notifications')).body.items.map((n) => n.kind);
const servers: TestServer[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const server of servers.splice(0)) await server.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface World {
  server: TestServer;
  owner: Client;
  ownerUser: UserBody;
  lead: { client: Client; user: UserBody };
  member: { client: Client; user: UserBody };
  stakeholder: { client: Client; user: UserBody };
  creator: { client: Client; user: UserBody };
  campaignId: string;
}

async function world(env: Record<string, string> = FAST): Promise<World> {
  const server = await startServer({ env });
  servers.push(server);
  const { client: owner, user: ownerUser } = await setupOwner(server.url);
  const campaign = await buildCampaign(owner);
  const lead = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'], name: 'Lena Lead' });
  const member = await buildUser(owner, { role: 'member', marketCodes: ['RU'], name: 'Misha Member' });
  const stakeholder = await buildUser(owner, { role: 'stakeholder', name: 'Sam Stakeholder' });
  const creator = await buildUser(owner, { role: 'creator', name: 'Cora Creator' });
  return { server, owner, ownerUser, lead, member, stakeholder, creator, campaignId: campaign.id };
}

async function putRules(client: Client, campaignId: string, rules: unknown[]) {
  const brief = await client.get<Brief>(`/api/campaigns/${campaignId}/brief`);
  const section = brief.body.sections.find((s) => s.key === 'escalation')!;
  return client.put<Brief & ErrorBody>(`/api/campaigns/${campaignId}/brief/sections/escalation/data`, {
    data: { rules },
    baseRevision: section.dataRevision,
  });
}

/** Makes the clock of every open escalation run out now, and lets the jobs run at once. */
async function runOutClock(database: Database) {
  await database.db.execute(
    sql`update escalations set due_at = now() - interval '1 second' where status = 'open'`,
  );
  await database.db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(and(eq(jobs.name, 'escalations.expire'), eq(jobs.status, 'pending')));
}

const creativeRule = (w: World, overrides: Record<string, unknown> = {}) => ({
  id: 'creative',
  decision: { en: 'Creative dispute', ru: 'Творческий спор' },
  deciderId: w.lead.user.id,
  withinMinutes: 1,
  nextId: w.ownerUser.id,
  ...overrides,
});

describe('escalations', { timeout: 120_000 }, () => {
  it('validates the rules: people who see the campaign, a distinct next person, 1 minute to 30 days', async () => {
    const w = await world();
    const ok = await putRules(w.owner, w.campaignId, [creativeRule(w)]);
    expect(ok.status).toBe(200);
    const rule = ok.body.sections.find((s) => s.key === 'escalation')!.data.rules![0]!;
    expect(rule).toMatchObject({ deciderId: w.lead.user.id, withinMinutes: 1, nextId: w.ownerUser.id });

    const creatorDecides = await putRules(w.owner, w.campaignId, [
      creativeRule(w, { deciderId: w.creator.user.id }),
    ]);
    expect(creatorDecides.status).toBe(400);
    expect(creatorDecides.body.error.code).toBe('invalid_escalation_person');
    expect(creatorDecides.body.error.details?.[0]?.path).toBe('data.rules.0.deciderId');

    const unknown = await putRules(w.owner, w.campaignId, [
      creativeRule(w, { nextId: '00000000-0000-4000-8000-000000000000' }),
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.[0]?.path).toBe('data.rules.0.nextId');

    // Deactivated people cannot be named either.
    await w.owner.patch(`/api/users/${w.member.user.id}`, { active: false });
    const deactivated = await putRules(w.owner, w.campaignId, [
      creativeRule(w, { nextId: w.member.user.id }),
    ]);
    expect(deactivated.status).toBe(400);

    for (const withinMinutes of [0, 43_201, 1.5]) {
      const res = await putRules(w.owner, w.campaignId, [creativeRule(w, { withinMinutes })]);
      expect(res.status, String(withinMinutes)).toBe(400);
      expect(res.body.error.code).toBe('invalid_section_data');
    }
    expect((await putRules(w.owner, w.campaignId, [creativeRule(w, { withinMinutes: 43_200 })])).status).toBe(
      200,
    );
    const same = await putRules(w.owner, w.campaignId, [creativeRule(w, { nextId: w.lead.user.id })]);
    expect(same.status).toBe(400);

    // Russian callers get the refusal in Russian.
    const ru = new Client(w.server.url, 'ru');
    ru.cookie = w.owner.cookie;
    const refused = await putRules(ru, w.campaignId, [creativeRule(w, { deciderId: w.creator.user.id })]);
    expect(refused.body.error.message).toMatch(/Правило эскалации/);
  });

  it('reads rules written before they named people (free text, hours) and refuses to raise them', async () => {
    const w = await world();
    const legacy = await putRules(w.owner, w.campaignId, [
      {
        id: 'old',
        decision: { en: 'Old', ru: 'Старое' },
        decider: 'Market lead',
        withinHours: 24,
        next: 'Brand manager',
      },
    ]);
    expect(legacy.status).toBe(200);
    const rule = legacy.body.sections.find((s) => s.key === 'escalation')!.data.rules![0]!;
    expect(rule).toEqual({
      id: 'old',
      decision: { en: 'Old', ru: 'Старое' },
      deciderLabel: 'Market lead',
      withinMinutes: 1440,
      nextLabel: 'Brand manager',
    });
    const raised = await w.member.client.post<ErrorBody>(`/api/campaigns/${w.campaignId}/escalations`, {
      ruleId: 'old',
      summary: 'Who decides?',
    });
    expect(raised.status).toBe(409);
    expect(raised.body.error.code).toBe('escalation_rule_without_decider');
  });

  it('raises from an item of the campaign, hands over when the clock runs out, then expires', async () => {
    const w = await world();
    expect((await putRules(w.owner, w.campaignId, [creativeRule(w)])).status).toBe(200);
    const task = await w.member.client.post<{ id: string; title: string }>(
      `/api/campaigns/${w.campaignId}/tasks`,
      {
        title: 'Approve RU scripts',
        ownerId: w.member.user.id,
        marketCode: 'RU',
      },
    );
    const before = Date.now();
    const raised = await w.member.client.post<Escalation>(`/api/campaigns/${w.campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'The RU script mentions a medical claim: keep it?',
      entityType: 'task',
      entityId: task.body.id,
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      status: 'open',
      deciderId: w.lead.user.id,
      level: 1,
      entityType: 'task',
      entityId: task.body.id,
      entityLabel: '#1 Approve RU scripts',
      marketCode: 'RU',
      raisedBy: w.member.user.id,
    });
    const due = new Date(raised.body.dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(59_000);
    expect(due - before).toBeLessThan(65_000);
    expect(raised.body.people[w.lead.user.id]).toEqual({ name: 'Lena Lead' });
    expect(raised.body.history.map((h) => h.action)).toEqual(['raised']);

    // The decider is told at once; the raiser is not told of their own question.
    const told = await w.lead.client.get<Notifications>('/api/notifications');
    expect(told.body.items.map((n) => n.kind)).toEqual(['escalation.raised']);
    expect(told.body.items[0]!.link).toBe(`/campaigns/${w.campaignId}/escalations/${raised.body.id}`);
    expect(await kindsOf(w.member.client)).toEqual([]);

    // The clock job waits for dueAt.
    const [job] = await w.server.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, 'escalations.expire'), eq(jobs.status, 'pending')));
    expect(job?.runAt.toISOString()).toBe(raised.body.dueAt);

    await runOutClock(w.server.database);
    const handed = await waitFor('the hand-over', async () => {
      const res = await w.stakeholder.client.get<Escalation>(`/api/escalations/${raised.body.id}`);
      return res.body.level === 2 ? res.body : undefined;
    });
    expect(handed).toMatchObject({ status: 'open', deciderId: w.ownerUser.id, level: 2 });
    expect(new Date(handed.dueAt).getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(handed.history.map((h) => [h.action, h.level, h.deciderId])).toEqual([
      ['raised', 1, w.lead.user.id],
      ['handed_over', 2, w.ownerUser.id],
    ]);
    expect(handed.history[1]!.userId).toBeNull();
    expect(await kindsOf(w.owner)).toEqual(['escalation.handed_over']);
    expect(await kindsOf(w.member.client)).toEqual(['escalation.expired']);

    // Level 2 runs out: nobody further, so it expires.
    await runOutClock(w.server.database);
    const expired = await waitFor('the expiry', async () => {
      const res = await w.owner.get<Escalation>(`/api/escalations/${raised.body.id}`);
      return res.body.status === 'expired' ? res.body : undefined;
    });
    expect(expired.history.map((h) => h.action)).toEqual(['raised', 'handed_over', 'expired']);
    // Raiser and last decider hear that it ran out undecided.
    expect(await kindsOf(w.member.client)).toEqual(['escalation.expired', 'escalation.expired']);
    expect(await kindsOf(w.owner)).toEqual(['escalation.expired', 'escalation.handed_over']);
    const late = await w.owner.post<ErrorBody>(`/api/escalations/${raised.body.id}/decision`, {
      decision: 'Keep',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('escalation_closed');

    const audit = await w.owner.get<{ events: Array<{ action: string; actor: unknown }> }>(
      `/api/audit?entityType=escalation&entityId=${raised.body.id}`,
    );
    expect(audit.body.events.map((e) => e.action).sort()).toEqual([
      'escalation.expired',
      'escalation.handed_over',
      'escalation.raised',
    ]);

    const list = await w.member.client.get<{ escalations: Escalation[] }>(
      `/api/campaigns/${w.campaignId}/escalations?entityType=task&entityId=${task.body.id}`,
    );
    expect(list.body.escalations.map((e) => e.id)).toEqual([raised.body.id]);
    const open = await w.member.client.get<{ escalations: Escalation[] }>(
      `/api/campaigns/${w.campaignId}/escalations?status=open`,
    );
    expect(open.body.escalations).toEqual([]);
  });

  it('expires at once when the rule names nobody next', async () => {
    const w = await world();
    await putRules(w.owner, w.campaignId, [creativeRule(w, { nextId: null })]);
    const raised = await w.member.client.post<Escalation>(`/api/campaigns/${w.campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'On its own',
    });
    expect(raised.status).toBe(201);
    expect(raised.body.entityType).toBeNull();
    await runOutClock(w.server.database);
    const expired = await waitFor('the expiry', async () => {
      const res = await w.owner.get<Escalation>(`/api/escalations/${raised.body.id}`);
      return res.body.status === 'expired' ? res.body : undefined;
    });
    expect(expired.level).toBe(1);
    expect(expired.deciderId).toBe(w.lead.user.id);
  });

  it('lets only the current decider or an admin decide, once', async () => {
    const w = await world({ JOBS_ENABLED: 'false' });
    await putRules(w.owner, w.campaignId, [creativeRule(w, { withinMinutes: 120 })]);
    const raise = () =>
      w.member.client.post<Escalation>(`/api/campaigns/${w.campaignId}/escalations`, {
        ruleId: 'creative',
        summary: 'Keep the claim?',
      });
    const first = (await raise()).body;

    for (const other of [w.member.client, w.stakeholder.client]) {
      const res = await other.post<ErrorBody>(`/api/escalations/${first.id}/decision`, { decision: 'Keep' });
      expect(res.status).toBe(403);
    }
    expect((await w.creator.client.get(`/api/escalations/${first.id}`)).status).toBe(403);

    const decided = await w.lead.client.post<Escalation>(`/api/escalations/${first.id}/decision`, {
      decision: 'Drop the claim',
      note: 'Legal says no',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: 'Drop the claim',
      note: 'Legal says no',
      decidedBy: w.lead.user.id,
    });
    expect(decided.body.history.map((h) => h.action)).toEqual(['raised', 'decided']);
    expect(await kindsOf(w.member.client)).toEqual(['escalation.decided']);
    const again = await w.lead.client.post<ErrorBody>(`/api/escalations/${first.id}/decision`, {
      decision: 'Keep',
    });
    expect(again.status).toBe(409);

    // An admin may stand in for the decider.
    const second = (await raise()).body;
    const byAdmin = await w.owner.post<Escalation>(`/api/escalations/${second.id}/decision`, {
      decision: 'Keep',
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.decidedBy).toBe(w.ownerUser.id);

    // Stakeholders and creators do not raise.
    expect(
      (
        await w.stakeholder.client.post(`/api/campaigns/${w.campaignId}/escalations`, {
          ruleId: 'creative',
          summary: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.creator.client.post(`/api/campaigns/${w.campaignId}/escalations`, {
          ruleId: 'creative',
          summary: 'x',
        })
      ).status,
    ).toBe(403);
    const unknownRule = await w.member.client.post<ErrorBody>(`/api/campaigns/${w.campaignId}/escalations`, {
      ruleId: 'nope',
      summary: 'x',
    });
    expect(unknownRule.status).toBe(400);
    expect(unknownRule.body.error.code).toBe('unknown_escalation_rule');
  });

  it('refuses an item of another campaign exactly like an unknown one', async () => {
    const w = await world({ JOBS_ENABLED: 'false' });
    await putRules(w.owner, w.campaignId, [creativeRule(w)]);
    const other = await buildCampaign(w.owner, { name: 'Other launch' });
    const foreignTask = await w.owner.post<{ id: string }>(`/api/campaigns/${other.id}/tasks`, {
      title: 'Secret task',
      ownerId: w.ownerUser.id,
    });
    const foreignMilestone = await w.owner.post<{ id: string }>(`/api/campaigns/${other.id}/milestones`, {
      title: 'Secret go-live',
      kind: 'go_live',
      at: '2026-03-08T15:00:00Z',
    });
    const raise = (entityType: string, entityId: string) =>
      w.member.client.post<ErrorBody>(`/api/campaigns/${w.campaignId}/escalations`, {
        ruleId: 'creative',
        summary: 'x',
        entityType,
        entityId,
      });
    const foreign = await raise('task', foreignTask.body.id);
    const missing = await raise('task', '00000000-0000-4000-8000-000000000000');
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(missing.body);
    expect(JSON.stringify(foreign.body)).not.toContain('Secret');
    expect((await raise('milestone', foreignMilestone.body.id)).status).toBe(400);
    expect((await raise('engagement', foreignTask.body.id)).status).toBe(400);
    expect((await raise('submission', foreignTask.body.id)).status).toBe(400);
    const half = await w.member.client.post<ErrorBody>(`/api/campaigns/${w.campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'x',
      entityType: 'task',
    });
    expect(half.status).toBe(400);
    expect((await w.member.client.get(`/api/campaigns/${other.id}/escalations`)).status).toBe(200);
    expect(
      (await w.member.client.get('/api/campaigns/00000000-0000-4000-8000-000000000000/escalations')).status,
    ).toBe(404);

    const milestone = await w.owner.post<{ id: string }>(`/api/campaigns/${w.campaignId}/milestones`, {
      title: 'US go-live',
      kind: 'go_live',
      marketCode: 'US',
      at: '2026-03-08T15:00:00Z',
    });
    const fromMilestone = await w.member.client.post<Escalation>(
      `/api/campaigns/${w.campaignId}/escalations`,
      {
        ruleId: 'creative',
        summary: 'Move the go-live?',
        entityType: 'milestone',
        entityId: milestone.body.id,
      },
    );
    expect(fromMilestone.status).toBe(201);
    expect(fromMilestone.body).toMatchObject({ entityLabel: 'US go-live', marketCode: 'US' });
  });

  describe.skipIf(!process.env.DATABASE_URL)('two instances on one PostgreSQL', () => {
    it('hands over exactly once, even with a duplicate clock job', async () => {
      const w = await world({ ...FAST, JOBS_CONCURRENCY: '4' });
      const second = await openDatabase({ dataDir: w.server.dataDir, databaseUrl: w.server.databaseUrl });
      const config = { ...loadConfig(FAST), port: 0, host: '127.0.0.1', databaseUrl: w.server.databaseUrl };
      const secondApp = await buildApp({ config, database: second });
      cleanups.push(async () => {
        await secondApp.close();
        await second.close();
      });
      await putRules(w.owner, w.campaignId, [creativeRule(w)]);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const raised = await w.member.client.post<Escalation>(`/api/campaigns/${w.campaignId}/escalations`, {
          ruleId: 'creative',
          summary: `Question ${i}`,
        });
        ids.push(raised.body.id);
        // A second clock job for the same level (as after a crash and a re-queue), on the other instance.
        await second.db.transaction((tx) =>
          enqueueJob(tx, 'escalations.expire', { escalationId: raised.body.id, level: 1 }),
        );
      }
      await runOutClock(w.server.database);
      await waitFor('every hand-over', async () => {
        const rows = await w.server.database.db.select().from(escalations);
        return rows.every((r) => r.level === 2) ? true : undefined;
      });
      await waitFor('the clock jobs to finish', async () => {
        const pending = await w.server.database.db
          .select()
          .from(jobs)
          .where(
            and(
              eq(jobs.name, 'escalations.expire'),
              sql`status in ('pending', 'running')`,
              sql`run_at < now()`,
            ),
          );
        return pending.length === 0 ? true : undefined;
      });
      for (const id of ids) {
        const steps = await w.server.database.db
          .select()
          .from(escalationSteps)
          .where(and(eq(escalationSteps.escalationId, id), eq(escalationSteps.action, 'handed_over')));
        expect(steps).toHaveLength(1);
      }
      const audit = await w.owner.get<{ events: unknown[] }>('/api/audit?action=escalation.handed_over');
      expect(audit.body.events).toHaveLength(5);
    });
  });
});
