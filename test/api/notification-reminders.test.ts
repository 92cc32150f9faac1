import { and, count, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/index.ts';
import { jobs } from '../../src/server/jobs/tables.ts';
import { sweepReminders } from '../../src/server/modules/notifications/reminders/sweep-reminders.ts';
import { notifications } from '../../src/server/modules/notifications/tables.ts';
import type { Client } from '../support/client.ts';
import { buildCampaign, buildUser, setupOwner } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FAST = { JOBS_POLL_INTERVAL_MS: '50', NOTIFICATIONS_SWEEP_INTERVAL_MS: '200' };
/** The sweep is off (an hour apart): the test runs it itself. */
const MANUAL = { JOBS_POLL_INTERVAL_MS: '50', NOTIFICATIONS_SWEEP_INTERVAL_MS: '3600000' };

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  entityType: string | null;
  entityId: string | null;
}

const servers: TestServer[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const server of servers.splice(0)) await server.close();
});

async function start(env: Record<string, string>) {
  const server = await startServer({ env });
  servers.push(server);
  const owner = await setupOwner(server.url);
  return { server, owner };
}

/** The reminders (and only those kinds) a person has, as "kind entityId" strings, sorted. */
async function remindersOf(client: Client, kinds: string[]): Promise<Notification[]> {
  const res = await client.get<{ items: Notification[] }>('/api/notifications?limit=100');
  expect(res.status).toBe(200);
  return res.body.items.filter((n) => kinds.includes(n.kind));
}
const summary = (items: Notification[]) => items.map((n) => `${n.kind} ${n.entityId}`).sort();

async function succeededSweeps(server: TestServer): Promise<number> {
  const [row] = await server.database.db
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.name, 'notifications.sweep'), eq(jobs.status, 'succeeded')));
  return Number(row?.n ?? 0);
}

