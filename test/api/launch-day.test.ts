import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepReminders } from '../../src/server/modules/notifications/reminders/sweep-reminders.ts';
import { Client } from '../support/client.ts';
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Engagement {
  id: string;
  status: string;
  version: number;
  signed: boolean;
  commitment: string;
  flags: string[];
  respondBy: string | null;
  post: null | { url: string; postedAt: string; source: string; by: { id: string; name: string } | null };
  override: null | { reason: string; at: string; by: { id: string; name: string } };
}
interface MarketLaunch {
  plannedAt: string | null;
  actualAt: string | null;
  lateMinutes: number | null;
  source: string | null;
}
interface Timeline {
  milestones: Array<{ id: string; version: number; doneAt: string | null; marketCode: string | null }>;
  launchWindow: {
    ok: boolean;
    spreadHours: number | null;
    actual: {
      ok: boolean;
      spreadHours: number | null;
      markets: Record<string, MarketLaunch>;
      pending: string[];
    };
  };
}
interface LaunchControl {
  graceMinutes: number;
  markets: Array<{
    code: string;
    state: string;
    lateMinutes: number | null;
    creatorsLive: number;
    creatorsTotal: number;
  }>;
  creators: Array<{
    engagementId: string;
    name: string;
    state: string;
    lateMinutes: number | null;
    flags: string[];
  }>;
}

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;

beforeAll(async () => {
  server = await startServer({ env: { NOTIFICATIONS_SWEEP_INTERVAL_MS: '3600000' } });
  const setup = await setupOwner(server.url);
  owner = setup.client;
  ownerUser = setup.user;
});
afterAll(async () => {
  await server?.close();
});

