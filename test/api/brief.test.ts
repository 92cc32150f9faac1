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

interface TextState {
  text: string;
  revision: number;
  stale: boolean;
  staleAgainst: string[];
}
interface Brief {
  revision: number;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
  languages: string[];
  staleCount: number;
  sections: Array<{ key: string; texts: Record<string, TextState>; data: unknown; dataRevision: number }>;
}
const section = (brief: Brief, key: string) => brief.sections.find((s) => s.key === key)!;

let server: TestServer;
let owner: Client;
let campaign: CampaignBody;
beforeAll(async () => {
  server = await startServer();
  owner = (await setupOwner(server.url)).client;
});
afterAll(async () => {
  await server.close();
});

async function freshCampaign() {
  campaign = await buildCampaign(owner);
  return `/api/campaigns/${campaign.id}/brief`;
}

async function write(client: Client, base: string, key: string, language: string, text: string) {
  const brief = (await client.get<Brief>(base)).body;
  const res = await client.put<Brief>(`${base}/sections/${key}`, {
    language,
    text,
    baseRevision: section(brief, key).texts[language]!.revision,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('the bilingual brief', () => {
  it('has six sections with a text in every campaign language', async () => {
    const base = await freshCampaign();
    const brief = (await owner.get<Brief>(base)).body;
    expect(brief.sections.map((s) => s.key)).toEqual([
      'objective',
      'guardrails',
      'selection_criteria',
      'timeline',
      'measurement',
      'escalation',
    ]);
    expect(brief.languages).toEqual(['ru', 'en']);
    expect(Object.keys(section(brief, 'objective').texts).sort()).toEqual(['en', 'ru']);
    expect(brief).toMatchObject({ revision: 0, publishedVersion: null, staleCount: 0 });
  });

  it('marks the twin stale when one language changes, until it is updated or confirmed', async () => {
    const base = await freshCampaign();
    let brief = await write(owner, base, 'objective', 'en', 'Win US purchases with promo codes.');
    expect(section(brief, 'objective').texts.en!.stale).toBe(false);
    expect(section(brief, 'objective').texts.ru).toMatchObject({ stale: true, staleAgainst: ['en'] });
    expect(brief.staleCount).toBe(1);

    // The Russian translation catches up: neither side is stale.
    brief = await write(owner, base, 'objective', 'ru', 'Покупки в США по промокодам.');
    expect(section(brief, 'objective').texts.ru!.stale).toBe(false);
    expect(section(brief, 'objective').texts.en!.stale).toBe(false);

    // The English changes again; the Russian is confirmed as still accurate without edits.
    brief = await write(owner, base, 'objective', 'en', 'Win US purchases with creator promo codes.');
    expect(section(brief, 'objective').texts.ru!.stale).toBe(true);
    const ruRevision = section(brief, 'objective').texts.ru!.revision;
    const confirmed = await owner.post<Brief>(`${base}/sections/objective/confirm`, {
      language: 'ru',
      baseRevision: ruRevision,
    });
    expect(confirmed.status).toBe(200);
    expect(section(confirmed.body, 'objective').texts.ru).toMatchObject({
      stale: false,
      revision: ruRevision,
    });
    expect(confirmed.body.staleCount).toBe(0);
  });

  it('refuses an edit that started from an old revision and returns the current text', async () => {
    const base = await freshCampaign();
    await write(owner, base, 'guardrails', 'en', 'Original');
    const { client: member } = await buildUser(owner, { role: 'member', marketCodes: ['US'] });
    // Two people open revision 1 at once.
    const [a, b] = await Promise.all([
      owner.put<Brief>(`${base}/sections/guardrails`, {
        language: 'en',
        text: 'Owner version',
        baseRevision: 1,
      }),
      member.put<Brief>(`${base}/sections/guardrails`, {
        language: 'en',
        text: 'Member version',
        baseRevision: 1,
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b) as unknown as {
      body: ErrorBody & { error: { details: { current: TextState } } };
    };
    const winnerText = a.status === 200 ? 'Owner version' : 'Member version';
    expect(loser.body.error.code).toBe('version_conflict');
    expect(loser.body.error.details.current).toMatchObject({
      text: winnerText,
      revision: 2,
      updatedBy: { name: expect.any(String) },
    });
    expect(section((await owner.get<Brief>(base)).body, 'guardrails').texts.en!.text).toBe(winnerText);
  });

  it('refuses unknown sections and languages the campaign does not have, changing nothing', async () => {
    const base = await freshCampaign();
    const unknown = await owner.put<ErrorBody>(`${base}/sections/vibes`, {
      language: 'en',
      text: 'x',
      baseRevision: 0,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_section');
    const german = await new Client(server.url, 'ru').request<ErrorBody>(
      'PUT',
      `${base}/sections/objective`,
      { language: 'de', text: 'x', baseRevision: 0 },
      { cookie: owner.cookie! },
    );
    expect(german.status).toBe(400);
    expect(german.body.error.code).toBe('language_not_in_campaign');
    expect(german.body.error.message).toBe('В этой кампании нет текста на языке de. Её языки: ru, en.');
    expect((await owner.get<Brief>(base)).body.revision).toBe(0);
  });

  it('stores structured content per section and validates it', async () => {
    const base = await freshCampaign();
    const criteria = {
      criteria: [
        { id: 'fit', label: { en: 'Audience fit', ru: 'Соответствие аудитории' }, weight: 50 },
        { id: 'er', label: { en: 'Engagement rate', ru: 'Вовлечённость' }, weight: 30 },
        { id: 'brand', label: { en: 'Brand safety', ru: 'Безопасность бренда' }, weight: 20 },
      ],
    };
    const ok = await owner.put<Brief>(`${base}/sections/selection_criteria/data`, {
      data: criteria,
      baseRevision: 0,
    });
    expect(ok.status).toBe(200);
    expect(section(ok.body, 'selection_criteria')).toMatchObject({ data: criteria, dataRevision: 1 });

    const stale = await owner.put<ErrorBody>(`${base}/sections/selection_criteria/data`, {
      data: criteria,
      baseRevision: 0,
    });
    expect(stale.status).toBe(409);

    const bad = await owner.put<ErrorBody>(`${base}/sections/measurement/data`, {
      data: { markets: [{ marketCode: 'US', kpis: [{ metric: 'happiness', target: 1 }] }] },
      baseRevision: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_section_data');
    const foreignMarket = await owner.put<ErrorBody>(`${base}/sections/measurement/data`, {
      data: { markets: [{ marketCode: 'DE', kpis: [{ metric: 'reach', target: 1 }] }] },
      baseRevision: 0,
    });
    expect(foreignMarket.status).toBe(400);
    expect(foreignMarket.body.error.details).toEqual([
      { path: 'data', code: 'unknown_market', message: 'DE' },
    ]);
  });
});

describe('versions, diff and acknowledgements', () => {
  it('publishes numbered versions, compares them and refuses an empty publish', async () => {
    const base = await freshCampaign();
    await write(owner, base, 'objective', 'en', 'Reach Russian wellness fans. Sell in the US.');
    const v1 = await owner.post<{ version: number }>(`${base}/versions`, { note: 'First cut' });
    expect(v1.status).toBe(201);
    expect(v1.body.version).toBe(1);
    expect((await owner.post<ErrorBody>(`${base}/versions`)).body.error.code).toBe('nothing_to_publish');

    await write(owner, base, 'objective', 'en', 'Reach Russian wellness fans. Sell 5,000 units in the US.');
    expect((await owner.get<Brief>(base)).body.hasUnpublishedChanges).toBe(true);
    const v2 = await owner.post<{ version: number }>(`${base}/versions`, {});
    expect(v2.body.version).toBe(2);

    const frozen = await owner.get<{
      snapshot: { sections: Array<{ key: string; texts: Record<string, { text: string }> }> };
    }>(`${base}/versions/1`);
    expect(frozen.body.snapshot.sections[0]!.texts.en!.text).toBe(
      'Reach Russian wellness fans. Sell in the US.',
    );

    const diff = await owner.get<{
      sections: Array<{
        key: string;
        changed: boolean;
        texts: Record<string, { changed: boolean; parts: Array<{ value: string; added?: boolean }> }>;
      }>;
    }>(`${base}/versions/1/diff/2`);
    const objective = diff.body.sections.find((s) => s.key === 'objective')!;
    expect(objective.changed).toBe(true);
    expect(objective.texts.en!.changed).toBe(true);
    expect(objective.texts.ru!.changed).toBe(false);
    expect(objective.texts.en!.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual([
      '5,000 units',
    ]);
    expect(diff.body.sections.find((s) => s.key === 'guardrails')!.changed).toBe(false);
    expect((await owner.get(`${base}/versions/9`)).status).toBe(404);
  });

  it('tracks who acknowledged the current version; a new version resets it', async () => {
    const base = await freshCampaign();
    const { client: ruLead, user: ruLeadUser } = await buildUser(owner, {
      role: 'market_lead',
      marketCodes: ['RU'],
      locale: 'ru',
    });
    const { user: usLeadUser } = await buildUser(owner, { role: 'market_lead', marketCodes: ['US'] });
    const { client: member, user: memberUser } = await buildUser(owner, {
      role: 'member',
      marketCodes: ['US'],
    });
    await write(owner, base, 'objective', 'ru', 'Охват');
    await owner.post(`${base}/versions`);

    // A member who was not asked cannot acknowledge; once asked, they can.
    expect((await member.post<ErrorBody>(`${base}/versions/1/acknowledgements`)).status).toBe(403);
    expect((await owner.post(`${base}/acknowledgement-requests`, { userId: memberUser.id })).status).toBe(
      204,
    );

    const ack = await ruLead.post<{
      acknowledged: number;
      required: number;
      people: Array<{ userId: string; acknowledgedAt: string | null }>;
    }>(`${base}/versions/1/acknowledgements`, { note: 'Согласовано' });
    expect(ack.status).toBe(201);
    expect(ack.body).toMatchObject({ acknowledged: 1, required: 3 });
    const byUser = (id: string) => ack.body.people.find((p) => p.userId === id)!;
    expect(byUser(ruLeadUser.id).acknowledgedAt).not.toBeNull();
    expect(byUser(usLeadUser.id).acknowledgedAt).toBeNull();
    expect(byUser(memberUser.id).acknowledgedAt).toBeNull();
    // Acknowledging twice changes nothing.
    expect((await ruLead.post(`${base}/versions/1/acknowledgements`)).status).toBe(200);

    await write(owner, base, 'objective', 'ru', 'Охват и узнаваемость');
    await owner.post(`${base}/versions`);
    const v2 = await owner.get<{ acknowledged: number; required: number }>(
      `${base}/versions/2/acknowledgements`,
    );
    expect(v2.body).toMatchObject({ acknowledged: 0, required: 3 });
    const old = await ruLead.post<ErrorBody>(`${base}/versions/1/acknowledgements`);
    expect(old.status).toBe(409);
    expect(old.body.error.code).toBe('version_superseded');
    expect(old.body.error.message).toBe('Версию 1 заменила версия 2. Подтвердите текущую версию.');
  });

  it('exports the published brief as Markdown and a print-ready page, per language or side by side', async () => {
    const base = await freshCampaign();
    await write(owner, base, 'objective', 'en', 'Sell in the US <script>alert(1)</script>');
    await write(owner, base, 'objective', 'ru', 'Охват в России');
    await owner.post(`${base}/versions`);
    const md = await owner.get<string>(`${base}/versions/1/export?format=markdown&language=ru`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.body).toContain('## Цель');
    expect(md.body).toContain('Охват в России');
    expect(md.body).not.toContain('Sell in the US');
    const html = await owner.get<string>(`${base}/versions/1/export?format=html&language=both`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('<h2>Objective</h2>');
    expect(html.body).toContain('<h2>Цель</h2>');
    expect(html.body).toContain('&lt;script&gt;');
    expect(html.body).not.toContain('<script>alert');
    expect((await owner.get(`${base}/versions/1/export?language=fr`)).status).toBe(400);
  });
});

describe('brief permissions and audit', () => {
  it('lets stakeholders read but not edit; creators see nothing', async () => {
    const base = await freshCampaign();
    const { client: stakeholder } = await buildUser(owner, { role: 'stakeholder' });
    const { client: creator } = await buildUser(owner, { role: 'creator', marketCodes: ['RU'] });
    expect((await stakeholder.get(base)).status).toBe(200);
    expect(
      (await stakeholder.put(`${base}/sections/objective`, { language: 'en', text: 'x', baseRevision: 0 }))
        .status,
    ).toBe(403);
    expect((await creator.get(base)).status).toBe(403);
    expect(
      (await creator.put(`${base}/sections/objective`, { language: 'en', text: 'x', baseRevision: 0 }))
        .status,
    ).toBe(403);
  });

  it('audits every brief change with before and after', async () => {
    const base = await freshCampaign();
    await write(owner, base, 'escalation', 'en', 'Brand decides within 24 hours.');
    await write(owner, base, 'escalation', 'en', 'Brand decides within 12 hours.');
    const audit = await owner.get<{
      events: Array<{ action: string; before: { text: string } | null; after: { text: string } }>;
    }>(`/api/audit?campaignId=${campaign.id}&action=brief.text_edited`);
    expect(audit.body.events).toHaveLength(2);
    expect(audit.body.events[0]).toMatchObject({
      before: { text: 'Brand decides within 24 hours.' },
      after: { text: 'Brand decides within 12 hours.' },
    });
    const users = (await owner.get<{ users: UserBody[] }>('/api/users')).body.users;
    expect(users.length).toBeGreaterThan(0);
  });
});