/** Waits until the scheduled sweep has finished `runs` more times (so it saw everything made before). */
async function afterSweeps(server: TestServer, runs = 2): Promise<void> {
  const target = (await succeededSweeps(server)) + runs;
  const started = Date.now();
  while ((await succeededSweeps(server)) < target) {
    if (Date.now() - started > 30_000) throw new Error('the sweep did not run');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function createTask(client: Client, campaignId: string, body: Record<string, unknown>) {
  const res = await client.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const TASK_KINDS = ['task.due_soon', 'task.overdue'];

describe('task reminders from the repeating sweep', () => {
  it('tells owners of tasks due soon and overdue, then the market lead a day later, each once', async () => {
    const { server, owner } = await start(FAST);
    const campaign = await buildCampaign(owner.client);
    const usLead = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['US'],
      name: 'Uma Lead',
    });
    const ruLead = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['RU'],
      name: 'Роман Лид',
      locale: 'ru',
      timeZone: 'Europe/Moscow',
    });
    const member = await buildUser(owner.client, {
      role: 'member',
      marketCodes: ['US'],
      name: 'Mike Member',
    });
    const leaver = await buildUser(owner.client, {
      role: 'member',
      marketCodes: ['RU'],
      name: 'Lena Leaver',
    });
    const task = (
      title: string,
      ownerId: string,
      marketCode: string | null,
      dueInHours: number,
      extra = {},
    ) =>
      createTask(owner.client, campaign.id, {
        title,
        ownerId,
        marketCode,
        dueAt: inHours(dueInHours),
        ...extra,
      });

    const soon = await task('Book the studio', member.user.id, 'US', 3);
    const later = await task('Order props', member.user.id, 'US', 30);
    const justLate = await task('Send the brief', member.user.id, 'US', -2);
    const longLate = await task('Approve the script', member.user.id, 'US', -30);
    const doneLate = await task('Old and finished', member.user.id, 'US', -30, { status: 'done' });
    const noMarket = await task('Pick a photographer', member.user.id, null, -30);
    const orphan = await task('Translate captions', leaver.user.id, 'RU', -1);
    const deactivated = await owner.client.patch(`/api/users/${leaver.user.id}`, { active: false });
    expect(deactivated.status, JSON.stringify(deactivated.body)).toBe(200);

    await afterSweeps(server);
    const mine = await remindersOf(member.client, TASK_KINDS);
    expect(summary(mine)).toEqual(
      [
        `task.due_soon ${soon.id}`,
        `task.overdue ${justLate.id}`,
        `task.overdue ${longLate.id}`,
        `task.overdue ${noMarket.id}`,
      ].sort(),
    );
    const dueSoon = mine.find((n) => n.kind === 'task.due_soon')!;
    expect(dueSoon.title).toContain('Book the studio');
    expect(dueSoon.link).toBe(`/campaigns/${campaign.id}/tasks/${soon.id}`);
    expect(mine.find((n) => n.entityId === justLate.id)!.title).toBe('“Send the brief” is overdue');

    // A day late: the US lead hears of it, with the owner's name; the RU lead hears of nothing American.
    const usLeads = await remindersOf(usLead.client, TASK_KINDS);
    expect(summary(usLeads)).toEqual([`task.overdue ${longLate.id}`]);
    expect(usLeads[0]!.title).toBe('Mike Member’s task “Approve the script” is overdue');
    // The owner was deactivated: the RU lead is told at once, in Russian.
    const ruLeads = await remindersOf(ruLead.client, TASK_KINDS);
    expect(summary(ruLeads)).toEqual([`task.overdue ${orphan.id}`]);
    expect(ruLeads[0]!.title).toContain('Lena Leaver');
    expect(ruLeads[0]!.title).toContain('Translate captions');
    // No market: the campaign's creator (here the owner, also the only admin) answers for it.
    expect(summary(await remindersOf(owner.client, TASK_KINDS))).toEqual([`task.overdue ${noMarket.id}`]);
    for (const untouched of [later.id, doneLate.id])
      expect(mine.some((n) => n.entityId === untouched)).toBe(false);

    // More sweeps send nothing new.
    await afterSweeps(server, 3);
    expect(await remindersOf(member.client, TASK_KINDS)).toHaveLength(4);
    expect(await remindersOf(usLead.client, TASK_KINDS)).toHaveLength(1);
    expect(await remindersOf(ruLead.client, TASK_KINDS)).toHaveLength(1);

    // Moving the due time re-arms the reminder; finishing a task stops it.
    const moved = await owner.client.patch(`/api/tasks/${soon.id}`, {
      version: soon.version,
      dueAt: inHours(5),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const finished = await owner.client.patch(`/api/tasks/${later.id}`, {
      version: later.version,
      status: 'done',
    });
    expect(finished.status).toBe(200);
    await afterSweeps(server);
    const again = await remindersOf(member.client, ['task.due_soon']);
    expect(again.map((n) => n.entityId)).toEqual([soon.id, soon.id]);
  });

  it('leaves out people who turned the kind off on both channels', async () => {
    const { server, owner } = await start(MANUAL);
    const campaign = await buildCampaign(owner.client);
    const member = await buildUser(owner.client, { role: 'member', marketCodes: ['US'] });
    const off = await member.client.put('/api/me/notification-settings', {
      kinds: { 'task.overdue': { inApp: false, email: false } },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    await createTask(owner.client, campaign.id, {
      title: 'Quiet task',
      ownerId: member.user.id,
      marketCode: 'US',
      dueAt: inHours(-1),
    });
    const result = await sweepReminders(server.database.db);
    expect(result.tasksOverdue).toBe(0);
    expect(await remindersOf(member.client, TASK_KINDS)).toHaveLength(0);
  });
});

describe('draft feedback and unsigned creators', () => {
  it('reminds the market leads at three quarters of the turnaround, again when overdue, and warns before go-live', async () => {
    const { server, owner } = await start(FAST);
    const campaign = await buildCampaign(owner.client);
    const usLead = await buildUser(owner.client, { role: 'market_lead', marketCodes: ['US'] });
    const ruLead = await buildUser(owner.client, { role: 'market_lead', marketCodes: ['RU'], locale: 'ru' });
    const creator = async (name: string, marketCode: 'US' | 'RU') => {
      const res = await owner.client.post<{ id: string }>('/api/creators', {
        name,
        marketCode,
        language: marketCode === 'US' ? 'en' : 'ru',
        timeZone: marketCode === 'US' ? 'America/Los_Angeles' : 'Europe/Moscow',
        channels: [{ platform: 'instagram', handle: `@${name.replace(/\W/g, '').toLowerCase()}` }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const engage = async (creatorId: string, goLiveInDays: number | null) => {
      const res = await owner.client.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
        creatorId,
        fee: { amount: 1000, currency: 'USD' },
        ...(goLiveInDays === null ? {} : { goLiveFrom: inHours(goLiveInDays * 24) }),
        // In production unsigned, through the gate's override: the drafts come in while the creators stay "maybe".
        status: 'in_production',
        override: { reason: 'Shooting before the paper is back' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const submit = async (engagementId: string) => {
      const res = await owner.client.post<{ id: string }>(`/api/engagements/${engagementId}/submissions`, {
        url: 'https://drive.example.com/draft',
        note: '',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const jess = await engage((await creator('Jess Park', 'US')).id, 3);
    const anna = await engage((await creator('Анна Смирнова', 'RU')).id, 10);
    const tom = await engage((await creator('Tom Reed', 'US')).id, null);
    // Declined and given its go-live in one statement: a sweep between the two would warn about it.
    const gone = await engage((await creator('Gone Girl', 'US')).id, null);
    await server.database.db.execute(
      sql`update engagements set status = 'declined', go_live_from = now() + interval '2 days' where id = ${gone.id}`,
    );

    const waiting = await submit(jess.id);
    const late = await submit(anna.id);
    const fresh = await submit(tom.id);
    // 40 of 48 hours gone (83 %), and 25 of 24 hours gone.
    await server.database.db.execute(
      sql`update submissions set submitted_at = now() - interval '40 hours', feedback_due_at = now() + interval '8 hours' where id = ${waiting.id}`,
    );
    await server.database.db.execute(
      sql`update submissions set submitted_at = now() - interval '25 hours', feedback_due_at = now() - interval '1 hour' where id = ${late.id}`,
    );

    const kinds = [
      'submission.feedback_reminder',
      'submission.feedback_overdue',
      'engagement.unsigned_before_go_live',
    ];
    await afterSweeps(server);
    const us = await remindersOf(usLead.client, kinds);
    expect(summary(us)).toEqual(
      [`engagement.unsigned_before_go_live ${jess.id}`, `submission.feedback_reminder ${waiting.id}`].sort(),
    );
    const unsigned = us.find((n) => n.kind === 'engagement.unsigned_before_go_live')!;
    expect(unsigned.title).toBe('Jess Park has not signed, go-live in 3 days');
    expect(unsigned.link).toBe(`/campaigns/${campaign.id}/creators/${jess.id}`);
    const ru = await remindersOf(ruLead.client, kinds);
    expect(summary(ru)).toEqual([`submission.feedback_overdue ${late.id}`]);
    expect(ru[0]!.urgent).toBe(true);
    expect(ru[0]!.title).toContain('Анна Смирнова');
    // The leads answer: nobody else is bothered, and the fresh draft is not due for anything yet.
    expect(await remindersOf(owner.client, kinds)).toHaveLength(0);
    for (const n of [...us, ...ru]) expect([fresh.id, tom.id, gone.id, anna.id]).not.toContain(n.entityId);

    // Once each, however often the sweep runs.
    await afterSweeps(server, 3);
    expect(await remindersOf(usLead.client, kinds)).toHaveLength(2);
    expect(await remindersOf(ruLead.client, kinds)).toHaveLength(1);

    // The draft then runs past its due time: the US lead is told again, urgently.
    await server.database.db.execute(
      sql`update submissions set feedback_due_at = now() - interval '1 minute' where id = ${waiting.id}`,
    );
    await afterSweeps(server);
    expect(summary(await remindersOf(usLead.client, ['submission.feedback_overdue']))).toEqual([
      `submission.feedback_overdue ${waiting.id}`,
    ]);
  });
});

describe('brief acknowledgement reminders', () => {
  it('reminds those who must acknowledge a day after publishing, once a day while missing', async () => {
    const { server, owner } = await start(FAST);
    const campaign = await buildCampaign(owner.client);
    const base = `/api/campaigns/${campaign.id}/brief`;
    const usLead = await buildUser(owner.client, { role: 'market_lead', marketCodes: ['US'] });
    const ruLead = await buildUser(owner.client, {
      role: 'market_lead',
      marketCodes: ['RU'],
      locale: 'ru',
      timeZone: 'Europe/Moscow',
    });
    const member = await buildUser(owner.client, { role: 'member', marketCodes: ['US'] });
    const bystander = await buildUser(owner.client, { role: 'member', marketCodes: ['US'] });
    const asked = await owner.client.post(`${base}/acknowledgement-requests`, { userId: member.user.id });
    expect(asked.status, JSON.stringify(asked.body)).toBeLessThan(300);
    const published = await owner.client.post<{ version: number }>(`${base}/versions`, { note: 'v1' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const version = published.body.version;
    expect((await usLead.client.post(`${base}/versions/${version}/acknowledgements`, {})).status).toBe(201);

    const kinds = ['brief.acknowledgement_reminder'];
    // Within the first day nobody is reminded.
    await afterSweeps(server);
    expect(await remindersOf(ruLead.client, kinds)).toHaveLength(0);

    await server.database.db.execute(
      sql`update brief_versions set published_at = now() - interval '25 hours' where campaign_id = ${campaign.id}`,
    );
    await afterSweeps(server);
    const entity = `${campaign.id}:${version}`;
    const ru = await remindersOf(ruLead.client, kinds);
    expect(summary(ru)).toEqual([`brief.acknowledgement_reminder ${entity}`]);
    expect(ru[0]!.link).toBe(`/campaigns/${campaign.id}/brief/versions/${version}`);
    expect(await remindersOf(member.client, kinds)).toHaveLength(1);
    expect(await remindersOf(usLead.client, kinds)).toHaveLength(0);
    expect(await remindersOf(bystander.client, kinds)).toHaveLength(0);
    expect(await remindersOf(owner.client, kinds)).toHaveLength(0);

    await afterSweeps(server, 3);
    expect(await remindersOf(ruLead.client, kinds)).toHaveLength(1);

    // The next day (a sweep with a clock a day ahead): again, while it is still missing.
    const tomorrow = new Date(Date.now() + DAY + HOUR);
    await sweepReminders(server.database.db, { now: tomorrow });
    await sweepReminders(server.database.db, { now: tomorrow });
    expect(await remindersOf(ruLead.client, kinds)).toHaveLength(2);
    expect(await remindersOf(member.client, kinds)).toHaveLength(2);

    // The RU lead acknowledges; the day after only the member is reminded.
    expect((await ruLead.client.post(`${base}/versions/${version}/acknowledgements`, {})).status).toBe(201);
    await sweepReminders(server.database.db, { now: new Date(Date.now() + 2 * DAY + 2 * HOUR) });
    expect(await remindersOf(ruLead.client, kinds)).toHaveLength(2);
    expect(await remindersOf(member.client, kinds)).toHaveLength(3);
  });
});

describe('batches', () => {
  it('walks more due reminders than one batch holds and sends each once', async () => {
    const { server, owner } = await start(MANUAL);
    const campaign = await buildCampaign(owner.client);
    const member = await buildUser(owner.client, { role: 'member', marketCodes: ['US'] });
    await server.database.db.execute(sql`
      insert into tasks (campaign_id, number, title, owner_id, market_code, status, due_at, rank, created_by)
      select ${campaign.id}, 1000 + n, 'Bulk task ' || n, ${member.user.id}, 'US', 'todo',
             now() - make_interval(mins => n), n, ${owner.user.id}
      from generate_series(1, 23) as n`);
    const first = await sweepReminders(server.database.db, { batchSize: 5 });
    expect(first.tasksOverdue).toBe(23);
    const second = await sweepReminders(server.database.db, { batchSize: 5 });
    expect(second.tasksOverdue).toBe(0);
    const [row] = await server.database.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, member.user.id), eq(notifications.kind, 'task.overdue')));
    expect(Number(row!.n)).toBe(23);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two instances on one PostgreSQL', () => {
  it('sends each reminder exactly once however many sweeps run at the same time', async () => {
    const { server, owner } = await start(FAST);
    const campaign = await buildCampaign(owner.client);
    const lead = await buildUser(owner.client, { role: 'market_lead', marketCodes: ['US'] });
    const people = await Promise.all(
      [1, 2, 3].map(() => buildUser(owner.client, { role: 'member', marketCodes: ['US'] })),
    );
    // 60 tasks two days late: each owner hears of 20, the US lead of all 60.
    await server.database.db.execute(sql`
      insert into tasks (campaign_id, number, title, owner_id, market_code, status, due_at, rank, created_by)
      select ${campaign.id}, 2000 + n, 'Late task ' || n,
             (array[${people[0]!.user.id}, ${people[1]!.user.id}, ${people[2]!.user.id}]::uuid[])[n % 3 + 1],
             'US', 'todo', now() - interval '2 days' - make_interval(mins => n), n, ${owner.user.id}
      from generate_series(1, 60) as n`);

    const second = await openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    const config = { ...loadConfig(FAST), port: 0, host: '127.0.0.1', dataDir: server.dataDir };
    const secondApp = await buildApp({
      config: { ...config, databaseUrl: server.databaseUrl },
      database: second,
    });
    cleanups.push(async () => {
      await secondApp.close();
      await second.close();
    });
    // Besides both instances' schedules, four sweeps at once on two connections pools.
    await Promise.all([
      sweepReminders(server.database.db, { batchSize: 7 }),
      sweepReminders(second.db, { batchSize: 7 }),
      sweepReminders(server.database.db, { batchSize: 13 }),
      sweepReminders(second.db, { batchSize: 13 }),
    ]);
    await afterSweeps(server, 2);

    for (const person of people) expect(await remindersOf(person.client, TASK_KINDS)).toHaveLength(20);
    const [leadRows] = await server.database.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, lead.user.id), eq(notifications.kind, 'task.overdue')));
    expect(Number(leadRows!.n)).toBe(60);
    const [all] = await server.database.db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.kind, 'task.overdue'));
    expect(Number(all!.n)).toBe(120);
  });
});
