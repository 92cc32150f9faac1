import type { Role } from '../../src/server/modules/auth/tables.ts';
import { Client } from './client.ts';

export interface UserBody {
  id: string;
  email: string;
  name: string;
  locale: 'en' | 'ru';
  timeZone: string;
  role: Role;
  markets: string[];
}

export const PASSWORD = 'correct horse battery staple';

/** Creates the owner of a fresh instance and returns a signed-in client. */
export async function setupOwner(
  baseUrl: string,
  overrides: Partial<{ name: string; email: string; locale: 'en' | 'ru'; timeZone: string }> = {},
) {
  const client = new Client(baseUrl);
  const res = await client.post<{ user: UserBody }>('/api/auth/register', {
    email: overrides.email ?? 'owner@tandem.test',
    password: PASSWORD,
    name: overrides.name ?? 'Olga Owner',
    locale: overrides.locale ?? 'en',
    timeZone: overrides.timeZone ?? 'Europe/Moscow',
  });
  if (res.status !== 201) throw new Error(`owner setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user };
}

let counter = 0;

/** Invites a user with the given role through `inviter` and registers them; returns their client. */
export async function buildUser(
  inviter: Client,
  options: { role: Role; marketCodes?: string[]; locale?: 'en' | 'ru'; timeZone?: string; name?: string },
) {
  counter += 1;
  const email = `${options.role}-${counter}-${Date.now()}@tandem.test`;
  const invite = await inviter.post<{ token: string }>('/api/invites', {
    email,
    role: options.role,
    marketCodes: options.marketCodes ?? [],
  });
  if (invite.status !== 201)
    throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const client = new Client(inviter.baseUrl);
  const res = await client.post<{ user: UserBody }>('/api/auth/register', {
    email,
    password: PASSWORD,
    name: options.name ?? `${options.role} ${counter}`,
    locale: options.locale ?? 'en',
    timeZone: options.timeZone ?? 'America/New_York',
    inviteToken: invite.body.token,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user: res.body.user };
}

export const RU_US_MARKETS = [
  { code: 'RU', language: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB', objective: 'awareness' },
  { code: 'US', language: 'en', timeZone: 'America/New_York', currency: 'USD', objective: 'conversion' },
] as const;

export interface CampaignBody {
  id: string;
  name: string;
  brand: string;
  launchWindowHours: number;
  version: number;
  languages: string[];
  markets: Array<{
    code: string;
    name: string;
    language: string;
    timeZone: string;
    currency: string;
    objective: string;
  }>;
}

/** A Russia + US campaign (or the markets given), created by `client`. */
export async function buildCampaign(
  client: Client,
  overrides: Partial<{
    name: string;
    launchWindowHours: number;
    markets: ReadonlyArray<Record<string, string>>;
  }> = {},
) {
  const res = await client.post<CampaignBody>('/api/campaigns', {
    name: overrides.name ?? 'Calm Mornings launch',
    brand: 'Northwind Wellness',
    launchWindowHours: overrides.launchWindowHours ?? 48,
    markets: overrides.markets ?? RU_US_MARKETS,
  });
  if (res.status !== 201) throw new Error(`campaign failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Generates, sends and signs (an uploaded PDF) the engagement's agreement: the creator is committed. */
export async function signAgreementFor(client: Client, engagementId: string) {
  const draft = await client.post<{ id: string }>(`/api/engagements/${engagementId}/agreements`);
  if (draft.status !== 201)
    throw new Error(`agreement failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const sent = await client.post(`/api/agreements/${draft.body.id}/send`);
  if (sent.status !== 200) throw new Error(`send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const signed = await client.request(
    'POST',
    `/api/agreements/${draft.body.id}/signed-pdf`,
    '%PDF-1.4\n%%EOF\n',
    {
      'content-type': 'application/pdf',
    },
  );
  if (signed.status !== 200) throw new Error(`sign failed: ${signed.status} ${JSON.stringify(signed.body)}`);
  return draft.body.id;
}