async function addCreator(name: string, marketCode: 'RU' | 'US') {
  const res = await owner.post<{ id: string; marketCode: string; name: string }>('/api/creators', {
    name,
    marketCode,
    language: marketCode === 'RU' ? 'ru' : 'en',
    timeZone: marketCode === 'RU' ? 'Europe/Moscow' : 'America/New_York',
    channels: [
      { platform: 'instagram', handle: `@${name.replace(/\W/g, '').toLowerCase() || 'x'}${Date.now()}` },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function engage(campaign: CampaignBody, name: string, marketCode: 'RU' | 'US', extra = {}) {
  const creator = await addCreator(name, marketCode);
  const res = await owner.post<Engagement>(`/api/campaigns/${campaign.id}/engagements`, {
    creatorId: creator.id,
    fee: { amount: 1000, currency: marketCode === 'RU' ? 'RUB' : 'USD' },
    promoCode: `${name.replace(/\W/g, '').toUpperCase()}${Math.floor(Math.random() * 1e6)}`,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, creator };
}

async function patch(id: string, body: Record<string, unknown>) {
  const current = await owner.get<Engagement>(`/api/engagements/${id}`);
  return owner.patch<Engagement & ErrorBody>(`/api/engagements/${id}`, {
    version: current.body.version,
    ...body,
  });
}

async function goLive(campaign: CampaignBody, marketCode: string | null, offsetMs: number) {
  const res = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/milestones`, {
    title: `Go-live ${marketCode ?? 'all'}`,
    kind: 'go_live',
    marketCode,
    at: at(offsetMs),
    confirmOutsideWindow: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('the signature gate', () => {
  it('keeps an unsigned creator out of production unless someone overrides with a reason, audited and shown', async () => {
    const campaign = await buildCampaign(owner, { name: 'Gate' });
    const vera = await engage(campaign, 'Вера Гейт', 'RU', { status: 'confirmed' });

    for (const status of ['in_production', 'draft_submitted', 'approved', 'live']) {
      const refused = await patch(vera.id, {
        status,
        postUrl: 'https://vk.com/wall1_1',
        postedAt: at(-HOUR),
      });
      expect(refused.status, status).toBe(409);
      expect(refused.body.error.code).toBe('agreement_not_signed');
      expect(refused.body.error.message).toMatch(/signed/);
    }
    // A team-recorded draft is gated too, and nothing was half written.
    const draft = await owner.post<ErrorBody>(`/api/engagements/${vera.id}/submissions`, {
      url: 'https://drive.example.com/d',
    });
    expect(draft.status).toBe(409);
    expect((await owner.get<Engagement>(`/api/engagements/${vera.id}`)).body).toMatchObject({
      status: 'confirmed',
      override: null,
    });

    // Too short a reason is refused; a real one lets it through, once and for all.
    expect((await patch(vera.id, { status: 'in_production', override: { reason: 'x' } })).status).toBe(400);
    const overridden = await patch(vera.id, {
      status: 'in_production',
      override: { reason: 'Brand approved the shoot on a call; paper follows Monday' },
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body).toMatchObject({
      status: 'in_production',
      signed: false,
      commitment: 'maybe',
      override: {
        reason: 'Brand approved the shoot on a call; paper follows Monday',
        by: { id: ownerUser.id },
      },
    });
    const next = await owner.post(`/api/engagements/${vera.id}/submissions`, {
      url: 'https://drive.example.com/d',
    });
    expect(next.status).toBe(201);

    const audit = await owner.get<{ events: Array<{ action: string; after: Record<string, unknown> }> }>(
      `/api/audit?entityType=engagement&entityId=${vera.id}`,
    );
    const event = audit.body.events.find((e) => e.action === 'engagement.gate_overridden');
    expect(event?.after).toMatchObject({
      status: 'in_production',
      reason: 'Brand approved the shoot on a call; paper follows Monday',
    });

    // Signing later neither moves the engagement back nor loses the override's record.
    await signAgreementFor(owner, vera.id);
    const signed = await owner.get<Engagement>(`/api/engagements/${vera.id}`);
    expect(signed.body).toMatchObject({ status: 'draft_submitted', signed: true, commitment: 'committed' });
    expect(signed.body.override?.reason).toMatch(/paper follows/);
  });

  it('gates a new engagement started in production, and lets a signed one through without ceremony', async () => {
    const campaign = await buildCampaign(owner, { name: 'Gate on create' });
    const creator = await addCreator('Straight In', 'US');
    const body = { creatorId: creator.id, fee: { amount: 10, currency: 'USD' }, status: 'in_production' };
    const refused = await owner.post<ErrorBody>(`/api/campaigns/${campaign.id}/engagements`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('agreement_not_signed');
    const listed = await owner.get<Engagement[]>(`/api/campaigns/${campaign.id}/engagements`);
    expect(JSON.stringify(listed.body)).not.toContain(creator.id);
    const admitted = await owner.post<Engagement>(`/api/campaigns/${campaign.id}/engagements`, {
      ...body,
      override: { reason: 'Long-standing partner, contract renewal in legal' },
    });
    expect(admitted.status).toBe(201);
    expect(admitted.body.override?.reason).toContain('renewal');

    const signedOne = await engage(campaign, 'Signed Sam', 'US');
    await signAgreementFor(owner, signedOne.id);
    const moved = await patch(signedOne.id, { status: 'in_production' });
    expect(moved.status).toBe(200);
    expect(moved.body.override).toBeNull();
  });

  it('answers in Russian to a Russian-speaking lead', async () => {
    const campaign = await buildCampaign(owner, { name: 'Gate RU' });
    const lead = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'], locale: 'ru' });
    const anna = await engage(campaign, 'Анна Русская', 'RU');
    const current = await lead.client.get<Engagement>(`/api/engagements/${anna.id}`);
    const refused = await lead.client.patch<ErrorBody>(`/api/engagements/${anna.id}`, {
      version: current.body.version,
      status: 'in_production',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/подписал/);
  });
});

describe('going live records the post', () => {
  it('needs the link and the time, refuses the future, and flags an unsigned creator that went live', async () => {
    const campaign = await buildCampaign(owner, { name: 'Posts' });
    const jess = await engage(campaign, 'Jess Post', 'US');
    await signAgreementFor(owner, jess.id);
    expect((await patch(jess.id, { status: 'approved' })).status).toBe(200);

    const noPost = await patch(jess.id, { status: 'live' });
    expect(noPost.status).toBe(400);
    expect(noPost.body.error.code).toBe('post_required');
    const noTime = await patch(jess.id, { status: 'live', postUrl: 'https://instagram.com/p/abc' });
    expect(noTime.body.error.code).toBe('post_required');
    const future = await patch(jess.id, {
      status: 'live',
      postUrl: 'https://instagram.com/p/abc',
      postedAt: at(DAY),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('posted_in_future');
    const notUrl = await patch(jess.id, {
      status: 'live',
      postUrl: 'javascript:alert(1)',
      postedAt: at(-HOUR),
    });
    expect(notUrl.status).toBe(400);
    for (const hostile of [
      { postUrl: 'https://instagram.com/p/abc', postedAt: '0000-01-01T00:00:00Z' },
      { postUrl: `https://instagram.com/${'p'.repeat(100_000)}`, postedAt: at(-HOUR) },
      { postUrl: 'https://instagram.com/p/\u0000', postedAt: at(-HOUR) },
      {
        postUrl: 'https://instagram.com/p/abc',
        postedAt: { local: '2026-03-08T02:30', timeZone: 'Mars/Olympus' },
      },
    ]) {
      const res = await patch(jess.id, { status: 'live', ...hostile });
      expect(res.status, JSON.stringify(hostile).slice(0, 80)).toBe(400);
    }
    const nul = await patch(jess.id, { status: 'live', override: { reason: 'because\u0000' } });
    expect(nul.status).toBe(400);
    expect((await owner.get<Engagement>(`/api/engagements/${jess.id}`)).body.status).toBe('approved');
    const notLive = await patch(jess.id, { postUrl: 'https://instagram.com/p/abc', postedAt: at(-HOUR) });
    expect(notLive.body.error.code).toBe('post_only_when_live');

    const postedAt = new Date(Date.now() - 2 * HOUR);
    const live = await patch(jess.id, {
      status: 'live',
      postUrl: 'https://instagram.com/p/abc',
      postedAt: { local: toLocal(postedAt, 'America/New_York'), timeZone: 'America/New_York' },
    });
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    expect(live.body.post).toMatchObject({
      url: 'https://instagram.com/p/abc',
      postedAt: new Date(Math.floor(postedAt.getTime() / MINUTE) * MINUTE).toISOString(),
      source: 'team',
      by: { id: ownerUser.id },
    });
    expect(live.body.flags).not.toContain('went_live_unsigned');
    // Reported keeps the post; a correction of the time is audited.
    const corrected = await patch(jess.id, { postedAt: at(-3 * HOUR) });
    expect(corrected.status).toBe(200);
    expect(Date.parse(corrected.body.post!.postedAt)).toBeLessThan(postedAt.getTime());

    const rogue = await engage(campaign, 'Rogue Poster', 'US', {
      status: 'live',
      postUrl: 'https://tiktok.com/@rogue/1',
      postedAt: at(-HOUR),
      override: { reason: 'Creator posted before we could stop it' },
    });
    expect(rogue.flags).toContain('went_live_unsigned');
    expect(rogue.flags).not.toContain('unsigned_close_to_go_live');
  });

  it('warns about a "maybe" only before its go-live, and flags an offer past its respond-by date', async () => {
    const campaign = await buildCampaign(owner, { name: 'Maybe' });
    const ahead = await engage(campaign, 'Ahead Maybe', 'US', { goLiveFrom: at(2 * DAY) });
    expect(ahead.flags).toEqual(['unsigned_close_to_go_live']);
    const past = await engage(campaign, 'Past Maybe', 'US', { goLiveFrom: at(-270 * DAY) });
    expect(past.flags).toEqual([]);
    const slow = await engage(campaign, 'Slow Answer', 'RU', { respondBy: at(-HOUR), status: 'contacted' });
    expect(slow.respondBy).not.toBeNull();
    expect(slow.flags).toContain('respond_by_passed');
    const cleared = await patch(slow.id, { respondBy: null });
    expect(cleared.body.flags).not.toContain('respond_by_passed');
    const wrong = await patch(slow.id, { respondBy: '0000-01-01T00:00:00Z' });
    expect(wrong.status).toBe(400);
  });

  it('lets a creator record their own post in the portal, through the same gate', async () => {
    const campaign = await buildCampaign(owner, { name: 'Portal posts' });
    const mila = await engage(campaign, 'Мила Портал', 'RU');
    const email = `mila-${Date.now()}@tandem.test`;
    const invite = await owner.post<{ token: string }>('/api/invites', {
      email,
      role: 'creator',
      marketCodes: ['RU'],
      creatorId: mila.creator.id,
    });
    const portal = new Client(server.url);
    expect(
      (
        await portal.post('/api/auth/register', {
          email,
          password: PASSWORD,
          name: 'Мила',
          locale: 'ru',
          timeZone: 'Europe/Moscow',
          inviteToken: invite.body.token,
        })
      ).status,
    ).toBe(201);
    const body = { postUrl: 'https://vk.com/wall-1_2', postedAt: at(-30 * MINUTE) };
    const refused = await portal.post<ErrorBody>(`/api/portal/engagements/${mila.id}/live`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('agreement_not_signed');
    // Another creator's engagement is not theirs to post on.
    const other = await engage(campaign, 'Other One', 'RU');
    expect((await portal.post(`/api/portal/engagements/${other.id}/live`, body)).status).toBe(404);

    await signAgreementFor(owner, mila.id);
    const posted = await portal.post<{ status: string; post: { url: string } }>(
      `/api/portal/engagements/${mila.id}/live`,
      body,
    );
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body).toMatchObject({ status: 'live', post: { url: body.postUrl } });
    const seen = await owner.get<Engagement>(`/api/engagements/${mila.id}`);
    expect(seen.body.post).toMatchObject({ source: 'portal', url: body.postUrl });
  });
});

