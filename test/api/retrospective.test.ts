import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEscalationClock } from '../../src/server/modules/escalations/hand-over-escalation.ts';
import { Client, type ErrorBody } from '../support/client.ts';
import { buildCampaign, buildUser, PASSWORD, setupOwner, type UserBody } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The retrospective on a campaign whose history is built through the API, then moved into the
// past with SQL (a test cannot wait two days for a task to be late): every kind late and on time,
// open items, the market restriction, the CSV and the print page. Runs on PGlite and, with
// DATABASE_URL, on PostgreSQL.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface LateItem {
  kind: string;
  entityType: string;
  entityId: string;
  label: string;
  detail: string | null;
  marketCode: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueAt: string;
  doneAt: string | null;
  lateMinutes: number;
  open: boolean;
  link: string | null;
}
interface Turnaround {
  policyHours: number;
  submissions: number;
  answered: number;
  answeredOnTime: number;
  medianHours: number | null;
  worstHours: number | null;
  openOverdue: number;
  kept: boolean | null;
}
interface Retro {
  campaignName: string;
  markets: Array<{ code: string }>;
  launch: {
    limitHours: number;
    plannedSpreadHours: number | null;
    actualSpreadHours: number | null;
    plannedOk: boolean;
    actualOk: boolean | null;
    markets: Array<{
      code: string;
      plannedAt: string | null;
      actualAt: string | null;
      lateMinutes: number | null;
    }>;
  };
  late: LateItem[];
  totals: { late: number; open: number; byKind: Record<string, number> };
  byMarket: Record<
    string,
    { late: number; open: number; byKind: Record<string, number>; feedback: Turnaround }
  >;
}

let server: TestServer;
let owner: Client;
let ruLead: { client: Client; user: UserBody };
let ruLead2: { client: Client; user: UserBody };
let usLead: { client: Client; user: UserBody };
let usMember: { client: Client; user: UserBody };
let stakeholder: { client: Client; user: UserBody };
let campaignId: string;
const ids: Record<string, string> = {};
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

const exec = (query: ReturnType<typeof sql>) => server.database.db.execute(query);

async function ok<T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function task(title: string, marketCode: string | null, ownerId: string, dueAt: number) {
  const body = await ok(
    owner.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/tasks`, {
      title,
      ownerId,
      marketCode,
      dueAt: iso(dueAt),
    }),
    201,
  );
  return body;
}

async function engagement(name: string, marketCode: 'RU' | 'US', deliverableDue: number | null) {
  const creator = await ok(
    owner.post<{ id: string }>('/api/creators', {
      name,
      marketCode,
      language: marketCode === 'RU' ? 'ru' : 'en',
      timeZone: marketCode === 'RU' ? 'Europe/Moscow' : 'America/New_York',
      channels: [{ platform: 'instagram', handle: name.toLowerCase().replace(/\W+/g, '_'), followers: 1000 }],
    }),
    201,
  );
  const engagement = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/engagements`, {
      creatorId: creator.id,
      fee: { amount: 100, currency: marketCode === 'RU' ? 'RUB' : 'USD' },
      deliverables:
        deliverableDue === null
          ? []
          : [{ platform: 'instagram', format: 'reel', count: 2, dueAt: iso(deliverableDue) }],
    }),
    201,
  );
  return engagement.id;
}

async function draft(engagementId: string, url: string) {
  return (await ok(owner.post<{ id: string }>(`/api/engagements/${engagementId}/submissions`, { url }), 201))
    .id;
}

async function retro(client: Client, language?: 'en' | 'ru') {
  const res = await client.request<Retro>('GET', `/api/campaigns/${campaignId}/retrospective`, undefined, {
    ...(language ? { 'accept-language': language } : {}),
  });
  expect(res.status).toBe(200);
  return res.body;
}
const find = (r: Retro, kind: string, label: string) =>
  r.late.filter((i) => i.kind === kind && i.label === label);

