import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ErrorBody, type Response } from '../support/client.ts';
import {
  buildCampaign,
  buildUser,
  type CampaignBody,
  PASSWORD,
  RU_US_MARKETS,
  setupOwner,
  signAgreementFor,
  type UserBody,
} from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

/**
 * Who may do what, route by route: one Russia + US (+ Germany, led by nobody here) campaign,
 * one user of every role, and a table of calls with the roles allowed to make them. Every
 * other role is refused (403, or 404 where a creator must not learn that something exists),
 * and a refused write changes nothing: neither the record nor the audit log.
 */

const ROLES = [
  'owner',
  'admin',
  'leadRU',
  'leadUS',
  'memberRU',
  'memberUS',
  'stakeholder',
  'creatorRU',
  'creatorUS',
] as const;
type Role = (typeof ROLES)[number];

const ADMINS: Role[] = ['owner', 'admin'];
const LEADS: Role[] = [...ADMINS, 'leadRU', 'leadUS'];
const WRITERS: Role[] = [...LEADS, 'memberRU', 'memberUS'];
const STAFF: Role[] = [...WRITERS, 'stakeholder'];
const RU_TEAM: Role[] = [...ADMINS, 'leadRU', 'memberRU'];
const US_TEAM: Role[] = [...ADMINS, 'leadUS', 'memberUS'];
const STAFF_403: Partial<Record<Role, number>> = Object.fromEntries(STAFF.map((r) => [r, 403]));
const DE_MARKET = {
  code: 'DE',
  language: 'de',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  objective: 'engagement',
} as const;

type Ctx = Record<string, string>;
interface Case {
  area: string;
  what: string;
  allowed: readonly Role[];
  /** The status a refused role gets when it is not 403. */
  refused?: Partial<Record<Role, number>>;
  /** Runs (as the owner) before each role's attempt: a fresh target. */
  prepare?: () => Promise<Ctx>;
  run: (client: Client, ctx: Ctx) => Promise<Response<unknown>>;
  /** What the call would change, read as the owner: a refused call must leave it as it was. */
  read?: (ctx: Ctx) => Promise<unknown>;
  /** Puts things back (as the owner) after an allowed call. */
  after?: (ctx: Ctx) => Promise<void>;
}

let server: TestServer;
let owner: Client;
let ownerUser: UserBody;
let campaign: CampaignBody;
const as = {} as Record<Role, Client>;
let spareUser: UserBody;
let ruCreatorId: string;
let usCreatorId: string;
let ruEngagementId: string;
let usEngagementId: string;
let usTaskId: string;
let n = 0;
const next = () => {
  n += 1;
  return n;
};

const creatorBody = (market: 'RU' | 'US', name: string) =>
  market === 'RU'
    ? {
        name,
        marketCode: 'RU',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        channels: [{ platform: 'telegram', handle: `@ru${next()}`, followers: 12000 }],
      }
    : {
        name,
        marketCode: 'US',
        language: 'en',
        timeZone: 'America/Chicago',
        channels: [{ platform: 'instagram', handle: `@us${next()}`, followers: 25000 }],
      };

async function ok<T>(res: Promise<Response<T>>, status = [200, 201, 202]): Promise<T> {
  const r = await res;
  expect(status, `${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
  return r.body;
}

const WEBHOOK_URL = 'https://8.8.8.8/tandem-hook';

async function addWebhook() {
  return (
    await ok(owner.post<{ id: string }>('/api/webhooks', { url: WEBHOOK_URL, events: ['import.undone'] }))
  ).id;
}

async function addCreator(market: 'RU' | 'US', name: string) {
  return (await ok(owner.post<{ id: string }>('/api/creators', creatorBody(market, name)))).id;
}

async function engage(creatorId: string, currency: string) {
  return (
    await ok(
      owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/engagements`, {
        creatorId,
        fee: { amount: 1000, currency },
        deliverables: [{ platform: 'instagram', format: 'post', count: 1 }],
      }),
    )
  ).id;
}

async function portalUser(creatorId: string, market: 'RU' | 'US', name: string) {
  const email = `portal-${market.toLowerCase()}-${Date.now()}@tandem.test`;
  const invite = await ok(
    owner.post<{ token: string }>('/api/invites', {
      email,
      role: 'creator',
      marketCodes: [market],
      creatorId,
    }),
  );
  const client = new Client(server.url);
  const res = await ok(
    client.post<{ user: UserBody }>('/api/auth/register', {
      email,
      password: PASSWORD,
      name,
      locale: 'en',
      timeZone: 'America/New_York',
      inviteToken: invite.token,
    }),
  );
  return { client, user: res.user };
}

const currentCampaign = () => ok(owner.get<CampaignBody>(`/api/campaigns/${campaign.id}`));

/** A campaign PATCH from the version the owner reads now, with the markets as `change` leaves them. */
async function patchCampaign(
  client: Client,
  change: (c: CampaignBody) => Record<string, unknown>,
): Promise<Response<unknown>> {
  const current = await currentCampaign();
  return client.patch(`/api/campaigns/${campaign.id}`, { ...change(current), version: current.version });
}