describe('launch day on actual times', () => {
  it('judges the window on when posts really went live, and shows who is late on launch control', async () => {
    const campaign = await buildCampaign(owner, { name: 'Launch day', launchWindowHours: 48 });
    await goLive(campaign, 'RU', -7 * DAY);
    await goLive(campaign, 'US', -7 * DAY + 26 * HOUR);
    const ru = await engage(campaign, 'Late Russian', 'RU');
    const us = await engage(campaign, 'On Time American', 'US');
    for (const e of [ru, us]) await signAgreementFor(owner, e.id);

    const before = await owner.get<Timeline>(`/api/campaigns/${campaign.id}/timeline`);
    expect(before.body.launchWindow.ok).toBe(true);
    expect(before.body.launchWindow.spreadHours).toBeCloseTo(26, 1);
    expect(before.body.launchWindow.actual).toMatchObject({ spreadHours: null, pending: ['RU', 'US'] });

    // The US goes live on time, RU six days after both plans.
    await patch(us.id, {
      status: 'live',
      postUrl: 'https://instagram.com/p/us',
      postedAt: at(-7 * DAY + 26 * HOUR),
    });
    await patch(ru.id, { status: 'live', postUrl: 'https://vk.com/wall-2_3', postedAt: at(-HOUR) });
    const after = await owner.get<Timeline>(`/api/campaigns/${campaign.id}/timeline`);
    expect(after.body.launchWindow.ok).toBe(true);
    expect(after.body.launchWindow.actual.ok).toBe(false);
    expect(after.body.launchWindow.actual.spreadHours).toBeCloseTo(7 * 24 - 26 - 1, 0);
    expect(after.body.launchWindow.actual.markets.RU!.lateMinutes).toBeGreaterThan(7 * 24 * 60 - 70);
    expect(after.body.launchWindow.actual.markets.US).toMatchObject({ lateMinutes: 0, source: 'post' });

    const control = await owner.get<LaunchControl>(`/api/campaigns/${campaign.id}/launch`);
    expect(control.status).toBe(200);
    expect(control.body.markets.map((m) => [m.code, m.state, m.creatorsLive, m.creatorsTotal])).toEqual([
      ['RU', 'live', 1, 1],
      ['US', 'live', 1, 1],
    ]);
    expect(control.body.creators.find((c) => c.engagementId === ru.id)).toMatchObject({ state: 'live' });

    // The owner hears of the breach once, however often the sweep runs.
    await sweepReminders(server.database.db, { now: new Date() });
    await sweepReminders(server.database.db, { now: new Date() });
    const breaches = (
      await owner.get<{ items: Array<{ kind: string; entityId: string; title: string }> }>(
        '/api/notifications?limit=100',
      )
    ).body.items.filter((n) => n.kind === 'launch_window.breached' && n.entityId === campaign.id);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.title).toContain('Launch day');
  });

  it('counts a go-live milestone marked done as the actual go-live, and tells the lead and owner of a late market once', async () => {
    const campaign = await buildCampaign(owner, { name: 'Late market' });
    const ruLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['RU'], locale: 'ru' });
    const usLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const ruGoLive = await goLive(campaign, 'RU', -3 * HOUR);
    await goLive(campaign, 'US', 20 * HOUR);
    const lateOne = await engage(campaign, 'Лена Опоздала', 'RU');
    await engage(campaign, 'Upcoming Ursula', 'US');
    const grace = await owner.patch<{ launchGraceMinutes: number }>(`/api/campaigns/${campaign.id}`, {
      version: 1,
      launchGraceMinutes: 120,
    });
    expect(grace.status, JSON.stringify(grace.body)).toBe(200);
    expect(grace.body.launchGraceMinutes).toBe(120);
    expect(
      (await owner.patch(`/api/campaigns/${campaign.id}`, { version: 2, launchGraceMinutes: -5 })).status,
    ).toBe(400);

    const control = await owner.get<LaunchControl>(`/api/campaigns/${campaign.id}/launch`);
    expect(control.body.graceMinutes).toBe(120);
    const byCode = Object.fromEntries(control.body.markets.map((m) => [m.code, m]));
    expect(byCode.RU).toMatchObject({ state: 'late', creatorsLive: 0, creatorsTotal: 1 });
    expect(byCode.RU!.lateMinutes).toBeGreaterThanOrEqual(179);
    expect(byCode.US).toMatchObject({ state: 'upcoming', lateMinutes: null });
    expect(control.body.creators.find((c) => c.engagementId === lateOne.id)).toMatchObject({ state: 'late' });

    const sweep = async () => sweepReminders(server.database.db, { now: new Date() });
    await sweep();
    await sweep();
    const kinds = async (client: Client) =>
      (
        await client.get<{ items: Array<{ kind: string; title: string; link: string }> }>(
          '/api/notifications',
        )
      ).body.items.filter((n) => n.kind === 'launch.market_late');
    const ruTold = await kinds(ruLead.client);
    expect(ruTold, JSON.stringify(ruTold)).toHaveLength(1);
    expect(ruTold[0]!.title).toMatch(/RU|Россия|публикаций/);
    expect(ruTold[0]!.link).toBe(`/campaigns/${campaign.id}/launch`);
    expect(await kinds(owner)).toHaveLength(1);
    expect(await kinds(usLead.client)).toHaveLength(0);

    // The RU team says it went live 20 minutes ago, on the milestone itself.
    const timeline = await owner.get<Timeline>(`/api/campaigns/${campaign.id}/timeline`);
    const milestone = timeline.body.milestones.find((m) => m.id === ruGoLive.id)!;
    expect((await owner.patch(`/api/milestones/${milestone.id}`, { doneAt: at(DAY) })).status).toBe(400);
    const done = await owner.patch<{ doneAt: string }>(`/api/milestones/${milestone.id}`, {
      doneAt: at(-20 * MINUTE),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const again = await owner.get<LaunchControl>(`/api/campaigns/${campaign.id}/launch`);
    expect(again.body.markets.find((m) => m.code === 'RU')).toMatchObject({ state: 'live' });
    const actual = (await owner.get<Timeline>(`/api/campaigns/${campaign.id}/timeline`)).body.launchWindow
      .actual;
    expect(actual.markets.RU).toMatchObject({ source: 'milestone' });
    expect(actual.pending).toEqual(['US']);
  });

  it('tells whoever answers for the market when an offer passes its respond-by date unsigned', async () => {
    const campaign = await buildCampaign(owner, { name: 'Respond by' });
    const usLead = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const slow = await engage(campaign, 'Slow Steve', 'US', {
      status: 'contacted',
      respondBy: at(-10 * MINUTE),
    });
    await engage(campaign, 'Fresh Fran', 'US', { status: 'contacted', respondBy: at(DAY) });
    await sweepReminders(server.database.db, { now: new Date() });
    await sweepReminders(server.database.db, { now: new Date() });
    const told = (
      await usLead.client.get<{ items: Array<{ kind: string; entityId: string; title: string }> }>(
        '/api/notifications',
      )
    ).body.items.filter((n) => n.kind === 'engagement.respond_by_passed');
    expect(told.map((n) => n.entityId)).toEqual([slow.id]);
    expect(told[0]!.title).toContain('Slow Steve');
  });
});

