import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import {
  buildCampaign,
  buildUser,
  type CampaignBody,
  PASSWORD,
  setupOwner,
  signAgreementFor,
  type UserBody,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  urgent: boolean;
  campaignId: string | null;
  marketCode: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Inbox {
  items: Notification[];
  unreadCount: number;
  nextCursor: string | null;
}
interface Settings {
  kinds: Record<string, { inApp: boolean; email: boolean }>;
  digest: string;
  emailAvailable: boolean;
  catalogue: Array<{ kind: string; group: string; audience: string; label: string; urgent: boolean }>;
}
interface Person {
  client: Client;
  user: UserBody;
}

let server: TestServer;
let owner: Person;
let campaign: CampaignBody;

/**
 * A server (fresh database) per group of tests: registrations count against the per-address
 * sign-in limit, and one server for every test here would pass it.
 */
function freshServer() {
  beforeAll(async () => {
    server = await startServer();
    owner = await setupOwner(server.url);
    campaign = await buildCampaign(owner.client);
  });
  afterAll(async () => {
    await server.close();
  });
}

const member = (extra: Partial<Parameters<typeof buildUser>[1]> = {}) =>
  buildUser(owner.client, { role: 'member', marketCodes: ['US'], ...extra });
const lead = (market: string, extra: Partial<Parameters<typeof buildUser>[1]> = {}) =>
  buildUser(owner.client, { role: 'market_lead', marketCodes: [market], ...extra });

async function inbox(person: Person, query = '') {
  const res = await person.client.get<Inbox>(`/api/notifications${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
/** All of a person's notifications of one kind (optionally about one entity). */
async function received(person: Person, kind: string, entityId?: string) {
  const { items } = await inbox(person, '?limit=100');
  return items.filter((n) => n.kind === kind && (entityId === undefined || n.entityId === entityId));
}

async function createTask(by: Client, body: Record<string, unknown>, campaignId = campaign.id) {
  const res = await by.post<{ id: string; version: number }>(`/api/campaigns/${campaignId}/tasks`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function deactivate(person: Person) {
  const res = await owner.client.patch(`/api/users/${person.user.id}`, { active: false });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Opens the person's own event stream and collects `change` events. */
async function subscribe(client: Client, path = '/api/me/events') {
  const controller = new AbortController();
  const res = await fetch(`${server.url}${path}`, {
    headers: { cookie: client.cookie ?? '', accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const events: Array<{ type: string; entityType: string; entityId: string; data?: unknown }> = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let connected = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        connected = true;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  for (let i = 0; i < 100 && !connected; i++) await new Promise((r) => setTimeout(r, 20));
  return {
    events,
    async waitFor(type: string, timeoutMs = 10_000) {
      const started = Date.now();
      for (;;) {
        const found = events.find((e) => e.type === type);
        if (found) return found;
        if (Date.now() - started > timeoutMs) throw new Error(`no ${type} event within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => controller.abort(),
  };
}

describe('the inbox', () => {
  freshServer();
  it('lists newest first a page at a time, filters unread, and marks only my own read', async () => {
    const me = await member();
    const other = await member();
    const tasks = [];
    for (const title of ['First', 'Second', 'Third'])
      tasks.push(await createTask(owner.client, { title, ownerId: me.user.id }));
    await createTask(owner.client, { title: 'Not mine', ownerId: other.user.id });

    const page1 = await inbox(me, '?limit=2');
    expect(page1.items.map((n) => n.entityId)).toEqual([tasks[2]!.id, tasks[1]!.id]);
    expect(page1.unreadCount).toBe(3);
    expect(page1.nextCursor).toEqual(expect.any(String));
    expect(page1.items[0]).toMatchObject({
      kind: 'task.assigned',
      title: 'Olga Owner assigned you “Third”',
      link: `/campaigns/${campaign.id}/tasks/${tasks[2]!.id}`,
      campaignId: campaign.id,
      entityType: 'task',
      urgent: false,
      readAt: null,
    });
    const page2 = await inbox(me, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((n) => n.entityId)).toEqual([tasks[0]!.id]);
    expect(page2.nextCursor).toBeNull();
    expect((await me.client.get<ErrorBody>('/api/notifications?cursor=nonsense')).status).toBe(400);

    // Someone else's ids do nothing to my inbox.
    const newest = page1.items[0]!;
    expect((await other.client.post('/api/notifications/read', { ids: [newest.id] })).status).toBe(204);
    expect((await inbox(me)).unreadCount).toBe(3);

    expect((await me.client.post('/api/notifications/read', { ids: [newest.id] })).status).toBe(204);
    const unread = await inbox(me, '?unread=true');
    expect(unread.unreadCount).toBe(2);
    expect(unread.items.map((n) => n.entityId)).toEqual([tasks[1]!.id, tasks[0]!.id]);
    expect((await inbox(me)).items[0]!.readAt).toEqual(expect.any(String));

    expect((await me.client.post('/api/notifications/read', { all: true })).status).toBe(204);
    expect((await inbox(me)).unreadCount).toBe(0);
    expect((await inbox(me, '?unread=true')).items).toEqual([]);
    // The other person's notification is untouched by my "all".
    expect((await inbox(other)).unreadCount).toBe(1);
    expect((await inbox(other)).items.map((n) => n.title)).toEqual(['Olga Owner assigned you “Not mine”']);
  });

  it('is for signed-in people only', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/me/notification-settings')).status).toBe(401);
  });
});