beforeAll(async () => {
  server = await startServer();
  ({ client: owner } = await setupOwner(server.url, { name: 'Olga Owner' }));
  const campaign = await buildCampaign(owner, { name: 'Calm Mornings', launchWindowHours: 48 });
  campaignId = campaign.id;
  ruLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'], name: 'Rita Lead' });
  ruLead2 = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'], name: 'Roman Second' });
  usLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'], name: 'Ursula Lead' });
  usMember = await buildUser(owner, { role: 'member', marketCodes: ['US'], name: 'Uma Member' });
  stakeholder = await buildUser(owner, { role: 'stakeholder', name: 'Sasha Brand' });

  // Feedback promises: RU answers within 24 h, US within 48 h.
  for (const [code, hours] of [
    ['RU', 24],
    ['US', 48],
  ] as const) {
    await ok(
      owner.put(`/api/campaigns/${campaignId}/policies/${code}`, {
        revisionRounds: 2,
        feedbackTurnaroundHours: hours,
        briefingStyle: 'full_upfront',
      }),
    );
  }

  // Tasks: RU finished 3 h 20 min late; US finished on time; US still open, 3 h past due;
  // a campaign-wide one still open past due; one not due yet.
  const late = await task('Book the studio', 'RU', ruLead.user.id, now - 2 * DAY);
  const onTime = await task('Translate captions', 'US', usLead.user.id, now + DAY);
  const open = await task('Order samples', 'US', usMember.user.id, now - 3 * HOUR);
  const wide = await task('Agree on hashtags', null, ruLead.user.id, now - 5 * HOUR);
  await task('Write the recap', 'RU', ruLead.user.id, now + 2 * DAY);
  for (const t of [late, onTime])
    await ok(owner.patch(`/api/tasks/${t.id}`, { status: 'done', version: t.version }));
  await exec(sql`update tasks set done_at = ${iso(now - 2 * DAY + 200 * MIN)} where id = ${late.id}`);
  Object.assign(ids, { lateTask: late.id, openTask: open.id, wideTask: wide.id, onTimeTask: onTime.id });

  // Creators: Anna (RU) drafted a day after her deliverable was due and got feedback 30 h after
  // submitting (24 h promise: late); Boris (RU) has nothing yet, his deliverable two days overdue,
  // respond-by passed unsigned; Cara (US) drafted on time, answered in 10 h, signed before her
  // respond-by; Dan (US) signed a day after his respond-by and his draft waits unanswered past
  // its 48 h; Eve (US) declined: nothing of hers is late.
  const anna = await engagement('Anna Petrova', 'RU', now - 6 * DAY);
  const boris = await engagement('Boris Orlov', 'RU', now - 2 * DAY);
  const cara = await engagement('Cara Jones', 'US', now + 3 * DAY);
  const dan = await engagement('Dan Smith', 'US', null);
  const eve = await engagement('Eve Brown', 'US', now - 3 * DAY);
  Object.assign(ids, { anna, boris, cara, dan, eve });
  // Drafts need a signed agreement (the commitment gate): Anna's, Cara's and Dan's, signed at these times.
  for (const [engagementId, signedAt] of [
    [anna, now - 8 * DAY],
    [cara, now - 6 * DAY],
    [dan, now - 4 * DAY],
  ] as const) {
    const agreement = await ok(
      owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`),
      201,
    );
    await exec(
      sql`update agreements set status = 'signed', signed_at = ${iso(signedAt)} where id = ${agreement.id}`,
    );
  }
  const annaDraft = await draft(anna, 'https://drive.example/anna-1');
  const caraDraft = await draft(cara, 'https://drive.example/cara-1');
  const danDraft = await draft(dan, 'https://drive.example/dan-1');
  for (const id of [annaDraft, caraDraft])
    await ok(owner.post(`/api/submissions/${id}/feedback`, { decision: 'approved', feedback: 'Looks good' }));
  await exec(sql`update submissions set submitted_at = ${iso(now - 5 * DAY)}, feedback_due_at = ${iso(now - 4 * DAY)},
    feedback_at = ${iso(now - 5 * DAY + 30 * HOUR)} where id = ${annaDraft}`);
  await exec(sql`update submissions set submitted_at = ${iso(now - 2 * DAY)}, feedback_due_at = ${iso(now)},
    feedback_at = ${iso(now - 2 * DAY + 10 * HOUR)} where id = ${caraDraft}`);
  await exec(sql`update submissions set submitted_at = ${iso(now - 3 * DAY)}, feedback_due_at = ${iso(now - DAY)}
    where id = ${danDraft}`);
  await exec(sql`update engagements set respond_by = ${iso(now - 4 * DAY)} where id = ${boris}`);
  await exec(sql`update engagements set respond_by = ${iso(now - 5 * DAY)} where id in (${cara}, ${dan})`);
  await exec(
    sql`update engagements set respond_by = ${iso(now - 5 * DAY)}, status = 'declined' where id = ${eve}`,
  );

  // Launch: planned RU then US 24 h later; RU really went live 6 h late, US not yet (and 3 days past plan).
  for (const [code, at] of [
    ['RU', now - 4 * DAY],
    ['US', now - 3 * DAY],
  ] as const) {
    await ok(
      owner.post(`/api/campaigns/${campaignId}/milestones`, {
        title: `Go-live ${code}`,
        kind: 'go_live',
        marketCode: code,
        at: iso(at),
      }),
      201,
    );
  }
  await exec(sql`update engagements set posted_at = ${iso(now - 4 * DAY + 6 * HOUR)},
    post_url = 'https://instagram.example/anna/1' where id = ${anna}`);

  // Brief v1 published four days ago: Rita acknowledged two days late, Ursula within the day,
  // Roman never (still open).
  await ok(owner.post(`/api/campaigns/${campaignId}/brief/versions`), 201);
  await ok(ruLead.client.post(`/api/campaigns/${campaignId}/brief/versions/1/acknowledgements`), 201);
  await ok(usLead.client.post(`/api/campaigns/${campaignId}/brief/versions/1/acknowledgements`), 201);
  await exec(
    sql`update brief_versions set published_at = ${iso(now - 4 * DAY)} where campaign_id = ${campaignId}`,
  );
  await exec(sql`update brief_acknowledgements set acknowledged_at = ${iso(now - DAY)}
    where campaign_id = ${campaignId} and user_id = ${ruLead.user.id}`);
  await exec(sql`update brief_acknowledgements set acknowledged_at = ${iso(now - 4 * DAY + 2 * HOUR)}
    where campaign_id = ${campaignId} and user_id = ${usLead.user.id}`);

  // Escalations: Rita's hour ran out (handed over to Olga, who decided 3 h after the first due
  // time); one decided at once (not late).
  const brief = await ok(
    owner.get<{ sections: Array<{ key: string; dataRevision: number }> }>(
      `/api/campaigns/${campaignId}/brief`,
    ),
  );
  const section = brief.sections.find((s) => s.key === 'escalation')!;
  const ownerId = (await ok(owner.get<{ id: string }>('/api/me'))).id;
  await ok(
    owner.put(`/api/campaigns/${campaignId}/brief/sections/escalation/data`, {
      baseRevision: section.dataRevision,
      data: {
        rules: [
          {
            id: 'creative',
            decision: { en: 'Creative call', ru: 'Креатив' },
            deciderId: ruLead.user.id,
            withinMinutes: 60,
            nextId: ownerId,
          },
        ],
      },
    }),
  );
  const slow = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'Can Anna show the logo in the first second?',
    }),
    201,
  );
  const quick = await ok(
    owner.post<{ id: string }>(`/api/campaigns/${campaignId}/escalations`, {
      ruleId: 'creative',
      summary: 'Music licence for the US cut',
    }),
    201,
  );
  await ok(
    ruLead.client.post(`/api/escalations/${quick.id}/decision`, { decision: 'Use the licensed track' }),
  );
  await exec(
    sql`update escalations set due_at = ${iso(now - 3 * HOUR)}, market_code = 'RU' where id = ${slow.id}`,
  );
  await exec(sql`update escalation_steps set due_at = ${iso(now - 3 * HOUR)}, at = ${iso(now - 4 * HOUR)}
    where escalation_id = ${slow.id}`);
  expect(await runEscalationClock(server.database.db, slow.id, 1)).toBe('handed_over');
  await ok(owner.post(`/api/escalations/${slow.id}/decision`, { decision: 'Yes, from the first second' }));
  Object.assign(ids, { slow: slow.id, quick: quick.id });
});

afterAll(async () => {
  await server?.close();
});

describe('retrospective: what was late, by kind', () => {
  it('tasks: finished late and still open past due, never the on-time or not-yet-due ones', async () => {
    const r = await retro(owner);
    const [late] = find(r, 'task', 'Book the studio');
    expect(late).toMatchObject({
      entityType: 'task',
      entityId: ids.lateTask,
      marketCode: 'RU',
      ownerId: ruLead.user.id,
      ownerName: 'Rita Lead',
      lateMinutes: 200,
      open: false,
      link: `/campaigns/${campaignId}/tasks/${ids.lateTask}`,
    });
    const [open] = find(r, 'task', 'Order samples');
    expect(open).toMatchObject({ marketCode: 'US', ownerName: 'Uma Member', open: true, doneAt: null });
    expect(open!.lateMinutes).toBeGreaterThanOrEqual(180);
    expect(find(r, 'task', 'Agree on hashtags')[0]).toMatchObject({ marketCode: null, open: true });
    expect(find(r, 'task', 'Translate captions')).toHaveLength(0);
    expect(find(r, 'task', 'Write the recap')).toHaveLength(0);
  });

  it('feedback: answered after the market’s time or still owed; the turnaround table judges each promise', async () => {
    const r = await retro(owner);
    const [anna] = find(r, 'feedback', 'Anna Petrova');
    expect(anna).toMatchObject({ marketCode: 'RU', detail: 'round 1', open: false, lateMinutes: 6 * 60 });
    expect(anna!.ownerName).toBe('Olga Owner');
    const [dan] = find(r, 'feedback', 'Dan Smith');
    expect(dan).toMatchObject({ marketCode: 'US', open: true, ownerId: null, doneAt: null });
    expect(find(r, 'feedback', 'Cara Jones')).toHaveLength(0);
    expect(r.byMarket.RU!.feedback).toMatchObject({
      policyHours: 24,
      submissions: 1,
      answered: 1,
      answeredOnTime: 0,
      medianHours: 30,
      worstHours: 30,
      openOverdue: 0,
      kept: false,
    });
    expect(r.byMarket.US!.feedback).toMatchObject({
      policyHours: 48,
      answered: 1,
      answeredOnTime: 1,
      medianHours: 10,
      openOverdue: 1,
      kept: false,
    });
  });

  it('creator deadlines: the first draft after the due time, or none yet; declined engagements owe nothing', async () => {
    const r = await retro(owner);
    const [anna] = find(r, 'creator_deadline', 'Anna Petrova');
    expect(anna).toMatchObject({ entityType: 'deliverable', detail: '2 × reel · instagram', open: false });
    expect(anna!.lateMinutes).toBe(DAY / MIN);
    const [boris] = find(r, 'creator_deadline', 'Boris Orlov');
    expect(boris).toMatchObject({
      open: true,
      ownerName: 'Boris Orlov',
      link: `/campaigns/${campaignId}/creators/${ids.boris}`,
    });
    expect(find(r, 'creator_deadline', 'Cara Jones')).toHaveLength(0);
    expect(find(r, 'creator_deadline', 'Eve Brown')).toHaveLength(0);
  });

  it('agreements: signed after respond-by, or unsigned past it; signed in time and declined are not late', async () => {
    const r = await retro(owner);
    expect(find(r, 'agreement', 'Dan Smith')[0]).toMatchObject({
      entityType: 'engagement',
      entityId: ids.dan,
      open: false,
      lateMinutes: DAY / MIN,
    });
    expect(find(r, 'agreement', 'Boris Orlov')[0]).toMatchObject({ open: true, marketCode: 'RU' });
    expect(find(r, 'agreement', 'Cara Jones')).toHaveLength(0);
    expect(find(r, 'agreement', 'Eve Brown')).toHaveLength(0);
  });

  it('acknowledgements: more than a day after publishing, or still missing on the current version', async () => {
    const r = await retro(owner);
    const acks = r.late.filter((i) => i.kind === 'acknowledgement');
    const rita = acks.find((a) => a.ownerId === ruLead.user.id);
    expect(rita).toMatchObject({
      label: 'Brief v1',
      marketCode: 'RU',
      open: false,
      lateMinutes: (2 * DAY) / MIN,
    });
    expect(acks.find((a) => a.ownerId === ruLead2.user.id)).toMatchObject({
      open: true,
      ownerName: 'Roman Second',
    });
    expect(acks.find((a) => a.ownerId === usLead.user.id)).toBeUndefined();
  });

  it('escalations: a level that ran out, late until decided; one decided in time is not listed', async () => {
    const r = await retro(owner);
    const [slow] = find(r, 'escalation', 'Can Anna show the logo in the first second?');
    expect(slow).toMatchObject({
      entityId: ids.slow,
      ownerId: ruLead.user.id,
      open: false,
      marketCode: 'RU',
    });
    expect(slow!.lateMinutes).toBeGreaterThanOrEqual(180);
    expect(slow!.detail).toContain('decided late');
    expect(find(r, 'escalation', 'Music licence for the US cut')).toHaveLength(0);
  });

  it('labels are names, never raw ids; totals and per-market counts add up', async () => {
    const r = await retro(owner);
    for (const item of r.late) expect(item.label).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(r.totals.late).toBe(r.late.length);
    expect(r.totals.open).toBe(r.late.filter((i) => i.open).length);
    expect(r.byMarket.RU!.byKind.task).toBe(1);
    expect(r.byMarket.US!.byKind.task).toBe(1);
    expect(r.totals.byKind.task).toBe(3);
  });

  it('launch: planned against actual spread, each market’s lateness', async () => {
    const r = await retro(owner);
    expect(r.launch.limitHours).toBe(48);
    expect(r.launch.plannedSpreadHours).toBe(24);
    expect(r.launch.plannedOk).toBe(true);
    expect(r.launch.actualSpreadHours).toBeNull();
    // RU live for more than 48 h while US is not: the window is already broken.
    expect(r.launch.actualOk).toBe(false);
    const ru = r.launch.markets.find((m) => m.code === 'RU')!;
    expect(ru).toMatchObject({ actualAt: iso(now - 4 * DAY + 6 * HOUR), lateMinutes: 360 });
    const us = r.launch.markets.find((m) => m.code === 'US')!;
    expect(us.actualAt).toBeNull();
    expect(us.lateMinutes).toBeGreaterThanOrEqual((3 * DAY) / MIN);
  });

  it('Russian: labels and details in the caller’s language', async () => {
    const r = await retro(owner, 'ru');
    expect(find(r, 'acknowledgement', 'Бриф, версия 1').length).toBeGreaterThan(0);
    expect(find(r, 'feedback', 'Anna Petrova')[0]!.detail).toBe('раунд 1');
  });
});

describe('retrospective: who sees what', () => {
  it('a market lead or member sees their markets’ rows and the campaign-wide ones only', async () => {
    const r = await retro(usMember.client);
    expect(r.markets.map((m) => m.code)).toEqual(['US']);
    expect(Object.keys(r.byMarket)).toEqual(['US']);
    expect(r.late.every((i) => i.marketCode === 'US' || i.marketCode === null)).toBe(true);
    expect(find(r, 'task', 'Order samples')).toHaveLength(1);
    expect(find(r, 'task', 'Agree on hashtags')).toHaveLength(1);
    expect(find(r, 'task', 'Book the studio')).toHaveLength(0);
    const ru = await retro(ruLead.client);
    expect(find(ru, 'task', 'Book the studio')).toHaveLength(1);
    expect(ru.late.some((i) => i.marketCode === 'US')).toBe(false);
  });

  it('stakeholders and admins see every market', async () => {
    const r = await retro(stakeholder.client);
    expect(Object.keys(r.byMarket).sort()).toEqual(['RU', 'US']);
    expect(find(r, 'task', 'Book the studio')).toHaveLength(1);
  });

  it('a creator or a stranger is refused; bad ids are 400, unknown campaigns 404', async () => {
    const creator = await buildUser(owner, { role: 'creator', name: 'Cora Creator' });
    expect((await creator.client.get(`/api/campaigns/${campaignId}/retrospective`)).status).toBe(403);
    expect((await new Client(server.url).get(`/api/campaigns/${campaignId}/retrospective`)).status).toBe(401);
    const bad = await owner.get<ErrorBody>('/api/campaigns/not-a-uuid/retrospective');
    expect(bad.status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['retrospective', 'retrospective.csv', 'retrospective/print']) {
      expect((await owner.get(`/api/campaigns/${unknown}/${path}`)).status).toBe(404);
      expect((await owner.get(`/api/campaigns/nope/${path}`)).status).toBe(400);
    }
    expect((await owner.get(`/api/campaigns/${campaignId}/retrospective.csv?language=de`)).status).toBe(400);
  });
});

describe('retrospective: exports', () => {
  it('CSV: one row per late item, headers and kinds in the caller’s language, formulas neutralised', async () => {
    await ok(
      owner.post(`/api/campaigns/${campaignId}/tasks`, {
        title: '=HYPERLINK("http://evil.example")',
        ownerId: usLead.user.id,
        marketCode: 'US',
        dueAt: iso(now - HOUR),
      }),
      201,
    );
    const en = await owner.get<string>(`/api/campaigns/${campaignId}/retrospective.csv`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toContain('text/csv');
    expect(en.headers.get('content-disposition')).toContain('attachment');
    const lines = en.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Kind,Market,Item,Detail,Whose,Due (UTC),Done (UTC),Minutes late,How late,Status,Link',
    );
    const r = await retro(owner);
    expect(lines).toHaveLength(r.late.length + 1);
    expect(en.body).toContain('Tasks,RU,Book the studio,#');
    expect(en.body).toContain('3 h 20 min late,done late');
    expect(en.body).toContain(`'=HYPERLINK`);
    expect(en.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const ru = await owner.get<string>(`/api/campaigns/${campaignId}/retrospective.csv?language=ru`);
    expect(ru.body).toContain('Вид,Рынок,Что');
    expect(ru.body).toContain('Задачи,RU,Book the studio');
    expect(ru.body).toContain('опоздание на 3 часа 20 минут');
    const member = await usMember.client.get<string>(`/api/campaigns/${campaignId}/retrospective.csv`);
    expect(member.body).not.toContain('Book the studio');
  });

  it('print page: 200, the title, both languages, no script', async () => {
    const en = await owner.get<string>(`/api/campaigns/${campaignId}/retrospective/print`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toContain('text/html');
    expect(en.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(en.body).toContain('<title>Calm Mornings — retrospective</title>');
    expect(en.body).toContain('Feedback turnaround against each market’s promise');
    expect(en.body).toContain('Book the studio');
    expect(en.body).toContain('MSK');
    expect(en.body).not.toContain('<script');
    const ru = await owner.get<string>(`/api/campaigns/${campaignId}/retrospective/print?language=ru`);
    expect(ru.body).toContain('<title>Calm Mornings — ретроспектива</title>');
    expect(ru.body).toContain('Нарушено');
  });

  it('a user who signs in with a password gets the same figures (no cached state between callers)', async () => {
    const again = new Client(server.url);
    const me = (await ok(usLead.client.get<{ email: string }>('/api/me'))).email;
    await ok(again.post('/api/auth/login', { email: me, password: PASSWORD }));
    const r = await retro(again);
    expect(r.markets.map((m) => m.code)).toEqual(['US']);
  });
});