describe('post-metrics imports find posts', () => {
  it('records the earliest post of a creator with none by promo code or post URL, and KPI checkpoints count from it', async () => {
    const campaign = await buildCampaign(owner, { name: 'Import posts' });
    await goLive(campaign, 'US', -20 * DAY);
    const kim = await engage(campaign, 'Kim Import', 'US');
    await signAgreementFor(owner, kim.id);
    await patch(kim.id, { status: 'approved' });
    const postedAt = new Date(Date.now() - 10 * DAY);
    const promo = (await owner.get<{ promoCode: string }>(`/api/engagements/${kim.id}`)).body.promoCode;
    const csv = [
      'promo_code,post_url,posted_at,measured_at,views,likes',
      `${promo},https://instagram.com/p/kim2,${new Date(postedAt.getTime() + DAY).toISOString()},${at(-HOUR)},900,20`,
      `${promo},https://instagram.com/p/kim1,${postedAt.toISOString()},${at(-HOUR)},1000,30`,
    ].join('\n');
    const started = await owner.request<{ id: string }>(
      'POST',
      `/api/campaigns/${campaign.id}/imports?format=post-metrics`,
      csv,
      { 'content-type': 'text/csv' },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await waitForImport(started.body.id);
    const seen = await owner.get<Engagement>(`/api/engagements/${kim.id}`);
    expect(seen.body).toMatchObject({
      status: 'live',
      post: {
        url: 'https://instagram.com/p/kim1',
        postedAt: postedAt.toISOString(),
        source: 'import',
        by: null,
      },
    });
    // A later file matched by the post URL alone.
    const byUrl = await owner.request<{ id: string }>(
      'POST',
      `/api/campaigns/${campaign.id}/imports?format=post-metrics`,
      `post_url,measured_at,views\nhttps://instagram.com/p/kim1,${at(-MINUTE)},1500\n`,
      { 'content-type': 'text/csv' },
    );
    const finished = await waitForImport(byUrl.body.id);
    expect(finished).toMatchObject({ rowsImported: 1, rowsRejected: 0 });

    const report = await owner.get<{
      markets: Array<{
        code: string;
        actualGoLive: string | null;
        checkpointBasis: string | null;
        kpis: Array<{ checkpoints: Array<{ days: number; at: string | null }> }>;
      }>;
    }>(`/api/campaigns/${campaign.id}/report`);
    const us = report.body.markets.find((m) => m.code === 'US')!;
    expect(us.actualGoLive).toBe(postedAt.toISOString());
    expect(us.checkpointBasis).toBe('actual');
    expect(us.kpis[0]!.checkpoints.find((c) => c.days === 7)!.at).toBe(
      new Date(postedAt.getTime() + 7 * DAY).toISOString(),
    );
  });

  it('keeps the metrics of a post scheduled ahead of now without taking it as a go-live', async () => {
    const campaign = await buildCampaign(owner, { name: 'Scheduled post' });
    await goLive(campaign, 'US', DAY);
    const sam = await engage(campaign, 'Sam Scheduled', 'US');
    await signAgreementFor(owner, sam.id);
    await patch(sam.id, { status: 'approved' });
    const promo = (await owner.get<{ promoCode: string }>(`/api/engagements/${sam.id}`)).body.promoCode;
    const started = await owner.request<{ id: string }>(
      'POST',
      `/api/campaigns/${campaign.id}/imports?format=post-metrics`,
      `promo_code,post_url,posted_at,measured_at,views\n${promo},https://instagram.com/p/sam1,${at(2 * DAY)},${at(-MINUTE)},0\n`,
      { 'content-type': 'text/csv' },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const finished = await waitForImport(started.body.id);
    expect(finished).toMatchObject({ status: 'completed', rowsImported: 1, rowsRejected: 0 });
    const seen = await owner.get<Engagement>(`/api/engagements/${sam.id}`);
    expect(seen.body.status).toBe('approved');
    expect(seen.body.post).toBeNull();
  });
});

describe('tasks remember when they were done', () => {
  it('sets doneAt and doneBy on done, and clears them when reopened', async () => {
    const campaign = await buildCampaign(owner, { name: 'Done at' });
    const created = await owner.post<{ id: string; version: number; doneAt: string | null }>(
      `/api/campaigns/${campaign.id}/tasks`,
      { title: 'Book the studio', ownerId: ownerUser.id, dueAt: at(-DAY) },
    );
    expect(created.body.doneAt).toBeNull();
    const done = await owner.patch<{ version: number; doneAt: string; doneBy: string }>(
      `/api/tasks/${created.body.id}`,
      {
        version: created.body.version,
        status: 'done',
      },
    );
    expect(done.body.doneBy).toBe(ownerUser.id);
    expect(Math.abs(Date.parse(done.body.doneAt) - Date.now())).toBeLessThan(MINUTE);
    const retitled = await owner.patch<{ version: number; doneAt: string }>(`/api/tasks/${created.body.id}`, {
      version: done.body.version,
      title: 'Book the studio (Moscow)',
    });
    expect(retitled.body.doneAt).toBe(done.body.doneAt);
    const reopened = await owner.patch<{ doneAt: string | null; doneBy: string | null }>(
      `/api/tasks/${created.body.id}`,
      {
        version: retitled.body.version,
        status: 'in_progress',
      },
    );
    expect(reopened.body).toMatchObject({ doneAt: null, doneBy: null });
    const direct = await owner.post<{ doneAt: string | null }>(`/api/campaigns/${campaign.id}/tasks`, {
      title: 'Already done',
      ownerId: ownerUser.id,
      status: 'done',
    });
    expect(direct.body.doneAt).not.toBeNull();
  });
});

async function waitForImport(id: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = await owner.get<{ status: string; rowsImported: number; rowsRejected: number }>(
      `/api/imports/${id}`,
    );
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

/** "2026-03-08T10:00" for an instant in a zone (minutes only, as a person types it). */
function toLocal(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