describe('settings', () => {
  freshServer();
  it('shows the kinds a team member can receive, and a kind turned off is not sent', async () => {
    const me = await member();
    const res = await me.client.get<Settings>('/api/me/notification-settings');
    expect(res.status).toBe(200);
    expect(res.body.digest).toBe('off');
    expect(res.body.kinds['task.assigned']).toEqual({ inApp: true, email: true });
    expect(res.body.kinds['task.commented']).toEqual({ inApp: true, email: false });
    expect(res.body.kinds['agreement.sent']).toBeUndefined();
    expect(res.body.catalogue.find((k) => k.kind === 'task.assigned')).toMatchObject({
      group: 'tasks',
      audience: 'team',
      label: 'A task is assigned to you',
    });
    expect(res.body.catalogue.every((k) => k.audience === 'team')).toBe(true);

    const off = await me.client.put<Settings>('/api/me/notification-settings', {
      kinds: { 'task.assigned': { inApp: false, email: false } },
    });
    expect(off.status).toBe(200);
    expect(off.body.kinds['task.assigned']).toEqual({ inApp: false, email: false });
    const task = await createTask(owner.client, { title: 'Quiet one', ownerId: me.user.id });
    expect(await received(me, 'task.assigned', task.id)).toEqual([]);
    // Other kinds still arrive.
    await owner.client.post(`/api/tasks/${task.id}/comments`, { body: 'Ping' });
    expect(await received(me, 'task.commented', task.id)).toHaveLength(1);

    const unknown = await me.client.put<ErrorBody>('/api/me/notification-settings', {
      kinds: { 'task.exploded': { inApp: true, email: true } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.[0]).toMatchObject({ code: 'unknown_kind' });
  });

  it('shows a creator only the kinds meant for creators', async () => {
    const { portal } = await creatorWithPortal('RU', 'en');
    const res = await portal.client.get<Settings>('/api/me/notification-settings');
    expect(res.status).toBe(200);
    expect(res.body.catalogue.map((k) => k.kind).sort()).toEqual([
      'agreement.sent',
      'submission.feedback_given',
    ]);
    expect(Object.keys(res.body.kinds).sort()).toEqual(['agreement.sent', 'submission.feedback_given']);
  });
});

describe('rendering', () => {
  freshServer();
  it('writes each reader their language, their zone and the market’s', async () => {
    const en = await member({ locale: 'en', timeZone: 'America/New_York' });
    const ru = await member({ locale: 'ru', timeZone: 'Europe/Moscow', marketCodes: ['RU'] });
    const forEn = await createTask(owner.client, {
      title: 'Translate the captions',
      ownerId: en.user.id,
      marketCode: 'RU',
      dueAt: '2026-03-05T19:00:00Z',
    });
    const forRu = await createTask(owner.client, {
      title: 'Перевести подписи',
      ownerId: ru.user.id,
      marketCode: 'US',
      dueAt: '2026-03-05T19:00:00Z',
    });
    const [enNote] = await received(en, 'task.assigned', forEn.id);
    expect(enNote).toMatchObject({
      title: 'Olga Owner assigned you “Translate the captions”',
      body: 'Calm Mornings launch. Due 5 Mar 14:00 EST / 22:00 MSK.',
      marketCode: 'RU',
    });
    const [ruNote] = await received(ru, 'task.assigned', forRu.id);
    expect(ruNote).toMatchObject({
      title: 'Olga Owner назначил(а) вам «Перевести подписи»',
      body: 'Calm Mornings launch. Срок — 5 мар. 22:00 MSK / 14:00 EST.',
      marketCode: 'US',
    });
    // The same stored notification reads in the new language once the reader changes it.
    expect((await en.client.patch('/api/me', { locale: 'ru' })).status).toBe(200);
    const [again] = await received(en, 'task.assigned', forEn.id);
    expect(again!.title).toBe('Olga Owner назначил(а) вам «Translate the captions»');
  });
});

describe('the live stream', () => {
  freshServer();
  it('tells my open screens at once when someone assigns me a task', async () => {
    const me = await member();
    const stream = await subscribe(me.client);
    try {
      const task = await createTask(owner.client, { title: 'Live one', ownerId: me.user.id });
      const event = await stream.waitFor('notification');
      const [note] = await received(me, 'task.assigned', task.id);
      expect(event).toMatchObject({
        type: 'notification',
        entityType: 'notification',
        entityId: note!.id,
        data: { kind: 'task.assigned', urgent: false },
      });
      await me.client.post('/api/notifications/read', { all: true });
      expect(await stream.waitFor('notifications_read')).toMatchObject({ data: { count: 1 } });
    } finally {
      stream.close();
    }
  });
});

describe('tasks', () => {
  freshServer();
  it('tells the new owner of a task, not the one who assigned it to themselves', async () => {
    const first = await member();
    const second = await member();
    const task = await createTask(first.client, { title: 'Mine', ownerId: first.user.id });
    expect(await received(first, 'task.assigned', task.id)).toEqual([]);

    const moved = await first.client.patch<{ version: number }>(`/api/tasks/${task.id}`, {
      version: task.version,
      ownerId: second.user.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const [note] = await received(second, 'task.assigned', task.id);
    expect(note!.title).toBe(`${first.user.name} assigned you “Mine”`);
    expect(note!.body).toBe('Calm Mornings launch. No due time yet.');
    // A change that leaves the owner as it was tells nobody again.
    await first.client.patch(`/api/tasks/${task.id}`, {
      version: moved.body.version,
      title: 'Mine, renamed',
    });
    expect(await received(second, 'task.assigned', task.id)).toHaveLength(1);
  });

  it('tells watchers and the owner about a comment, and the people mentioned instead', async () => {
    const taskOwner = await member({ name: 'Tara Owner' });
    const watcher = await member({ name: 'Walt Watcher' });
    const gone = await member({ name: 'Gina Gone' });
    const named = await member({ name: 'Mia Mentioned' });
    const byMail = await member({ name: 'Eve Email' });
    const bystander = await member({ name: 'Bob Bystander' });
    const author = await member({ name: 'Ann Author' });
    const task = await createTask(owner.client, {
      title: 'Cut the teaser',
      ownerId: taskOwner.user.id,
      watcherIds: [watcher.user.id, gone.user.id],
    });
    await deactivate(gone);

    const res = await author.client.post(`/api/tasks/${task.id}/comments`, {
      body: `@mia mentioned and @${byMail.user.email}: can you check the RU cut? @Nobody Here`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);

    const commented = await received(taskOwner, 'task.commented', task.id);
    expect(commented).toHaveLength(1);
    expect(commented[0]).toMatchObject({
      title: 'Ann Author commented on “Cut the teaser”',
      body: expect.stringContaining('can you check the RU cut?'),
      link: `/campaigns/${campaign.id}/tasks/${task.id}`,
    });
    expect(await received(watcher, 'task.commented', task.id)).toHaveLength(1);
    for (const mentioned of [named, byMail]) {
      expect(await received(mentioned, 'task.mentioned', task.id)).toHaveLength(1);
      expect(await received(mentioned, 'task.commented', task.id)).toEqual([]);
    }
    expect((await received(named, 'task.mentioned', task.id))[0]!.title).toBe(
      'Ann Author mentioned you on “Cut the teaser”',
    );
    expect(await received(author, 'task.commented', task.id)).toEqual([]);
    expect(await received(bystander, 'task.commented', task.id)).toEqual([]);

    // The deactivated watcher was told nothing: nothing waits for them once they are back.
    expect((await owner.client.patch(`/api/users/${gone.user.id}`, { active: true })).status).toBe(200);
    const goneClient = new Client(server.url);
    expect(
      (await goneClient.post('/api/auth/login', { email: gone.user.email, password: PASSWORD })).status,
    ).toBe(200);
    expect(await received({ client: goneClient, user: gone.user }, 'task.commented', task.id)).toEqual([]);

    // A mentioned watcher is told once, as a mention; the author (now a watcher) is not told of their own.
    await owner.client.post(`/api/tasks/${task.id}/comments`, { body: '@Walt Watcher please approve' });
    expect(await received(watcher, 'task.mentioned', task.id)).toHaveLength(1);
    expect(await received(watcher, 'task.commented', task.id)).toHaveLength(1);
    expect(await received(author, 'task.commented', task.id)).toHaveLength(1);
  });
});

describe('the brief', () => {
  freshServer();
  it('asks the leads of the campaign’s markets and the people asked to acknowledge a new version', async () => {
    const c = await buildCampaign(owner.client, { name: 'Brief campaign' });
    const ruLead = await lead('RU');
    const usLead = await lead('US');
    const deLead = await lead('DE');
    const goneLead = await lead('RU');
    const asked = await member();
    await deactivate(goneLead);
    await owner.client.put(`/api/campaigns/${c.id}/brief/sections/objective`, {
      language: 'en',
      text: 'Awareness first.',
      baseRevision: 0,
    });
    const published = await owner.client.post<{ version: number }>(
      `/api/campaigns/${c.id}/brief/versions`,
      {},
    );
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const entity = `${c.id}:1`;
    for (const person of [ruLead, usLead]) {
      const notes = await received(person, 'brief.acknowledgement_requested', entity);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        title: 'Brief version 1 of Brief campaign needs your acknowledgement',
        body: 'Olga Owner published it. Read it and acknowledge it for your market.',
        link: `/campaigns/${c.id}/brief/versions/1`,
      });
    }
    expect(await received(deLead, 'brief.acknowledgement_requested')).toEqual([]);
    expect(await received(owner, 'brief.acknowledgement_requested', entity)).toEqual([]);
    expect(await received(asked, 'brief.acknowledgement_requested', entity)).toEqual([]);

    // Asked by name after the publication: asked for the version out now.
    const ask = await owner.client.post(`/api/campaigns/${c.id}/brief/acknowledgement-requests`, {
      userId: asked.user.id,
    });
    expect(ask.status, JSON.stringify(ask.body)).toBe(204);
    expect(await received(asked, 'brief.acknowledgement_requested', entity)).toHaveLength(1);
    // A lead asked by name too is not asked twice for the same version.
    await owner.client.post(`/api/campaigns/${c.id}/brief/acknowledgement-requests`, {
      userId: ruLead.user.id,
    });
    expect(await received(ruLead, 'brief.acknowledgement_requested', entity)).toHaveLength(1);
  });

  it('tells the author of a twin text when an edit makes it out of date, once', async () => {
    const c = await buildCampaign(owner.client, { name: 'Twin texts' });
    const ruWriter = await member({ locale: 'ru', marketCodes: ['RU'], name: 'Рита Писатель' });
    const enWriter = await member({ name: 'Ed Writer' });
    const edit = (who: Person, language: string, text: string, baseRevision: number) =>
      who.client.put(`/api/campaigns/${c.id}/brief/sections/objective`, { language, text, baseRevision });
    expect((await edit(ruWriter, 'ru', 'Сначала узнаваемость.', 0)).status).toBe(200);
    // The first English text is the translation of the Russian: both in step, nobody told.
    expect((await edit(enWriter, 'en', 'Awareness first.', 0)).status).toBe(200);
    expect(await received(ruWriter, 'brief.text_stale')).toEqual([]);
    expect(await received(enWriter, 'brief.text_stale')).toEqual([]);

    expect((await edit(enWriter, 'en', 'Awareness first, then sales.', 1)).status).toBe(200);
    const notes = await received(ruWriter, 'brief.text_stale');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: 'Ваш текст (русский) раздела «Цель» устарел',
      body: 'Ed Writer изменил(а) парный текст в «Twin texts». Проверьте перевод.',
      link: `/campaigns/${c.id}/brief`,
      entityId: `${c.id}:objective:ru`,
    });
    // Already out of date: a further change of the English tells nobody again.
    expect((await edit(enWriter, 'en', 'Awareness first, then sales, then love.', 2)).status).toBe(200);
    expect(await received(ruWriter, 'brief.text_stale')).toHaveLength(1);
    // The Russian catching up makes nothing stale: the English author hears nothing.
    expect((await edit(ruWriter, 'ru', 'Сначала узнаваемость, потом продажи.', 1)).status).toBe(200);
    expect(await received(enWriter, 'brief.text_stale')).toEqual([]);
  });
});

interface Creator {
  id: string;
  marketCode: string;
}

async function creatorWithPortal(market: 'RU' | 'US', locale: 'en' | 'ru') {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const creator = await owner.client.post<Creator>('/api/creators', {
    name: `Creator ${stamp}`,
    marketCode: market,
    language: locale,
    timeZone: market === 'RU' ? 'Europe/Moscow' : 'America/New_York',
    channels: [{ platform: 'instagram', handle: `@c${stamp}`, followers: 1000 }],
    contact: { email: `c${stamp}@example.com` },
  });
  expect(creator.status, JSON.stringify(creator.body)).toBe(201);
  const email = `portal-${stamp}@example.com`;
  const invite = await owner.client.post<{ token: string }>('/api/invites', {
    email,
    role: 'creator',
    marketCodes: [market],
    creatorId: creator.body.id,
  });
  expect(invite.status, JSON.stringify(invite.body)).toBe(201);
  const client = new Client(server.url);
  const res = await client.post<{ user: UserBody }>('/api/auth/register', {
    email,
    password: PASSWORD,
    name: `Creator ${stamp}`,
    locale,
    timeZone: 'Europe/Moscow',
    inviteToken: invite.body.token,
  });
  expect(res.status).toBe(201);
  const engagement = await owner.client.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
    creatorId: creator.body.id,
    fee: { amount: 1000, currency: market === 'RU' ? 'RUB' : 'USD' },
    deliverables: [{ platform: 'instagram', format: 'post', count: 1, dueAt: '2026-12-10T09:00:00Z' }],
  });
  expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
  return { creator: creator.body, engagementId: engagement.body.id, portal: { client, user: res.body.user } };
}

