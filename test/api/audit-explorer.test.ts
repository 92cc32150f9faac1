import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditCatalogue } from '../../src/server/modules/audit/catalogue.ts';
import { AUDIT_ENTITY_TYPES, auditEntityHref } from '../../src/web/routes/audit-links.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, RU_US_MARKETS, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface AuditEvent {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  campaignId: string | null;
  entityLabel: string | null;
  marketCode: string | null;
  before: unknown;
  after: unknown;
}
type AuditPage = { events: AuditEvent[]; nextCursor: string | null };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DE_US_MARKETS = [
  { code: 'DE', language: 'de', timeZone: 'Europe/Berlin', currency: 'EUR', objective: 'awareness' },
  RU_US_MARKETS[1],
];

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let ruLead: { client: Client; user: UserBody };
let usMember: { client: Client; user: UserBody };
let stakeholder: { client: Client; user: UserBody };
let campaignId: string;
let otherCampaignId: string;
let ruTaskId: string;
let usTaskId: string;
let engagementId: string;

const ok = async <T>(res: Promise<{ status: number; body: T }>, status = [200, 201, 204]) => {
  const r = await res;
  expect(status, JSON.stringify(r.body)).toContain(r.status);
  return r.body;
};

/** Every event the reader may see, all pages. */
async function everything(client: Client, query = ''): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: AuditPage } = await client.get<AuditPage>(
      `/api/audit?limit=500${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    events.push(...res.body.events);
    cursor = res.body.nextCursor;
  } while (cursor);
  return events;
}

beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  ruLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'], name: 'Roman Lead' });
  usMember = await buildUser(owner, { role: 'member', marketCodes: ['US'], name: 'Uma Member' });
  stakeholder = await buildUser(owner, { role: 'stakeholder', name: 'Sid Stakeholder' });

  const token = await ok(owner.post<{ id: string }>('/api/tokens', { name: 'Nightly report' }));
  await ok(owner.delete(`/api/tokens/${token.id}`));

  const campaign = await buildCampaign(owner, { name: 'Calm Mornings launch' });
  campaignId = campaign.id;
  await ok(
    owner.patch(`/api/campaigns/${campaignId}`, { name: 'Calm Mornings 2027', version: campaign.version }),
  );
  otherCampaignId = (await buildCampaign(owner, { name: 'Berlin pilot', markets: DE_US_MARKETS })).id;
  await ok(
    owner.post(`/api/campaigns/${otherCampaignId}/tasks`, {
      title: 'DE press kit',
      ownerId: ownerUser.id,
      marketCode: 'DE',
    }),
  );

  // Timeline: a RU milestone renamed, then deleted.
  const milestone = await ok(
    owner.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/milestones`, {
      title: 'RU go-live',
      kind: 'go_live',
      marketCode: 'RU',
      at: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    }),
  );
  const renamed = await ok(
    owner.patch<{ version: number }>(`/api/milestones/${milestone.id}`, {
      title: 'RU go-live (Telegram)',
      version: milestone.version,
    }),
  );
  expect(renamed).toBeTruthy();
  await ok(owner.delete(`/api/milestones/${milestone.id}`));

  // Tasks: one per market, one renamed and moved along, one with a formula for a title.
  const ruTask = await ok(
    owner.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/tasks`, {
      title: 'Approve RU scripts',
      ownerId: ruLead.user.id,
      marketCode: 'RU',
    }),
  );
  ruTaskId = ruTask.id;
  await ok(
    owner.patch(`/api/tasks/${ruTask.id}`, { title: 'Approve RU scripts v2', version: ruTask.version }),
  );
  await ok(owner.post(`/api/tasks/${ruTask.id}/comments`, { body: 'Looks good' }));
  const usTask = await ok(
    usMember.client.post<{ id: string }>(`/api/campaigns/${campaignId}/tasks`, {
      title: '=HYPERLINK("http://evil.example","US brief")',
      ownerId: usMember.user.id,
      marketCode: 'US',
    }),
  );
  usTaskId = usTask.id;
  const shared = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/tasks`, {
      title: 'Shared press release',
      ownerId: ownerUser.id,
    }),
  );
  await ok(owner.delete(`/api/tasks/${shared.id}`));

  // Creators: a RU creator, renamed, engaged.
  const creator = await ok(
    owner.post<{ id: string }>('/api/creators', {
      name: 'Анна Смирнова',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      channels: [{ platform: 'telegram', handle: '@anna_wellness', followers: 120000 }],
      contact: { email: 'anna@example.ru' },
    }),
  );
  const engagement = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/engagements`, {
      creatorId: creator.id,
      fee: { amount: 150000, currency: 'RUB' },
    }),
  );
  engagementId = engagement.id;

  // A meeting, an external participant.
  await ok(
    owner.post('/api/external-participants', {
      name: 'Irina Interpreter',
      kind: 'interpreter',
      timeZone: 'Europe/Moscow',
    }),
  );
  const meeting = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/meetings`, {
      title: 'Kickoff RU × US',
      start: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      durationMinutes: 60,
      participantIds: [ruLead.user.id],
      languages: ['en'],
    }),
  );
  await ok(owner.post(`/api/meetings/${meeting.id}/cancel`));

  // Exchange rates on the campaign.
  await ok(owner.put(`/api/campaigns/${campaignId}/fx`, { baseCurrency: 'USD', rates: { RUB: 0.011 } }));

  // Brief: a text, the escalation rules, a version; an escalation raised about the RU task, decided.
  await ok(
    owner.put(`/api/campaigns/${campaignId}/brief/sections/objective`, {
      language: 'en',
      text: 'Calm mornings',
      baseRevision: 0,
    }),
  );
  const brief = await ok(
    owner.get<{ sections: Array<{ key: string; dataRevision: number }> }>(
      `/api/campaigns/${campaignId}/brief`,
    ),
  );
  await ok(
    owner.put(`/api/campaigns/${campaignId}/brief/sections/escalation/data`, {
      data: {
        rules: [
          {
            id: 'creative',
            decision: { en: 'Creative calls', ru: 'Творческие решения' },
            deciderId: ownerUser.id,
            withinMinutes: 60,
          },
        ],
      },
      baseRevision: brief.sections.find((section) => section.key === 'escalation')!.dataRevision,
    }),
  );
  await ok(owner.post(`/api/campaigns/${campaignId}/brief/versions`, { note: 'First cut' }));
  const escalation = await ok(
    ruLead.client.post<{ id: string }>(`/api/campaigns/${campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'Keep the medical claim in the RU script?',
      entityType: 'task',
      entityId: ruTaskId,
    }),
  );
  await ok(owner.post(`/api/escalations/${escalation.id}/decision`, { decision: 'Drop it' }));

  // The RU market's rules, an agreement for the creator, a status change.
  await ok(
    owner.put(`/api/campaigns/${campaignId}/policies/RU`, {
      revisionRounds: 3,
      feedbackTurnaroundHours: 24,
      briefingStyle: 'iterative',
    }),
  );
  const agreement = await ok(owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`, {}));
  await ok(owner.post(`/api/agreements/${agreement.id}/send`));
  const current = await ok(owner.get<{ version: number }>(`/api/engagements/${engagementId}`));
  await ok(
    owner.patch(`/api/engagements/${engagementId}`, { version: current.version, status: 'contacted' }),
  );

  // The members' own accounts.
  await ok(usMember.client.patch('/api/me', { timeZone: 'America/Chicago' }));
  await ok(usMember.client.post('/api/me/calendar-feed'));
});