const marketsOf = (c: CampaignBody) =>
  c.markets.map(({ code, name, language, timeZone, currency, objective }) => ({
    code,
    name,
    language,
    timeZone,
    currency,
    objective,
  }));

async function restoreMarkets(ctx: Ctx) {
  const current = await currentCampaign();
  if (JSON.stringify(marketsOf(current)) === ctx.markets) return;
  await ok(
    owner.patch(`/api/campaigns/${campaign.id}`, {
      markets: JSON.parse(ctx.markets!),
      version: current.version,
    }),
  );
}

async function newAgreement(engagementId: string, send: boolean) {
  const agreement = await ok(owner.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`));
  if (send) await ok(owner.post(`/api/agreements/${agreement.id}/send`));
  return { agreement: agreement.id };
}

async function newDraft(engagementId: string) {
  const draft = await ok(
    owner.post<{ id: string }>(`/api/engagements/${engagementId}/submissions`, {
      url: `https://drafts.example.com/${next()}`,
    }),
  );
  return { submission: draft.id };
}

async function waitForImport(id: string) {
  for (let i = 0; i < 400; i++) {
    const state = await ok(owner.get<{ status: string }>(`/api/imports/${id}`));
    if (state.status !== 'processing' && state.status !== 'uploading') return state.status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const importCsv = (client: Client) =>
  client.request<{ id: string }>(
    'POST',
    `/api/campaigns/${campaign.id}/imports?format=post-metrics`,
    'creator,platform,reach\nJess Park,instagram,100\n',
    { 'content-type': 'text/csv' },
  );

const engagementOf = (id: string) =>
  ok(owner.get<Record<string, unknown>>(`/api/engagements/${id}`)).then(
    ({ status, fee, paymentTerms, version, submissions }) => ({
      status,
      fee,
      paymentTerms,
      version,
      submissions,
    }),
  );
const creatorOf = async (id: string) =>
  (await ok(owner.get<{ creators: Array<{ id: string }> }>('/api/creators'))).creators.find(
    (c) => c.id === id,
  );
/** The report without the moment it was made. */
const reportFigures = async () => {
  const { generatedAt: _at, ...figures } = await ok(
    owner.get<Record<string, unknown>>(`/api/campaigns/${campaign.id}/report`),
  );
  return figures;
};
const lastAuditId = async () =>
  (await ok(owner.get<{ events: Array<{ id: number | string }> }>('/api/audit?limit=1'))).events[0]?.id;

const CASES: Case[] = [
  // Campaigns: shared fields by the leads of any of its markets; a market's own settings by its lead.
  {
    area: 'campaigns',
    what: 'read a campaign',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}`),
  },
  {
    area: 'campaigns',
    what: 'rename (a shared field)',
    allowed: LEADS,
    run: (c) => patchCampaign(c, () => ({ name: `Calm Mornings ${next()}` })),
    read: () => currentCampaign(),
  },
  {
    area: 'campaigns',
    what: 'change the US objective',
    allowed: [...ADMINS, 'leadUS'],
    run: (c) =>
      patchCampaign(c, (current) => ({
        markets: marketsOf(current).map((m) =>
          m.code === 'US'
            ? { ...m, objective: m.objective === 'conversion' ? 'engagement' : 'conversion' }
            : m,
        ),
      })),
    read: () => currentCampaign(),
  },
  {
    area: 'campaigns',
    what: 'change the RU time zone',
    allowed: [...ADMINS, 'leadRU'],
    run: (c) =>
      patchCampaign(c, (current) => ({
        markets: marketsOf(current).map((m) =>
          m.code === 'RU'
            ? { ...m, timeZone: m.timeZone === 'Europe/Moscow' ? 'Europe/Samara' : 'Europe/Moscow' }
            : m,
        ),
      })),
    read: () => currentCampaign(),
  },
  {
    area: 'campaigns',
    what: 'add a market nobody here leads (FR)',
    allowed: ADMINS,
    prepare: async () => ({ markets: JSON.stringify(marketsOf(await currentCampaign())) }),
    run: (c) =>
      patchCampaign(c, (current) => ({
        markets: [
          ...marketsOf(current),
          { code: 'FR', language: 'fr', timeZone: 'Europe/Paris', currency: 'EUR', objective: 'awareness' },
        ],
      })),
    read: () => currentCampaign(),
    after: restoreMarkets,
  },
  {
    area: 'campaigns',
    what: 'drop the US market',
    allowed: [...ADMINS, 'leadUS'],
    prepare: async () => ({ markets: JSON.stringify(marketsOf(await currentCampaign())) }),
    run: (c) =>
      patchCampaign(c, (current) => ({ markets: marketsOf(current).filter((m) => m.code !== 'US') })),
    read: () => currentCampaign(),
    after: restoreMarkets,
  },
  // The brief and the timeline: written by the teams (any market), published by leads.
  {
    area: 'brief',
    what: 'read the brief',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/brief`),
  },
  {
    area: 'brief',
    what: 'edit a section',
    allowed: WRITERS,
    run: async (c) => {
      const brief = await ok(
        owner.get<{ sections: Array<{ key: string; texts: Record<string, { revision: number }> }> }>(
          `/api/campaigns/${campaign.id}/brief`,
        ),
      );
      const objective = brief.sections.find((s) => s.key === 'objective')!;
      return c.put(`/api/campaigns/${campaign.id}/brief/sections/objective`, {
        language: 'en',
        text: `Grow trial in both markets (${next()})`,
        baseRevision: objective.texts.en!.revision,
      });
    },
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/brief`)),
  },
  {
    area: 'brief',
    what: 'publish a version',
    allowed: LEADS,
    prepare: async () => {
      const brief = await ok(
        owner.get<{ sections: Array<{ key: string; texts: Record<string, { revision: number }> }> }>(
          `/api/campaigns/${campaign.id}/brief`,
        ),
      );
      await ok(
        owner.put(`/api/campaigns/${campaign.id}/brief/sections/guardrails`, {
          language: 'en',
          text: `Say "calm", never "cure" (${next()})`,
          baseRevision: brief.sections.find((s) => s.key === 'guardrails')!.texts.en!.revision,
        }),
      );
      return {};
    },
    run: (c) => c.post(`/api/campaigns/${campaign.id}/brief/versions`),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/brief`)),
  },
  {
    area: 'timeline',
    what: 'read the timeline',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/timeline`),
  },
  {
    area: 'timeline',
    what: 'add a US milestone',
    allowed: WRITERS,
    run: (c) =>
      c.post(`/api/campaigns/${campaign.id}/milestones`, {
        title: `Check-in ${next()}`,
        kind: 'other',
        marketCode: 'US',
        at: '2026-05-01T15:00:00Z',
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/timeline`)),
  },
  // The shared tracker: both teams write every task, whatever its market.
  {
    area: 'tasks',
    what: 'read the tracker',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/tasks`),
  },
  {
    area: 'tasks',
    what: 'create a US task',
    allowed: WRITERS,
    run: (c) =>
      c.post(`/api/campaigns/${campaign.id}/tasks`, {
        title: `Brief US creators ${next()}`,
        ownerId: ownerUser.id,
        marketCode: 'US',
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/tasks`)),
  },
  {
    area: 'tasks',
    what: 'edit a US task',
    allowed: WRITERS,
    run: async (c) => {
      const task = await ok(owner.get<{ version: number }>(`/api/tasks/${usTaskId}`));
      return c.patch(`/api/tasks/${usTaskId}`, { version: task.version, title: `Renamed ${next()}` });
    },
    read: () => ok(owner.get(`/api/tasks/${usTaskId}`)),
  },
  {
    area: 'tasks',
    what: 'comment on a US task',
    allowed: STAFF,
    run: (c) => c.post(`/api/tasks/${usTaskId}/comments`, { body: `Looks good ${next()}` }),
    read: () => ok(owner.get(`/api/tasks/${usTaskId}`)),
  },
  // Meetings follow the tracker.
  {
    area: 'meetings',
    what: 'list meetings',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/meetings`),
  },
  {
    area: 'meetings',
    what: 'schedule a meeting',
    allowed: WRITERS,
    run: (c) =>
      c.post(`/api/campaigns/${campaign.id}/meetings`, {
        title: `Sync ${next()}`,
        start: '2026-03-10T14:00:00Z',
        durationMinutes: 30,
        languages: ['ru', 'en'],
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/meetings`)),
  },
  // The roster: a creator belongs to one market.
  {
    area: 'creators',
    what: 'read the roster',
    allowed: STAFF,
    run: (c) => c.get('/api/creators'),
  },
  {
    area: 'creators',
    what: 'add a US creator',
    allowed: US_TEAM,
    run: (c) => c.post('/api/creators', creatorBody('US', `New US ${next()}`)),
    read: () => ok(owner.get('/api/creators')),
  },
  {
    area: 'creators',
    what: 'edit a US creator',
    allowed: US_TEAM,
    run: (c) => c.patch(`/api/creators/${usCreatorId}`, { notes: `Prefers mornings ${next()}` }),
    read: () => creatorOf(usCreatorId),
  },
  {
    area: 'creators',
    what: 'edit a RU creator',
    allowed: RU_TEAM,
    run: (c) => c.patch(`/api/creators/${ruCreatorId}`, { notes: `Любит утро ${next()}` }),
    read: () => creatorOf(ruCreatorId),
  },
  {
    area: 'creators',
    what: 'move a RU creator to the US market',
    allowed: ADMINS,
    prepare: async () => ({ creator: await addCreator('RU', `Mover ${next()}`) }),
    run: (c, ctx) => c.patch(`/api/creators/${ctx.creator}`, { marketCode: 'US', language: 'en' }),
    read: (ctx) => creatorOf(ctx.creator!),
  },
  {
    area: 'creators',
    what: 'import a roster with a US creator',
    allowed: US_TEAM,
    run: (c) =>
      c.request(
        'POST',
        '/api/creators/import',
        `name,market,language,time_zone,platform,handle\nImported ${next()},US,en,America/Denver,tiktok,@imp${n}\n`,
        { 'content-type': 'text/csv' },
      ),
    read: () => ok(owner.get('/api/creators')),
  },
  // Creator rules per market.
  {
    area: 'policies',
    what: 'read the campaign’s policies',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/policies`),
  },
  {
    area: 'policies',
    what: 'set the US creator policy',
    allowed: [...ADMINS, 'leadUS'],
    run: (c) =>
      c.put(`/api/campaigns/${campaign.id}/policies/US`, {
        revisionRounds: (next() % 3) + 1,
        feedbackTurnaroundHours: 24,
        briefingStyle: 'iterative',
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/policies`)),
  },
  {
    area: 'policies',
    what: 'set the RU creator policy',
    allowed: [...ADMINS, 'leadRU'],
    run: (c) =>
      c.put(`/api/campaigns/${campaign.id}/policies/RU`, {
        revisionRounds: (next() % 3) + 1,
        feedbackTurnaroundHours: 48,
        briefingStyle: 'full_upfront',
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/policies`)),
  },
  {
    area: 'policies',
    what: 'set the workspace default for US',
    allowed: ADMINS,
    run: (c) =>
      c.put('/api/policy-defaults/US', {
        revisionRounds: (next() % 3) + 1,
        feedbackTurnaroundHours: 72,
        briefingStyle: 'iterative',
      }),
    read: () => ok(owner.get('/api/policy-defaults')),
  },
  // Engagements belong to the creator's market.
  {
    area: 'engagements',
    what: 'list the campaign’s engagements',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/engagements`),
  },
  {
    area: 'engagements',
    what: 'read a US engagement (a creator too uses the portal)',
    allowed: STAFF,
    run: (c) => c.get(`/api/engagements/${usEngagementId}`),
  },
  {
    area: 'engagements',
    what: 'change a US engagement’s fee',
    allowed: US_TEAM,
    run: async (c) => {
      const { version } = await engagementOf(usEngagementId);
      return c.patch(`/api/engagements/${usEngagementId}`, {
        version,
        fee: { amount: 1000 + next(), currency: 'USD' },
      });
    },
    read: () => engagementOf(usEngagementId),
  },
  {
    area: 'engagements',
    what: 'change a RU engagement’s terms',
    allowed: RU_TEAM,
    run: async (c) => {
      const { version } = await engagementOf(ruEngagementId);
      return c.patch(`/api/engagements/${ruEngagementId}`, { version, paymentTerms: `50/50 (${next()})` });
    },
    read: () => engagementOf(ruEngagementId),
  },
  {
    area: 'engagements',
    what: 'put a US creator in the campaign',
    allowed: US_TEAM,
    prepare: async () => ({ creator: await addCreator('US', `Candidate ${next()}`) }),
    run: (c, ctx) =>
      c.post(`/api/campaigns/${campaign.id}/engagements`, {
        creatorId: ctx.creator,
        fee: { amount: 500, currency: 'USD' },
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/engagements`)),
  },
  // Agreements.
  {
    area: 'agreements',
    what: 'generate a RU agreement',
    allowed: RU_TEAM,
    run: (c) => c.post(`/api/engagements/${ruEngagementId}/agreements`),
    read: () => ok(owner.get(`/api/engagements/${ruEngagementId}`)),
  },
  {
    area: 'agreements',
    what: 'generate a US agreement',
    allowed: US_TEAM,
    run: (c) => c.post(`/api/engagements/${usEngagementId}/agreements`),
    read: () => ok(owner.get(`/api/engagements/${usEngagementId}`)),
  },
  {
    area: 'agreements',
    what: 'send a US agreement',
    allowed: US_TEAM,
    prepare: () => newAgreement(usEngagementId, false),
    run: (c, ctx) => c.post(`/api/agreements/${ctx.agreement}/send`),
    read: (ctx) => ok(owner.get(`/api/agreements/${ctx.agreement}`)),
  },
  {
    area: 'agreements',
    what: 'upload a signed US agreement',
    allowed: US_TEAM,
    prepare: () => newAgreement(usEngagementId, true),
    run: (c, ctx) =>
      c.request('POST', `/api/agreements/${ctx.agreement}/signed-pdf`, '%PDF-1.4\n% signed\n%%EOF\n', {
        'content-type': 'application/pdf',
      }),
    read: (ctx) => ok(owner.get(`/api/agreements/${ctx.agreement}`)),
  },
  {
    area: 'agreements',
    what: 'accept a US agreement in the portal',
    allowed: ['creatorUS'],
    refused: { creatorRU: 404 },
    prepare: () => newAgreement(usEngagementId, true),
    run: (c, ctx) => c.post(`/api/portal/agreements/${ctx.agreement}/accept`, { fullName: 'Jess Park' }),
    read: (ctx) => ok(owner.get(`/api/agreements/${ctx.agreement}`)),
  },
  {
    area: 'agreements',
    what: 'read a sent US agreement',
    allowed: [...STAFF, 'creatorUS'],
    refused: { creatorRU: 404 },
    prepare: () => newAgreement(usEngagementId, true),
    run: (c, ctx) => c.get(`/api/agreements/${ctx.agreement}`),
  },
  // Drafts and approvals: the market's team, and the brand's stakeholders approve.
  {
    area: 'submissions',
    what: 'record a draft for a US creator',
    allowed: US_TEAM,
    run: (c) =>
      c.post(`/api/engagements/${usEngagementId}/submissions`, {
        url: `https://drafts.example.com/${next()}`,
      }),
    read: () => engagementOf(usEngagementId),
  },
  {
    area: 'submissions',
    what: 'submit a draft in the portal for the US engagement',
    allowed: ['creatorUS'],
    refused: { creatorRU: 404 },
    run: (c) =>
      c.post(`/api/portal/engagements/${usEngagementId}/submissions`, {
        url: `https://drafts.example.com/${next()}`,
      }),
    read: () => engagementOf(usEngagementId),
  },
  {
    area: 'submissions',
    what: 'approve a US creator’s draft',
    allowed: [...US_TEAM, 'stakeholder'],
    prepare: () => newDraft(usEngagementId),
    run: (c, ctx) =>
      c.post(`/api/submissions/${ctx.submission}/feedback`, { decision: 'approved', feedback: 'Lovely.' }),
    read: () => engagementOf(usEngagementId),
  },
  {
    area: 'submissions',
    what: 'ask for changes on a RU creator’s draft',
    allowed: [...RU_TEAM, 'stakeholder'],
    prepare: async () => {
      // Enough rounds in the policy that asking for changes is always within it.
      await ok(
        owner.put(`/api/campaigns/${campaign.id}/policies/RU`, {
          revisionRounds: 20,
          feedbackTurnaroundHours: 48,
          briefingStyle: 'full_upfront',
        }),
      );
      // Drafts come only from a signed creator (the signature gate): sign the RU agreement once.
      const ru = await ok(owner.get<{ signed: boolean }>(`/api/engagements/${ruEngagementId}`));
      if (!ru.signed) await signAgreementFor(owner, ruEngagementId);
      return newDraft(ruEngagementId);
    },
    run: (c, ctx) =>
      c.post(`/api/submissions/${ctx.submission}/feedback`, {
        decision: 'changes_requested',
        feedback: 'Ещё раз, пожалуйста.',
      }),
    read: () => engagementOf(ruEngagementId),
  },
  {
    area: 'submissions',
    what: 'read a US creator’s uploaded draft',
    allowed: [...STAFF, 'creatorUS'],
    refused: { creatorRU: 404 },
    prepare: async () => {
      const draft = await ok(
        as.creatorUS.request<{ id: string }>(
          'POST',
          `/api/portal/engagements/${usEngagementId}/submissions`,
          '%PDF-1.4\n% draft\n%%EOF\n',
          { 'content-type': 'application/pdf', 'x-file-name': 'draft.pdf' },
        ),
      );
      return { submission: draft.id };
    },
    run: (c, ctx) => c.get(`/api/submissions/${ctx.submission}/file`),
  },
  // The portal: a creator's own engagements only.
  {
    area: 'portal',
    what: 'read the US engagement in the portal',
    allowed: ['creatorUS'],
    refused: { ...STAFF_403, creatorRU: 404 },
    run: (c) => c.get(`/api/portal/engagements/${usEngagementId}`),
  },
  {
    area: 'portal',
    what: 'list one’s portal engagements',
    allowed: ['creatorRU', 'creatorUS'],
    run: (c) => c.get('/api/portal/engagements'),
  },
  // Measurement.
  {
    area: 'metrics',
    what: 'read the report',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/report`),
  },
  {
    area: 'metrics',
    what: 'list imports',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/imports`),
  },
  {
    area: 'metrics',
    what: 'enter figures for a US creator',
    allowed: US_TEAM,
    run: (c) =>
      c.post(`/api/engagements/${usEngagementId}/metrics`, {
        platform: 'instagram',
        reach: 100 + next(),
        source: 'Instagram insights screenshot',
      }),
    read: () => reportFigures(),
  },
  {
    area: 'metrics',
    what: 'enter figures for a RU creator',
    allowed: RU_TEAM,
    run: (c) =>
      c.post(`/api/engagements/${ruEngagementId}/metrics`, {
        platform: 'telegram',
        reach: 100 + next(),
        source: 'Статистика канала, скриншот',
      }),
    read: () => reportFigures(),
  },
  {
    area: 'metrics',
    what: 'import a post-metrics file (spans the campaign)',
    allowed: WRITERS,
    run: async (c) => {
      const res = await importCsv(c);
      if (res.status === 202) await waitForImport(res.body.id);
      return res;
    },
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/imports`)),
  },
  {
    area: 'metrics',
    what: 'undo an import',
    allowed: WRITERS,
    prepare: async () => {
      const res = await ok(importCsv(owner));
      expect(await waitForImport(res.id)).toBe('completed');
      return { import: res.id };
    },
    run: (c, ctx) => c.post(`/api/imports/${ctx.import}/undo`),
    read: (ctx) => ok(owner.get(`/api/imports/${ctx.import}`)),
  },
  {
    area: 'metrics',
    what: 'set exchange rates (shared)',
    allowed: LEADS,
    run: (c) =>
      c.put(`/api/campaigns/${campaign.id}/fx`, {
        baseCurrency: 'USD',
        rates: { RUB: 0.011, EUR: 1 + next() / 1000 },
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/fx`)),
  },
  // Audit, users and invitations.
  {
    area: 'audit',
    what: 'read the audit log',
    allowed: STAFF,
    run: (c) => c.get(`/api/audit?campaignId=${campaign.id}`),
  },
  {
    area: 'users',
    what: 'list users',
    allowed: STAFF,
    run: (c) => c.get('/api/users'),
  },
  {
    area: 'mail',
    what: 'see the e-mail settings',
    allowed: ADMINS,
    run: (c) => c.get('/api/admin/mail'),
  },
  {
    // Admins pass the permission check and learn that e-mail is off here (no SMTP_URL): 409.
    area: 'mail',
    what: 'send a test e-mail',
    allowed: [],
    refused: { owner: 409, admin: 409 },
    run: (c) => c.post('/api/admin/mail/test'),
  },
  // Webhooks: workspace-wide events leave the server, so owners and admins only. A public address
  // literal (no DNS) and an event these tests never cause.
  {
    area: 'webhooks',
    what: 'list webhooks',
    allowed: ADMINS,
    run: (c) => c.get('/api/webhooks'),
  },
  {
    area: 'webhooks',
    what: 'register a webhook',
    allowed: ADMINS,
    run: (c) => c.post('/api/webhooks', { url: WEBHOOK_URL, events: ['import.undone'] }),
    read: () => ok(owner.get('/api/webhooks')),
  },
  {
    area: 'webhooks',
    what: 'read a webhook and its deliveries',
    allowed: ADMINS,
    prepare: async () => ({ hook: await addWebhook() }),
    run: async (c, ctx) => {
      const res = await c.get(`/api/webhooks/${ctx.hook}`);
      return res.status === 200 ? c.get(`/api/webhooks/${ctx.hook}/deliveries`) : res;
    },
  },
  {
    area: 'webhooks',
    what: 'pause a webhook',
    allowed: ADMINS,
    prepare: async () => ({ hook: await addWebhook() }),
    run: (c, ctx) => c.patch(`/api/webhooks/${ctx.hook}`, { status: 'paused' }),
    read: (ctx) => ok(owner.get(`/api/webhooks/${ctx.hook}`)),
  },
  {
    area: 'webhooks',
    what: 'send a test delivery',
    allowed: ADMINS,
    prepare: async () => ({ hook: await addWebhook() }),
    run: (c, ctx) => c.post(`/api/webhooks/${ctx.hook}/test`),
    read: (ctx) => ok(owner.get(`/api/webhooks/${ctx.hook}/deliveries`)),
  },
  {
    area: 'webhooks',
    what: 'delete a webhook',
    allowed: ADMINS,
    prepare: async () => ({ hook: await addWebhook() }),
    run: (c, ctx) => c.delete(`/api/webhooks/${ctx.hook}`),
    read: (ctx) => ok(owner.get(`/api/webhooks/${ctx.hook}`)),
  },
  {
    area: 'users',
    what: 'invite a US member',
    allowed: [...ADMINS, 'leadUS'],
    run: (c) =>
      c.post('/api/invites', { email: `invitee-${next()}@tandem.test`, role: 'member', marketCodes: ['US'] }),
  },
  {
    area: 'users',
    what: 'change a user’s markets',
    allowed: ADMINS,
    run: (c) => c.patch(`/api/users/${spareUser.id}`, { marketCodes: next() % 2 ? ['US'] : ['RU'] }),
    read: () => ok(owner.get('/api/users')),
  },
  // Escalations: everyone on staff reads them, the teams raise them (not stakeholders), and the
  // person holding one (here the owner) or an admin decides it.
  {
    area: 'escalations',
    what: 'list the campaign’s escalations',
    allowed: STAFF,
    run: (c) => c.get(`/api/campaigns/${campaign.id}/escalations`),
  },
  {
    area: 'escalations',
    what: 'read an escalation',
    allowed: STAFF,
    prepare: async () => ({ escalation: await raiseAsOwner() }),
    run: (c, ctx) => c.get(`/api/escalations/${ctx.escalation}`),
  },
  {
    area: 'escalations',
    what: 'raise an escalation from a US task',
    allowed: WRITERS,
    prepare: async () => {
      await escalationRuleReady();
      return {};
    },
    run: (c) =>
      c.post(`/api/campaigns/${campaign.id}/escalations`, {
        ruleId: 'creative',
        summary: `Keep the claim? ${next()}`,
        entityType: 'task',
        entityId: usTaskId,
      }),
    read: () => ok(owner.get(`/api/campaigns/${campaign.id}/escalations`)),
  },
  {
    area: 'escalations',
    what: 'decide an escalation the owner holds',
    allowed: ADMINS,
    prepare: async () => ({ escalation: await raiseAsOwner() }),
    run: (c, ctx) => c.post(`/api/escalations/${ctx.escalation}/decision`, { decision: `Go ${next()}` }),
    read: (ctx) => ok(owner.get(`/api/escalations/${ctx.escalation}`)),
  },
  // Notifications: everyone, creators included, has their own inbox, settings and stream.
  {
    area: 'notifications',
    what: 'read my notifications',
    allowed: ROLES,
    run: (c) => c.get('/api/notifications?unread=true'),
  },
  {
    area: 'notifications',
    what: 'mark all my notifications read',
    allowed: ROLES,
    run: (c) => c.post('/api/notifications/read', { all: true }),
  },
  {
    area: 'notifications',
    what: 'read my notification settings',
    allowed: ROLES,
    run: (c) => c.get('/api/me/notification-settings'),
  },
  {
    area: 'notifications',
    what: 'change my notification settings',
    allowed: ROLES,
    run: (c) => c.put('/api/me/notification-settings', { digest: next() % 2 ? 'daily' : 'off' }),
  },
  {
    area: 'notifications',
    what: 'open my event stream',
    allowed: ROLES,
    run: (c) => openStream(c, '/api/me/events'),
  },
];

