import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody } from '../support/client.ts';
import {
  buildCampaign,
  type CampaignBody,
  PASSWORD,
  setupOwner,
  signAgreementFor,
  type UserBody,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

interface Creator {
  id: string;
  name: string;
  marketCode: string;
  channels: Array<{ platform: string; followers?: number; engagementRate?: number }>;
  hasPortalAccount: boolean;
}
interface Engagement {
  id: string;
  status: string;
  commitment: string;
  flags: string[];
  version: number;
  score: {
    value: number | null;
    breakdown: Array<{ criterionId: string; score: number | null; note: string; points: number }>;
  };
}
interface Agreement {
  id: string;
  version: number;
  language: string;
  body: string;
  status: string;
  signedName: string | null;
  signedIp: string | null;
  signedMethod: string | null;
}
interface Submission {
  id: string;
  round: number;
  feedbackDueAt: string;
  submittedAt: string;
  decision: string | null;
  overrideReason: string | null;
}

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

const ruCreator = {
  name: 'Анна Смирнова',
  marketCode: 'RU',
  language: 'ru',
  timeZone: 'Europe/Moscow',
  channels: [{ platform: 'telegram', handle: '@anna_wellness', followers: 120000 }],
  contact: { email: 'anna@example.ru' },
};
const usCreator = {
  name: 'Jess Park',
  marketCode: 'US',
  language: 'en',
  timeZone: 'America/Los_Angeles',
  channels: [{ platform: 'instagram', handle: '@jesspark', followers: 250000, engagementRate: 3.1 }],
  contact: { email: 'jess@example.com' },
};

async function addCreator(body: Record<string, unknown>) {
  const res = await owner.post<Creator>('/api/creators', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function engage(creatorId: string, extra: Record<string, unknown> = {}) {
  const res = await owner.post<Engagement>(`/api/campaigns/${campaign.id}/engagements`, {
    creatorId,
    fee: { amount: 150000, currency: 'RUB' },
    deliverables: [{ platform: 'telegram', format: 'post', count: 2, dueAt: '2026-12-10T09:00:00Z' }],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
/** Invites the creator to the portal and returns their signed-in client. */
async function portalFor(creator: Creator, email: string, locale: 'en' | 'ru' = 'ru') {
  const invite = await owner.post<{ token: string }>('/api/invites', {
    email,
    role: 'creator',
    marketCodes: [creator.marketCode],
    creatorId: creator.id,
  });
  const client = new Client(server.url);
  const res = await client.post<{ user: UserBody }>('/api/auth/register', {
    email,
    password: PASSWORD,
    name: creator.name,
    locale,
    timeZone: 'Europe/Moscow',
    inviteToken: invite.body.token,
  });
  expect(res.status).toBe(201);
  return client;
}

describe('the creator roster', () => {
  it('imports a roster CSV with Russian number formatting, BOM and semicolons', async () => {
    const csv = [
      '\uFEFFname;market;language;time_zone;platform;handle;followers;engagement_rate;tags',
      'Мария Волкова;RU;ru;Europe/Moscow;vk;maria_v;"1 234 567";"4,5";йога|утро',
      'Мария Волкова;RU;ru;Europe/Moscow;telegram;@maria;"98 000";;йога',
      'Tom Reed;US;en;America/Chicago;tiktok;@tomreed;45000;6.2;fitness',
    ].join('\r\n');
    const res = await owner.request<{ imported: number; creators: Creator[] }>(
      'POST',
      '/api/creators/import',
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imported).toBe(2);
    const maria = res.body.creators.find((c) => c.name === 'Мария Волкова')!;
    expect(maria.channels).toEqual([
      { platform: 'vk', handle: 'maria_v', followers: 1234567, engagementRate: 4.5 },
      { platform: 'telegram', handle: '@maria', followers: 98000 },
    ]);
  });

  it('refuses a bad file with the lines at fault and imports nothing', async () => {
    const before = (await owner.get<{ creators: Creator[] }>('/api/creators')).body.creators.length;
    const csv = 'name,market,language,time_zone\nGood One,US,en,America/New_York\nBad Zone,US,en,Mars/Base\n';
    const res = await owner.request<ErrorBody & { error: { details: Array<{ line: number }> } }>(
      'POST',
      '/api/creators/import',
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status).toBe(400);
    expect((res.body.error.details as unknown as Array<{ line: number }>).map((d) => d.line)).toEqual([3]);
    expect((res.body.error.details as unknown as Array<{ message: string }>)[0]!.message).toBe(
      'timeZone: "Mars/Base" is not a known IANA time zone.',
    );
    const wrong = await owner.request<ErrorBody>('POST', '/api/creators/import', 'foo,bar\n1,2\n', {
      'content-type': 'text/csv',
    });
    expect(wrong.body.error.code).toBe('csv_missing_columns');
    expect((await owner.get<{ creators: Creator[] }>('/api/creators')).body.creators.length).toBe(before);
  });
});

describe('market policies and engagements', () => {
  it('starts from the Russian and US defaults and lets the campaign change them', async () => {
    const res = await owner.get<{
      policies: Array<{
        marketCode: string;
        revisionRounds: number;
        feedbackTurnaroundHours: number;
        briefingStyle: string;
        source: string;
      }>;
    }>(`/api/campaigns/${campaign.id}/policies`);
    expect(res.body.policies).toMatchObject([
      {
        marketCode: 'RU',
        revisionRounds: 3,
        feedbackTurnaroundHours: 24,
        briefingStyle: 'iterative',
        source: 'default',
      },
      {
        marketCode: 'US',
        revisionRounds: 1,
        feedbackTurnaroundHours: 48,
        briefingStyle: 'full_upfront',
        source: 'default',
      },
    ]);
    const changed = await owner.put<{ revisionRounds: number; source: string }>(
      `/api/campaigns/${campaign.id}/policies/RU`,
      {
        revisionRounds: 2,
        feedbackTurnaroundHours: 12,
        briefingStyle: 'iterative',
        communicationNotes: 'Confirm every yes in writing.',
      },
    );
    expect(changed.body).toMatchObject({ revisionRounds: 2, source: 'campaign' });
  });

  it('shows tentative as a maybe, flags it close to go-live, and audits status changes with a reason', async () => {
    const creator = await addCreator({ ...ruCreator, name: 'Ольга Маяк' });
    await owner.post(`/api/campaigns/${campaign.id}/milestones`, {
      title: 'RU go-live',
      kind: 'go_live',
      marketCode: 'RU',
      at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const engagement = await engage(creator.id);
    expect(engagement).toMatchObject({ status: 'shortlisted', commitment: 'maybe' });
    const tentative = await owner.patch<Engagement>(`/api/engagements/${engagement.id}`, {
      version: engagement.version,
      status: 'tentative',
      reason: 'Said "yes, probably" in Telegram',
    });
    expect(tentative.body).toMatchObject({
      status: 'tentative',
      commitment: 'maybe',
      flags: ['unsigned_close_to_go_live'],
    });
    const audit = await owner.get<{
      events: Array<{ action: string; after: { status: string; reason: string } }>;
    }>(`/api/audit?entityType=engagement&entityId=${engagement.id}&action=engagement.status_changed`);
    expect(audit.body.events[0]!.after).toEqual({
      status: 'tentative',
      reason: 'Said "yes, probably" in Telegram',
    });
    // Signed only through an agreement.
    const signed = await owner.patch<ErrorBody>(`/api/engagements/${engagement.id}`, {
      version: tentative.body.version,
      status: 'signed',
    });
    expect(signed.body.error.code).toBe('invalid_status_change');
    const dup = await owner.post<ErrorBody>(`/api/campaigns/${campaign.id}/engagements`, {
      creatorId: creator.id,
      fee: { amount: 1, currency: 'RUB' },
    });
    expect(dup.status).toBe(409);
  });

  it('scores creators against the brief’s weighted criteria and says why', async () => {
    await owner.put(`/api/campaigns/${campaign.id}/brief/sections/selection_criteria/data`, {
      baseRevision: 0,
      data: {
        criteria: [
          { id: 'fit', label: { en: 'Audience fit', ru: 'Аудитория' }, weight: 60 },
          { id: 'er', label: { en: 'Engagement', ru: 'Вовлечённость' }, weight: 40 },
        ],
      },
    });
    const creator = await addCreator({ ...usCreator, name: 'Score Me' });
    const engagement = await engage(creator.id, { fee: { amount: 5000, currency: 'USD' } });
    const rated = await owner.patch<Engagement>(`/api/engagements/${engagement.id}`, {
      version: engagement.version,
      ratings: { fit: { score: 5, note: 'Wellness moms, 80 % US' }, er: { score: 2.5, note: 'ER 3.1 %' } },
    });
    expect(rated.body.score.value).toBe(80);
    expect(rated.body.score.breakdown).toMatchObject([
      { criterionId: 'fit', score: 5, note: 'Wellness moms, 80 % US', points: 60 },
      { criterionId: 'er', score: 2.5, points: 20 },
    ]);
    const list = await owner.get<{ engagements: Engagement[] }>(`/api/campaigns/${campaign.id}/engagements`);
    expect(list.body.engagements[0]!.id).toBe(engagement.id);
  });
});

describe('agreements and the creator portal', () => {
  it('generates an agreement in the creator’s language, sends it, and the creator accepts it in the portal', async () => {
    const creator = await addCreator({ ...ruCreator, name: 'Вера Лес' });
    const engagement = await engage(creator.id, {
      usageRights: '12 месяцев в соцсетях бренда',
      paymentTerms: '50 % до, 50 % после публикации',
      promoCode: 'VERA10',
    });
    const draft = await owner.post<Agreement>(`/api/engagements/${engagement.id}/agreements`);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 1, language: 'ru', status: 'draft' });
    expect(draft.body.body).toContain('Договор с автором');
    expect(draft.body.body).toContain('10 дек. 2026 г., 12:00 MSK'.slice(0, 6));
    expect(draft.body.body).toContain('150');

    const portal = await portalFor(creator, 'vera@example.ru');
    // A draft agreement is not visible to the creator yet.
    expect((await portal.get(`/api/agreements/${draft.body.id}`)).status).toBe(403);
    await owner.post(`/api/agreements/${draft.body.id}/send`);
    const view = await portal.get<{
      status: string;
      agreements: Agreement[];
      deliverables: Array<{ dueLocal: { time: string } }>;
    }>(`/api/portal/engagements/${engagement.id}`);
    expect(view.body.status).toBe('agreement_sent');
    expect(view.body.agreements.map((a) => a.status)).toEqual(['sent']);
    expect(view.body.deliverables[0]!.dueLocal.time).toBe('12:00');

    const accepted = await portal.post<Agreement>(`/api/portal/agreements/${draft.body.id}/accept`, {
      fullName: 'Вера Лесная',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'signed',
      signedName: 'Вера Лесная',
      signedMethod: 'portal',
    });
    expect(accepted.body.signedIp).toMatch(/127\.0\.0\.1/);
    const after = await owner.get<Engagement>(`/api/engagements/${engagement.id}`);
    expect(after.body).toMatchObject({ status: 'signed', commitment: 'committed' });

    // Signed is final: a second acceptance is refused, a new version leaves the signed one alone.
    expect(
      (await portal.post<ErrorBody>(`/api/portal/agreements/${draft.body.id}/accept`, { fullName: 'X Y' }))
        .body.error.code,
    ).toBe('agreement_signed');
    const v2 = await owner.post<Agreement>(`/api/engagements/${engagement.id}/agreements`, {
      language: 'en',
    });
    expect(v2.body).toMatchObject({ version: 2, language: 'en', status: 'draft' });
    const signedStill = await owner.get<Agreement>(`/api/agreements/${draft.body.id}`);
    expect(signedStill.body.status).toBe('signed');
    const print = await owner.get<string>(`/api/agreements/${draft.body.id}/print`);
    expect(print.body).toContain('Подписано: Вера Лесная');
  });

  it('accepts an uploaded signed PDF instead', async () => {
    const creator = await addCreator({ ...usCreator, name: 'Paper Signer' });
    const engagement = await engage(creator.id, { fee: { amount: 3000, currency: 'USD' } });
    const agreement = await owner.post<Agreement>(`/api/engagements/${engagement.id}/agreements`);
    await owner.post(`/api/agreements/${agreement.body.id}/send`);
    const pdf = '%PDF-1.4\n% signed by hand\n%%EOF\n';
    const gif = await owner.request<ErrorBody>(
      'POST',
      `/api/agreements/${agreement.body.id}/signed-pdf`,
      'GIF89a',
      { 'content-type': 'image/gif' },
    );
    expect(gif.status).toBe(415);
    const res = await owner.request<Agreement>(
      'POST',
      `/api/agreements/${agreement.body.id}/signed-pdf`,
      pdf,
      {
        'content-type': 'application/pdf',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'signed', signedMethod: 'uploaded_pdf' });
    const back = await owner.get<string>(`/api/agreements/${agreement.body.id}/signed-pdf`);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.body).toBe(pdf);
  });

  it('keeps every creator inside their own engagements', async () => {
    const a = await addCreator({ ...ruCreator, name: 'Creator A' });
    const b = await addCreator({ ...usCreator, name: 'Creator B' });
    const ea = await engage(a.id);
    const eb = await engage(b.id, { fee: { amount: 1000, currency: 'USD' } });
    // B signs: only a committed creator's drafts get past the signature gate.
    const agreementB = await signAgreementFor(owner, eb.id);
    const subB = await owner.post<Submission>(`/api/engagements/${eb.id}/submissions`, {
      url: 'https://example.com/b-draft',
    });
    const task = await owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/tasks`, {
      title: 'Internal: negotiate B down',
      ownerId: (await owner.get<UserBody>('/api/me')).body.id,
    });
    const portalA = await portalFor(a, 'creator-a@example.ru');

    const mine = await portalA.get<{ engagements: Array<{ id: string }> }>('/api/portal/engagements');
    expect(mine.body.engagements.map((e) => e.id)).toEqual([ea.id]);
    expect((await portalA.get(`/api/portal/engagements/${eb.id}`)).status).toBe(404);
    expect((await portalA.get(`/api/agreements/${agreementB}`)).status).toBe(404);
    expect((await portalA.get(`/api/agreements/${agreementB}/print`)).status).toBe(404);
    expect(
      (await portalA.post(`/api/portal/agreements/${agreementB}/accept`, { fullName: 'Creator A' })).status,
    ).toBe(404);
    expect(
      (await portalA.post(`/api/portal/engagements/${eb.id}/submissions`, { url: 'https://evil.example' }))
        .status,
    ).toBe(404);
    expect((await portalA.get(`/api/submissions/${subB.body.id}/file`)).status).toBe(404);
    expect((await portalA.get(`/api/engagements/${eb.id}`)).status).toBe(403);
    expect((await portalA.get('/api/creators')).status).toBe(403);
    expect((await portalA.get(`/api/campaigns/${campaign.id}/engagements`)).status).toBe(403);
    expect((await portalA.get(`/api/tasks/${task.body.id}`)).status).toBe(403);
    expect((await portalA.get(`/api/campaigns/${campaign.id}/brief`)).status).toBe(403);
    expect((await portalA.get('/api/audit')).status).toBe(403);
    expect(JSON.stringify(mine.body)).not.toContain('Creator B');
  });
});

describe('content approval rounds', () => {
  it('counts rounds against the market policy, needs an audited override beyond it, and times the feedback', async () => {
    const creator = await addCreator({ ...usCreator, name: 'Round Robin' });
    const engagement = await engage(creator.id, { fee: { amount: 2000, currency: 'USD' } });
    const portal = await portalFor(creator, 'robin@example.com', 'en');
    // Production starts before the paper is back: an audited override lets the drafts in unsigned.
    const started = await owner.patch<Engagement>(`/api/engagements/${engagement.id}`, {
      version: engagement.version,
      status: 'in_production',
      override: { reason: 'Signing next week; the shoot cannot wait' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const first = await portal.post<Submission>(`/api/portal/engagements/${engagement.id}/submissions`, {
      url: 'https://drive.example.com/draft-1',
      note: 'First cut',
    });
    expect(first.status).toBe(201);
    expect(first.body.round).toBe(1);
    // A draft without a signed agreement is still a maybe.
    expect((await owner.get<Engagement>(`/api/engagements/${engagement.id}`)).body.commitment).toBe('maybe');
    // US policy: answers within 48 hours.
    expect(Date.parse(first.body.feedbackDueAt) - Date.parse(first.body.submittedAt)).toBe(48 * 3_600_000);
    const fb1 = await owner.post<Submission>(`/api/submissions/${first.body.id}/feedback`, {
      decision: 'changes_requested',
      feedback: 'Shorter intro, please.',
    });
    expect(fb1.status).toBe(200);

    // Round 2: the single included revision is used up; asking for more needs a reason.
    const pdf = await portal.request<Submission>(
      'POST',
      `/api/portal/engagements/${engagement.id}/submissions`,
      '%PDF-1.4 storyboard',
      {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('раскадровка v2.pdf'),
      },
    );
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body.round).toBe(2);
    const refused = await owner.post<ErrorBody>(`/api/submissions/${pdf.body.id}/feedback`, {
      decision: 'changes_requested',
      feedback: 'One more change',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('revision_limit');
    expect(refused.body.error.message).toBe(
      'The US policy includes 1 revision round; this would be round 3. Give a reason to override.',
    );
    const overridden = await owner.post<Submission>(`/api/submissions/${pdf.body.id}/feedback`, {
      decision: 'changes_requested',
      feedback: 'Legal needs the claim removed',
      overrideReason: 'Regulatory claim must go; creator agreed',
    });
    expect(overridden.body.overrideReason).toBe('Regulatory claim must go; creator agreed');
    const audit = await owner.get<{ events: Array<{ action: string }> }>(
      `/api/audit?entityType=submission&entityId=${pdf.body.id}`,
    );
    expect(audit.body.events.map((e) => e.action)).toContain('submission.feedback_with_override');

    const file = await portal.get<string>(`/api/submissions/${pdf.body.id}/file`);
    expect(file.body).toBe('%PDF-1.4 storyboard');
    const gif = await portal.request<ErrorBody>(
      'POST',
      `/api/portal/engagements/${engagement.id}/submissions`,
      'GIF89a',
      {
        'content-type': 'image/gif',
      },
    );
    expect(gif.status).toBe(415);
    const huge = await portal.request<ErrorBody>(
      'POST',
      `/api/portal/engagements/${engagement.id}/submissions`,
      'x'.repeat(26 * 1024 * 1024),
      { 'content-type': 'video/mp4' },
    );
    expect(huge.status).toBe(413);
    const rounds = await owner.get<{ submissions: Submission[]; status: string }>(
      `/api/engagements/${engagement.id}`,
    );
    expect(rounds.body.submissions.map((s) => s.round)).toEqual([1, 2]);
    expect(rounds.body.status).toBe('revising');
  });
});