afterAll(async () => {
  await server?.close();
});

describe('audit explorer', () => {
  it('names every entity as it was when the event was written, never by a raw id', async () => {
    const events = await everything(owner);
    const seen = new Set(events.map((e) => e.action));
    // The scenario reaches a good part of the catalogue; each of those events must be named.
    expect(seen.size).toBeGreaterThanOrEqual(30);
    console.info(`audit actions not reached here: ${AUDIT_ACTIONS.filter((a) => !seen.has(a)).join(', ')}`);
    const unnamed = events.filter(
      (e) => !e.entityLabel?.trim() || UUID.test(e.entityLabel ?? '') || e.entityLabel === e.entityId,
    );
    expect(
      unnamed.map((e) => `${e.action} ${e.entityType}`),
      'events without a readable label',
    ).toEqual([]);

    const label = (action: string, entityId?: string) =>
      events.find((e) => e.action === action && (!entityId || e.entityId === entityId))?.entityLabel;
    expect(label('task.created', ruTaskId)).toBe('Approve RU scripts');
    // The name when written: the rename's event has the new title, the creation keeps the old one.
    expect(label('task.updated', ruTaskId)).toBe('Approve RU scripts v2');
    expect(label('task.commented', ruTaskId)).toBe('Approve RU scripts v2');
    expect(label('task.deleted')).toBe('Shared press release');
    expect(label('milestone.created')).toBe('RU go-live');
    expect(label('milestone.deleted')).toBe('RU go-live (Telegram)');
    expect(label('campaign.created', campaignId)).toBe('Calm Mornings launch');
    expect(label('campaign.updated', campaignId)).toBe('Calm Mornings 2027');
    expect(label('creator.created')).toBe('Анна Смирнова');
    expect(label('engagement.created')).toBe('Анна Смирнова');
    expect(label('meeting.cancelled')).toBe('Kickoff RU × US');
    expect(label('api_token.created')).toBe('Nightly report');
    expect(label('api_token.revoked')).toBe('Nightly report');
    expect(label('external_participant.created')).toBe('Irina Interpreter');
    expect(label('user.setup_owner')).toBe('Olga Owner');
    expect(label('user.registered', ruLead.user.id)).toBe('Roman Lead');
    expect(label('fx_rates.updated')).toBe('Calm Mornings 2027');
    expect(label('escalation.raised')).toBe('Keep the medical claim in the RU script?');
    expect(label('escalation.decided')).toBe('Keep the medical claim in the RU script?');
    expect(label('agreement.generated')).toBe('v1 — Анна Смирнова');
    expect(label('agreement.sent')).toBe('v1 — Анна Смирнова');
    expect(label('engagement.status_changed')).toBe('Анна Смирнова');
    expect(label('market_policy.updated')).toBe('RU');
    expect(label('brief.version_published')).toBe('v1');
    expect(label('brief.text_edited')).toBe('objective · EN');
    expect(label('calendar_feed.rotated')).toBe('Uma Member');

    const market = (action: string, entityId?: string) =>
      events.find((e) => e.action === action && (!entityId || e.entityId === entityId))?.marketCode;
    expect(market('task.created', ruTaskId)).toBe('RU');
    expect(market('task.created', usTaskId)).toBe('US');
    expect(market('task.deleted')).toBeNull();
    expect(market('milestone.deleted')).toBe('RU');
    expect(market('creator.created')).toBe('RU');
    expect(market('engagement.created', engagementId)).toBe('RU');
    expect(market('campaign.updated')).toBeNull();
    expect(market('escalation.raised')).toBe('RU');
    expect(market('agreement.sent')).toBe('RU');
    expect(market('market_policy.updated')).toBe('RU');
    // The contract's other fields stay.
    expect(events[0]).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        at: expect.any(String),
        version: expect.any(Number),
      }),
    );
  });

  it('falls back, for events written before labels were stored, to their payload and never to an id', async () => {
    const { db } = server.database;
    const ghost = '0f0f0f0f-1111-4222-8333-444444444444';
    await db.execute(sql`insert into audit_events (action, entity_type, entity_id, campaign_id, after)
      values ('task.created', 'task', ${ghost}, ${campaignId}, ${JSON.stringify({ v: 1, id: ghost, title: 'Old task', marketCode: 'RU' })}::jsonb),
             ('agreement.sent', 'agreement', ${ghost}, ${campaignId}, ${JSON.stringify({ v: 1 })}::jsonb)`);
    const events = await everything(owner, `entityId=${ghost}`);
    expect(events.map((e) => [e.action, e.entityLabel, e.marketCode])).toEqual([
      ['agreement.sent', null, null],
      // Its market stays unknown: the scope and the market filter read the stored column only.
      ['task.created', 'Old task', null],
    ]);
  });

  it('filters by campaign, market, person, several actions, entity types, entity and time', async () => {
    const inCampaign = await everything(owner, `campaignId=${campaignId}`);
    expect(inCampaign.every((e) => e.campaignId === campaignId)).toBe(true);
    expect(inCampaign.some((e) => e.entityLabel === 'DE press kit')).toBe(false);

    const ru = await everything(owner, `campaignId=${campaignId}&marketCode=RU`);
    expect(ru.length).toBeGreaterThan(3);
    expect(ru.every((e) => e.marketCode === 'RU')).toBe(true);
    const both = await everything(owner, 'marketCode=RU,US');
    expect(new Set(both.map((e) => e.marketCode))).toEqual(new Set(['RU', 'US']));

    const byPerson = await everything(owner, `actorId=${usMember.user.id}`);
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.every((e) => e.actor?.id === usMember.user.id)).toBe(true);

    const comma = await everything(owner, 'action=task.created,task.deleted');
    const repeated = await everything(owner, 'action=task.created&action=task.deleted');
    expect(comma.map((e) => e.id)).toEqual(repeated.map((e) => e.id));
    expect(new Set(comma.map((e) => e.action))).toEqual(new Set(['task.created', 'task.deleted']));

    const types = await everything(owner, 'entityType=milestone,meeting');
    expect(new Set(types.map((e) => e.entityType))).toEqual(new Set(['milestone', 'meeting']));
    const creatorsOnly = await everything(owner, 'entityType=creator');
    expect(creatorsOnly.map((e) => e.action)).toEqual(['creator.created']);

    const history = await everything(owner, `entityType=task&entityId=${ruTaskId}`);
    expect(history.map((e) => e.action)).toEqual(['task.commented', 'task.updated', 'task.created']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await everything(owner, `from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await everything(owner, `to=${encodeURIComponent(future)}`)).length).toBeGreaterThan(20);

    for (const bad of [
      'marketCode=ru',
      'action=DROP%20TABLE',
      'entityType=task;',
      `action=${'a,'.repeat(60)}`,
    ]) {
      const res = await owner.get(`/api/audit?${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });

  it('shows a market lead or member only their markets, their campaigns’ shared events and their own', async () => {
    const all = await everything(owner);
    const ruView = await everything(ruLead.client);
    const usView = await everything(usMember.client);
    const stakeholderView = await everything(stakeholder.client);
    expect(stakeholderView.length).toBe(all.length);

    // Market events: only theirs.
    expect(new Set(ruView.map((e) => e.marketCode).filter(Boolean))).toEqual(new Set(['RU']));
    expect(new Set(usView.map((e) => e.marketCode).filter(Boolean))).toEqual(new Set(['US']));
    expect(ruView.some((e) => e.entityId === usTaskId)).toBe(false);
    expect(usView.some((e) => e.entityId === ruTaskId)).toBe(false);
    // Campaign-wide events of a campaign with their market: yes; of a campaign without it: no.
    expect(ruView.some((e) => e.action === 'campaign.updated' && e.campaignId === campaignId)).toBe(true);
    expect(ruView.some((e) => e.campaignId === otherCampaignId)).toBe(false);
    expect(usView.some((e) => e.action === 'campaign.created' && e.campaignId === otherCampaignId)).toBe(
      true,
    );
    expect(usView.some((e) => e.entityLabel === 'DE press kit')).toBe(false);
    // Their own account's story; not other people's workspace events (tokens of the owner).
    expect(ruView.some((e) => e.action === 'user.registered' && e.entityId === ruLead.user.id)).toBe(true);
    expect(ruView.some((e) => e.entityType === 'api_token')).toBe(false);
    expect(ruView.some((e) => e.action === 'user.registered' && e.entityId === usMember.user.id)).toBe(false);
    // Filters narrow inside the scope, never widen it.
    expect(await everything(ruLead.client, 'marketCode=US')).toEqual([]);
    const csv = await ruLead.client.get<string>('/api/audit/export.csv?marketCode=US');
    expect(csv.status).toBe(200);
    expect(parse(csv.body.replace(/^\uFEFF/, ''))).toHaveLength(1);
    const facets = await ruLead.client.get<{ marketCodes: string[] }>('/api/audit/facets');
    expect(facets.body.marketCodes).toEqual(['RU']);
  });

  it('exports the filtered log as CSV in the reader’s language and zone, formula-safe', async () => {
    const res = await owner.get<string>(
      `/api/audit/export.csv?campaignId=${campaignId}&language=ru&timeZone=Asia/Tokyo`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const rows: string[][] = parse(res.body.replace(/^\uFEFF/, ''));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Время (UTC)',
      'Время (Asia/Tokyo)',
      'Кто изменил',
      'Действие',
      'Код действия',
      'Тип объекта',
      'Объект',
      'Идентификатор объекта',
      'Рынок',
      'Идентификатор кампании',
      'До',
      'После',
    ]);
    const api = await everything(owner, `campaignId=${campaignId}`);
    expect(body).toHaveLength(api.length);
    const created = body.find((r) => r[4] === 'task.created' && r[7] === ruTaskId)!;
    expect(created[3]).toBe('Задача создана');
    expect(created[5]).toBe('Задача');
    expect(created[6]).toBe('Approve RU scripts');
    expect(created[8]).toBe('RU');
    expect(created[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(created[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    // The same instant in both columns.
    expect(new Date(created[1]!).getTime()).toBe(Math.floor(new Date(created[0]!).getTime() / 1000) * 1000);
    const formula = body.find((r) => r[7] === usTaskId && r[4] === 'task.created')!;
    expect(formula[6]).toBe(`'=HYPERLINK("http://evil.example","US brief")`);

    // The caller's language by default, and the same filters as the list.
    const en = await owner.get<string>(
      `/api/audit/export.csv?campaignId=${campaignId}&marketCode=RU&action=task.created`,
    );
    const enRows: string[][] = parse(en.body.replace(/^\uFEFF/, ''));
    expect(enRows[0]![0]).toBe('Time (UTC)');
    expect(enRows[0]![1]).toBe('Time (Europe/Moscow)');
    expect(enRows.slice(1).map((r) => r[6])).toEqual(['Approve RU scripts']);
    expect((await owner.get('/api/audit/export.csv?marketCode=xx')).status).toBe(400);
  });

  it('lists the facets of a campaign for the filters', async () => {
    const res = await owner.get<{
      actions: string[];
      entityTypes: string[];
      marketCodes: string[];
      actors: Array<{ id: string; name: string }>;
    }>(`/api/audit/facets?campaignId=${campaignId}`);
    expect(res.status).toBe(200);
    expect(res.body.marketCodes).toEqual(['RU', 'US']);
    expect(res.body.actions).toContain('task.created');
    expect(res.body.entityTypes).toEqual(
      expect.arrayContaining(['task', 'milestone', 'engagement', 'campaign']),
    );
    expect(res.body.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Olga Owner', 'Uma Member']));
  });

  it('offers every entity type of the catalogue in the explorer, and links entities to their pages', () => {
    const types = new Set(AUDIT_ACTIONS.map((action) => auditCatalogue[action].entityType));
    expect(new Set(AUDIT_ENTITY_TYPES)).toEqual(types);
    const base = { campaignId: 'c1', before: null, after: null };
    expect(auditEntityHref({ ...base, entityType: 'task', entityId: 't1' })).toBe('/campaigns/c1/tasks/t1');
    expect(auditEntityHref({ ...base, entityType: 'engagement', entityId: 'e1' })).toBe(
      '/campaigns/c1/creators/e1',
    );
    expect(
      auditEntityHref({ ...base, entityType: 'agreement', entityId: 'a1', after: { engagementId: 'e1' } }),
    ).toBe('/campaigns/c1/creators/e1');
    expect(auditEntityHref({ ...base, entityType: 'job', entityId: 'j1' })).toBeNull();
  });
});