/** The status of an event stream, closed as soon as it answers (its body never ends). */
async function openStream(client: Client, path: string): Promise<Response<unknown>> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}${path}`, {
    headers: { cookie: client.cookie ?? '', accept: 'text/event-stream' },
    signal: controller.signal,
  });
  controller.abort();
  return { status: res.status, body: '', headers: res.headers };
}

let escalationRule: Promise<unknown> | undefined;

/** One escalation rule in the brief, decided by the owner (set once). */
function escalationRuleReady() {
  escalationRule ??= (async () => {
    const brief = await ok(
      owner.get<{ sections: Array<{ key: string; dataRevision: number }> }>(
        `/api/campaigns/${campaign.id}/brief`,
      ),
    );
    const revision = brief.sections.find((s) => s.key === 'escalation')?.dataRevision ?? 0;
    await ok(
      owner.put(`/api/campaigns/${campaign.id}/brief/sections/escalation/data`, {
        baseRevision: revision,
        data: {
          rules: [
            {
              id: 'creative',
              decision: { en: 'Creative dispute' },
              deciderId: ownerUser.id,
              withinMinutes: 60,
            },
          ],
        },
      }),
    );
  })();
  return escalationRule;
}

async function raiseAsOwner() {
  await escalationRuleReady();
  return (
    await ok(
      owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/escalations`, {
        ruleId: 'creative',
        summary: `Question ${next()}`,
      }),
    )
  ).id;
}

