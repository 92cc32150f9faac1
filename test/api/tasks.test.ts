import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import {
  buildCampaign,
  buildUser,
  type CampaignBody,
  setupOwner,
  type UserBody,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Task {
  id: string;
  number: number;
  title: string;
  status: string;
  ownerId: string;
  ownerName: string;
  marketCode: string | null;
  dueAt: string | null;
  dueTimeZone: string | null;
  overdue: boolean;
  labels: string[];
  rank: number;
  version: number;
}
type Page = { tasks: Task[]; nextCursor: string | null };

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let campaign: CampaignBody;
let base: string;
beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
});
afterAll(async () => {
  await server.close();
});

async function fresh() {
  campaign = await buildCampaign(owner);
  base = `/api/campaigns/${campaign.id}`;
}

const newTask = (body: Record<string, unknown>) =>
  owner.post<Task>(`${base}/tasks`, { ownerId: ownerUser.id, ...body }).then((r) => {
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  });

describe('tasks', () => {
  it('creates a task with one owner, market, due instant in the market zone, and labels', async () => {
    await fresh();
    const task = await newTask({
      title: 'Approve RU scripts',
      description: '**Check** the claims.',
      marketCode: 'RU',
      dueAt: { local: '2026-03-05T18:00', timeZone: 'Europe/Moscow' },
      labels: ['legal', 'legal', 'scripts'],
    });
    expect(task).toMatchObject({
      number: 1,
      status: 'todo',
      marketCode: 'RU',
      dueAt: '2026-03-05T15:00:00.000Z',
      dueTimeZone: 'Europe/Moscow',
      labels: ['legal', 'scripts'],
      ownerName: 'Olga Owner',
      version: 1,
      overdue: true,
    });
    const second = await newTask({ title: 'US brief call', dueAt: '2027-01-10T17:00:00Z' });
    expect(second).toMatchObject({ number: 2, marketCode: null, dueTimeZone: null, overdue: false });
  });

  it('refuses bad input and changes nothing', async () => {
    await fresh();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '', ownerId: ownerUser.id }, 'validation_failed'],
      [{ title: 'x', ownerId: '00000000-0000-4000-8000-000000000000' }, 'unknown_user'],
      [{ title: 'x', ownerId: ownerUser.id, marketCode: 'DE' }, 'unknown_market'],
      [{ title: 'x', ownerId: ownerUser.id, status: 'later' }, 'validation_failed'],
      [
        {
          title: 'x',
          ownerId: ownerUser.id,
          dueAt: { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
        },
        'local_time_nonexistent',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await owner.post<ErrorBody>(`${base}/tasks`, body);
      expect(res.status, code).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect((await owner.get<Page>(`${base}/tasks`)).body.tasks).toEqual([]);
  });

  it('updates with a version; a stale update gets 409 with the current task, nothing lost', async () => {
    await fresh();
    const task = await newTask({ title: 'Shoot' });
    const { client: lead } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const moved = await owner.patch<Task>(`/api/tasks/${task.id}`, { version: 1, status: 'in_progress' });
    expect(moved.body).toMatchObject({ status: 'in_progress', version: 2 });
    const stale = await lead.patch<ErrorBody & { error: { details: { current: Task } } }>(
      `/api/tasks/${task.id}`,
      {
        version: 1,
        status: 'blocked',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ status: 'in_progress', version: 2 });
    const audit = await owner.get<{ events: Array<{ action: string; before: unknown; after: unknown }> }>(
      `/api/audit?entityType=task&entityId=${task.id}`,
    );
    expect(audit.body.events[0]).toMatchObject({
      action: 'task.status_changed',
      before: { status: 'todo' },
      after: { status: 'in_progress' },
    });
  });

  it('orders cards in a column by drag and drop', async () => {
    await fresh();
    const a = await newTask({ title: 'A' });
    const b = await newTask({ title: 'B' });
    const c = await newTask({ title: 'C' });
    await owner.patch(`/api/tasks/${c.id}`, { version: 1, after: a.id, before: b.id });
    const column = (await owner.get<Page>(`${base}/tasks?status=todo`)).body.tasks.map((t) => t.title);
    expect(column).toEqual(['A', 'C', 'B']);
    // Moving to another column puts the card where it was dropped.
    await owner.patch(`/api/tasks/${b.id}`, { version: 1, status: 'done' });
    await owner.patch(`/api/tasks/${a.id}`, { version: 1, status: 'done', before: b.id });
    const done = (await owner.get<Page>(`${base}/tasks?status=done`)).body.tasks.map((t) => t.title);
    expect(done).toEqual(['A', 'B']);
  });

  it('filters by owner, market, status, label, text and overdue; sorts; pages with a cursor', async () => {
    await fresh();
    const { user: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    for (let i = 1; i <= 7; i++) {
      await newTask({
        title: `Task ${i}`,
        ownerId: i % 2 ? ownerUser.id : member.id,
        marketCode: i % 3 === 0 ? 'US' : 'RU',
        labels: i === 4 ? ['urgent'] : [],
        dueAt: i <= 2 ? `2020-01-0${i}T10:00:00Z` : `2030-01-0${i}T10:00:00Z`,
      });
    }
    const get = async (qs: string) =>
      (await owner.get<Page>(`${base}/tasks?${qs}`)).body.tasks.map((t) => t.title);
    expect(await get(`ownerId=${member.id}&sort=number`)).toEqual(['Task 2', 'Task 4', 'Task 6']);
    expect(await get('marketCode=US&sort=number')).toEqual(['Task 3', 'Task 6']);
    expect(await get('label=urgent')).toEqual(['Task 4']);
    expect(
      (await owner.get<Page & { total: number }>(`${base}/tasks?marketCode=RU&limit=2`)).body.total,
    ).toBe(5);
    expect((await owner.get<{ labels: string[] }>(`${base}/labels`)).body.labels).toEqual(['urgent']);
    expect(await get('q=task%207')).toEqual(['Task 7']);
    expect(await get('overdue=true&sort=due')).toEqual(['Task 1', 'Task 2']);
    expect(await get('sort=due&order=desc&limit=2')).toEqual(['Task 7', 'Task 6']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `sort=due&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await owner.get<Page>(`${base}/tasks?${qs}`)).body;
      seen.push(...page.tasks.map((t) => t.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Task 1', 'Task 2', 'Task 3', 'Task 4', 'Task 5', 'Task 6', 'Task 7']);
    expect((await owner.get(`${base}/tasks?cursor=garbage`)).status).toBe(400);

    const mine = await owner.get<Page>('/api/me/tasks');
    expect(mine.body.tasks.every((t) => t.ownerId === ownerUser.id)).toBe(true);
  });

  it('keeps comments and watchers on a task', async () => {
    await fresh();
    const task = await newTask({ title: 'Discuss' });
    const { client: stakeholder, user: stakeholderUser } = await buildUser(owner, { role: 'stakeholder' });
    expect(
      (await stakeholder.post(`/api/tasks/${task.id}/comments`, { body: 'Approved by brand.' })).status,
    ).toBe(201);
    expect((await stakeholder.patch(`/api/tasks/${task.id}`, { version: 1, status: 'done' })).status).toBe(
      403,
    );
    const detail = await owner.get<{
      comments: Array<{ body: string; authorName: string }>;
      watchers: Array<{ id: string }>;
    }>(`/api/tasks/${task.id}`);
    expect(detail.body.comments).toMatchObject([{ body: 'Approved by brand.' }]);
    expect(detail.body.watchers.map((w) => w.id).sort()).toEqual([ownerUser.id, stakeholderUser.id].sort());
  });

  it('exports CSV with due times in every market zone', async () => {
    await fresh();
    await newTask({
      title: 'Go, "team"\nnow',
      marketCode: 'US',
      dueAt: { local: '2026-11-01T01:30', timeZone: 'America/New_York', disambiguation: 'later' },
    });
    const csv = await owner.get<string>(`${base}/tasks.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '');
    expect(lines.split('\n')[0]).toBe(
      'number,title,status,owner,market,due_utc,due_RU,due_US,labels,created_utc,description',
    );
    expect(lines).toContain('"Go, ""team""\nnow"');
    expect(lines).toContain('2026-11-01T06:30:00.000Z,2026-11-01 09:30 MSK,2026-11-01 01:30 EST');
  });

  it('publishes an iCalendar feed of my due tasks and the milestones', async () => {
    await fresh();
    await newTask({ title: 'Send contracts', dueAt: '2026-11-02T14:00:00Z' });
    await newTask({ title: 'Finished', dueAt: '2026-11-02T15:00:00Z', status: 'done' });
    await owner.post(`${base}/milestones`, {
      title: 'US go-live',
      kind: 'go_live',
      marketCode: 'US',
      at: '2026-11-03T14:00:00Z',
    });
    const feed = await owner.post<{ url: string }>('/api/me/calendar-feed');
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname;
    const res = await new Client(server.url).get<string>(path);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(res.body))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary).sort();
    expect(summaries).toContain('Due: #1 Send contracts');
    expect(summaries).toContain(`${campaign.name}: US go-live (US)`);
    expect(summaries.some((s) => s.includes('Finished'))).toBe(false);
    const due = events.find((e) => e.summary === 'Due: #1 Send contracts')!;
    expect(due.startDate.toJSDate().toISOString()).toBe('2026-11-02T14:00:00.000Z');
    // Rotating the feed kills the old URL.
    await owner.post('/api/me/calendar-feed');
    expect((await new Client(server.url).get(path)).status).toBe(404);
  });

  it('keeps creators out of the tracker', async () => {
    await fresh();
    const task = await newTask({ title: 'Internal' });
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['RU'] });
    expect((await creator.get(`${base}/tasks`)).status).toBe(403);
    expect((await creator.get(`/api/tasks/${task.id}`)).status).toBe(403);
    expect((await creator.post(`/api/tasks/${task.id}/comments`, { body: 'hi' })).status).toBe(403);
    expect((await creator.get(`${base}/tasks.csv`)).status).toBe(403);
    expect((await creator.get('/api/me/tasks')).status).toBe(403);
  });
});