describe('creators', () => {
  freshServer();
  it('tells the leads of the creator’s market about a draft, and the creator about the answer', async () => {
    const ruLead = await lead('RU', { timeZone: 'America/New_York' });
    const usLead = await lead('US');
    const { portal, engagementId } = await creatorWithPortal('RU', 'ru');
    // Only a signed creator's drafts get past the signature gate.
    await signAgreementFor(owner.client, engagementId);
    const draft = await portal.client.post<{ id: string; round: number; feedbackDueAt: string }>(
      `/api/portal/engagements/${engagementId}/submissions`,
      { url: 'https://drive.example.com/draft-1', note: 'First cut' },
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);

    const [note] = await received(ruLead, 'submission.submitted', draft.body.id);
    expect(note).toMatchObject({
      title: `${portal.user.name} submitted draft round 1`,
      link: `/campaigns/${campaign.id}/creators/${engagementId}`,
      marketCode: 'RU',
    });
    // Due time in the lead's zone and beside it the market's.
    expect(note!.body).toMatch(
      /^Calm Mornings launch\. Feedback is due .+ E[SD]T \/ .+ MSK by the market’s policy\.$/,
    );
    expect(await received(usLead, 'submission.submitted', draft.body.id)).toEqual([]);
    expect(await received(portal, 'submission.submitted', draft.body.id)).toEqual([]);

    const answer = await ruLead.client.post(`/api/submissions/${draft.body.id}/feedback`, {
      decision: 'changes_requested',
      feedback: 'Shorter intro, please.',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [given] = await received(portal, 'submission.feedback_given', draft.body.id);
    expect(given).toMatchObject({
      title: 'По вашему черновику (раунд 1) есть правки',
      body: 'Calm Mornings launch. Откройте, чтобы прочитать ответ.',
      link: `/portal/${engagementId}`,
    });
    expect(await received(ruLead, 'submission.feedback_given')).toEqual([]);
  });

  it('tells the creator an agreement was sent, in their language', async () => {
    const { portal, engagementId } = await creatorWithPortal('US', 'en');
    const other = await creatorWithPortal('US', 'en');
    const agreement = await owner.client.post<{ id: string; version: number }>(
      `/api/engagements/${engagementId}/agreements`,
    );
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    expect(await received(portal, 'agreement.sent')).toEqual([]);
    expect((await owner.client.post(`/api/agreements/${agreement.body.id}/send`)).status).toBe(200);
    const [note] = await received(portal, 'agreement.sent', agreement.body.id);
    expect(note).toMatchObject({
      title: 'Your agreement for Calm Mornings launch is ready to sign',
      body: 'Version 1. Read it and sign it in the portal.',
      link: `/portal/${engagementId}`,
    });
    expect(await received(other.portal, 'agreement.sent')).toEqual([]);
  });
  it('sends a draft in a market without an active lead to the campaign’s creator and the admins', async () => {
    const admin = await buildUser(owner.client, { role: 'admin' });
    const bystander = await member();
    const listed = await owner.client.get<{
      users: Array<{ id: string; role: string; markets: string[] }>;
    }>('/api/users');
    for (const user of listed.body.users)
      if (user.role === 'market_lead' && user.markets.includes('US'))
        await owner.client.patch(`/api/users/${user.id}`, { active: false });
    const { portal, engagementId } = await creatorWithPortal('US', 'en');
    await signAgreementFor(owner.client, engagementId);
    const draft = await portal.client.post<{ id: string }>(
      `/api/portal/engagements/${engagementId}/submissions`,
      {
        url: 'https://drive.example.com/us-draft',
      },
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(await received(owner, 'submission.submitted', draft.body.id)).toHaveLength(1);
    expect(await received(admin, 'submission.submitted', draft.body.id)).toHaveLength(1);
    expect(await received(bystander, 'submission.submitted', draft.body.id)).toEqual([]);
  });
});

describe('meetings', () => {
  freshServer();
  it('tells team participants of an invitation, a change and a cancellation (in-app)', async () => {
    const a = await member({ timeZone: 'Europe/Moscow' });
    const b = await member();
    const c = await member();
    const created = await owner.client.post<{ id: string; version: number }>(
      `/api/campaigns/${campaign.id}/meetings`,
      {
        title: 'Kick-off',
        start: '2026-12-07T15:00:00Z',
        durationMinutes: 30,
        participantIds: [a.user.id, b.user.id],
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const [invite] = await received(a, 'meeting.invited', id);
    expect(invite).toMatchObject({
      title: 'Invitation: Kick-off',
      body: 'Olga Owner invited you. Starts 7 Dec 18:00 MSK.',
      link: `/campaigns/${campaign.id}/meetings/${id}`,
    });
    expect(await received(b, 'meeting.invited', id)).toHaveLength(1);
    expect(await received(owner, 'meeting.invited', id)).toEqual([]);
    expect(await received(c, 'meeting.invited', id)).toEqual([]);

    // Notes only: the invitation is unchanged, nobody is told.
    const noted = await owner.client.patch<{ version: number }>(`/api/meetings/${id}`, {
      version: created.body.version,
      notes: 'Bring numbers',
    });
    expect(noted.status).toBe(200);
    expect(await received(a, 'meeting.updated', id)).toEqual([]);

    const moved = await owner.client.patch<{ version: number }>(`/api/meetings/${id}`, {
      version: noted.body.version,
      start: '2026-12-08T15:00:00Z',
      participantIds: [a.user.id, c.user.id],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await received(a, 'meeting.updated', id))[0]!.body).toBe(
      'Olga Owner changed it. Now starts 8 Dec 18:00 MSK.',
    );
    expect(await received(c, 'meeting.invited', id)).toHaveLength(1);
    expect(await received(c, 'meeting.updated', id)).toEqual([]);
    expect(await received(b, 'meeting.cancelled', id)).toHaveLength(1);

    expect((await owner.client.post(`/api/meetings/${id}/cancel`)).status).toBe(200);
    expect(await received(a, 'meeting.cancelled', id)).toHaveLength(1);
    expect(await received(c, 'meeting.cancelled', id)).toHaveLength(1);
    expect(await received(b, 'meeting.cancelled', id)).toHaveLength(1);
    expect(await received(owner, 'meeting.cancelled', id)).toEqual([]);
  });
});

describe('imports', () => {
  freshServer();
  async function upload(by: Client, csv: string) {
    const res = await by.request<{ id: string }>(
      'POST',
      `/api/campaigns/${campaign.id}/imports?format=shopify-orders`,
      csv,
      { 'content-type': 'text/csv' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    for (let i = 0; i < 200; i++) {
      const state = await by.get<{ status: string }>(`/api/imports/${res.body.id}`);
      if (state.body.status !== 'processing' && state.body.status !== 'uploading') return res.body.id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('tells whoever started an import how it ended, and nobody else', async () => {
    const starter = await member();
    const bystander = await member();
    const header =
      'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Zip,Notes';
    const ok = await upload(
      starter.client,
      [
        header,
        '#2001,a@example.com,paid,2026-03-09 10:00:00 -0400,USD,90.00,5.00,0,95.00,,0,2026-03-09 10:00:00 -0400,1,Calm Tea,90.00,,',
        '#2002,b@example.com,paid,2026-03-09 10:00:00 -0400,USD,,0,0,lots,,0,2026-03-09 10:00:00 -0400,1,Calm Tea,30.00,,',
      ].join('\n'),
    );
    const [done] = await received(starter, 'import.completed', ok);
    expect(done).toMatchObject({
      title: 'Import finished: 1 row imported',
      body: 'Calm Mornings launch, shopify-orders. 1 row was rejected.',
      link: `/campaigns/${campaign.id}/measurement/data`,
    });
    const failed = await upload(starter.client, 'Name,Email\n#1,a@example.com\n');
    const [failure] = await received(starter, 'import.failed', failed);
    expect(failure!.title).toBe('Import failed: shopify-orders');
    expect(failure!.body).toMatch(
      /^Calm Mornings launch\. This file does not look like a shopify-orders export/,
    );
    expect(await received(bystander, 'import.completed')).toEqual([]);
    expect(await received(owner, 'import.failed', failed)).toEqual([]);
  });
});

describe('the launch window', () => {
  freshServer();
  it('tells the campaign’s creator and its markets’ leads once per spread when go-lives drift apart', async () => {
    const ruLead = await lead('RU');
    const deLead = await lead('DE');
    const planner = await member();
    const c = await buildCampaign(owner.client, { name: 'Window campaign', launchWindowHours: 24 });
    const milestone = (body: Record<string, unknown>) =>
      planner.client.post<{ id: string; version: number }>(`/api/campaigns/${c.id}/milestones`, body);
    expect(
      (await milestone({ title: 'RU live', kind: 'go_live', marketCode: 'RU', at: '2026-12-10T09:00:00Z' }))
        .status,
    ).toBe(201);
    const us = await milestone({
      title: 'US live',
      kind: 'go_live',
      marketCode: 'US',
      at: '2026-12-10T20:00:00Z',
    });
    expect(us.status).toBe(201);
    expect(await received(ruLead, 'launch_window.at_risk', c.id)).toEqual([]);

    const late = await planner.client.patch<{ version: number }>(`/api/milestones/${us.body.id}`, {
      version: us.body.version,
      at: '2026-12-12T09:00:00Z',
      confirmOutsideWindow: true,
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    for (const person of [owner, ruLead]) {
      const notes = await received(person, 'launch_window.at_risk', c.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({
        title: 'Launch window at risk in Window campaign',
        body: 'The markets’ go-lives are 48 hours apart; the limit is 24 hours.',
        link: `/campaigns/${c.id}/timeline`,
        urgent: true,
      });
    }
    expect(await received(deLead, 'launch_window.at_risk', c.id)).toEqual([]);
    expect(await received(planner, 'launch_window.at_risk', c.id)).toEqual([]);

    // Renaming leaves the spread as it was: nobody is told again.
    const renamed = await planner.client.patch<{ version: number }>(`/api/milestones/${us.body.id}`, {
      version: late.body.version,
      title: 'US live (moved)',
      confirmOutsideWindow: true,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await received(ruLead, 'launch_window.at_risk', c.id)).toHaveLength(1);
    // Further apart: told again, with the new spread.
    const later = await planner.client.patch(`/api/milestones/${us.body.id}`, {
      version: renamed.body.version,
      at: '2026-12-13T09:00:00Z',
      confirmOutsideWindow: true,
    });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    const notes = await received(ruLead, 'launch_window.at_risk', c.id);
    expect(notes.map((n) => n.body)).toEqual([
      'The markets’ go-lives are 72 hours apart; the limit is 24 hours.',
      'The markets’ go-lives are 48 hours apart; the limit is 24 hours.',
    ]);
  });
});