beforeAll(async () => {
  server = await startServer();
  ({ client: owner, user: ownerUser } = await setupOwner(server.url));
  as.owner = owner;
  const team: Array<[Role, Parameters<typeof buildUser>[1]]> = [
    ['admin', { role: 'admin' }],
    ['leadRU', { role: 'market_lead', marketCodes: ['RU'] }],
    ['leadUS', { role: 'market_lead', marketCodes: ['US'] }],
    ['memberRU', { role: 'member', marketCodes: ['RU'] }],
    ['memberUS', { role: 'member', marketCodes: ['US'] }],
    ['stakeholder', { role: 'stakeholder' }],
  ];
  for (const [role, options] of team) {
    const built = await buildUser(owner, options);
    as[role] = built.client;
  }
  spareUser = (await buildUser(owner, { role: 'member', marketCodes: ['RU'] })).user;
  campaign = await buildCampaign(owner, { markets: [...RU_US_MARKETS, DE_MARKET] });
  ruCreatorId = await addCreator('RU', 'Анна Смирнова');
  usCreatorId = await addCreator('US', 'Jess Park');
  ruEngagementId = await engage(ruCreatorId, 'RUB');
  usEngagementId = await engage(usCreatorId, 'USD');
  for (const [role, creatorId, market, name] of [
    ['creatorRU', ruCreatorId, 'RU', 'Анна Смирнова'],
    ['creatorUS', usCreatorId, 'US', 'Jess Park'],
  ] as const) {
    const portal = await portalUser(creatorId, market, name);
    as[role] = portal.client;
  }
  usTaskId = (
    await ok(
      owner.post<{ id: string }>(`/api/campaigns/${campaign.id}/tasks`, {
        title: 'Send the US brief',
        ownerId: ownerUser.id,
        marketCode: 'US',
      }),
    )
  ).id;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe.each(CASES)('$area: $what', (c) => {
  it.each(ROLES)('%s', async (role) => {
    const ctx = (await c.prepare?.()) ?? {};
    const before = c.read ? await c.read(ctx) : undefined;
    const audit = await lastAuditId();
    const res = await c.run(as[role], ctx);
    const detail = `${role} → ${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 200) : JSON.stringify(res.body)}`;
    if (c.allowed.includes(role)) {
      expect(res.status, detail).toBeGreaterThanOrEqual(200);
      expect(res.status, detail).toBeLessThan(300);
      await c.after?.(ctx);
    } else {
      expect(res.status, detail).toBe(c.refused?.[role] ?? 403);
      if (c.read) expect(await c.read(ctx)).toEqual(before);
      expect(await lastAuditId()).toBe(audit);
    }
  });
});

describe('market scope, in detail', () => {
  it('names the markets a lead may not touch, in the caller’s language', async () => {
    const ru = new Client(server.url, 'ru');
    ru.cookie = as.leadRU.cookie;
    const res = await patchCampaign(ru, (current) => ({
      markets: marketsOf(current).map((m) => (m.code === 'US' ? { ...m, currency: 'EUR' } : m)),
    }));
    expect(res.status).toBe(403);
    const body = res.body as ErrorBody;
    expect(body.error.code).toBe('market_not_yours');
    expect(body.error.message).toBe('Менять это могут только администраторы и команда рынка US.');
    const en = await as.leadRU.patch<ErrorBody>(`/api/engagements/${usEngagementId}`, {
      version: (await engagementOf(usEngagementId)).version,
      fee: { amount: 1, currency: 'USD' },
    });
    expect(en.status).toBe(403);
    expect(en.body.error).toMatchObject({
      code: 'market_not_yours',
      message: 'Only admins and the team of market US may change this.',
    });
  });

  it('keeps a market’s name when a lead sends its markets without names', async () => {
    const current = await currentCampaign();
    const res = await as.leadRU.patch<CampaignBody>(`/api/campaigns/${campaign.id}`, {
      version: current.version,
      markets: marketsOf(current).map(({ name: _name, ...m }) => m),
      brand: 'Northwind Wellness Co.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.markets.map((m) => m.name)).toEqual(current.markets.map((m) => m.name));
    expect(res.body.version).toBe(current.version + 1);
  });

  it('refuses a campaign PATCH without a version (400) or with a stale one (409), and changes nothing', async () => {
    const current = await currentCampaign();
    const missing = await owner.patch<ErrorBody>(`/api/campaigns/${campaign.id}`, { name: 'No version' });
    expect(missing.status).toBe(400);
    const fresh = await owner.patch<CampaignBody>(`/api/campaigns/${campaign.id}`, {
      name: 'Calm Mornings',
      version: current.version,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(current.version + 1);
    const stale = await as.leadUS.patch<ErrorBody>(`/api/campaigns/${campaign.id}`, {
      name: 'Overwritten',
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(await currentCampaign()).toMatchObject({ name: 'Calm Mornings', version: current.version + 1 });
  });

  it('refuses a roster file with creators of a market the importer does not work in, whole', async () => {
    const before = (await ok(owner.get<{ creators: unknown[] }>('/api/creators'))).creators.length;
    const res = await as.memberRU.request<ErrorBody>(
      'POST',
      '/api/creators/import',
      'name,market,language,time_zone\nМария,RU,ru,Europe/Moscow\nTom,US,en,America/Chicago\n',
      { 'content-type': 'text/csv' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('market_not_yours');
    expect((await ok(owner.get<{ creators: unknown[] }>('/api/creators'))).creators).toHaveLength(before);
  });

  it('shows a creator only their own engagements in the portal', async () => {
    const ru = await ok(as.creatorRU.get<{ engagements: Array<{ id: string }> }>('/api/portal/engagements'));
    expect(ru.engagements.map((e) => e.id)).toEqual([ruEngagementId]);
    const us = await ok(as.creatorUS.get<{ engagements: Array<{ id: string }> }>('/api/portal/engagements'));
    expect(us.engagements.map((e) => e.id)).toEqual([usEngagementId]);
    expect((await as.creatorRU.get(`/api/portal/engagements/${usEngagementId}`)).status).toBe(404);
    expect((await as.creatorRU.get(`/api/engagements/${ruEngagementId}`)).status).toBe(403);
    expect((await as.creatorRU.get(`/api/campaigns/${campaign.id}/engagements`)).status).toBe(403);
    expect((await as.creatorRU.get('/api/creators')).status).toBe(403);
  });
});
