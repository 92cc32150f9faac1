import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { createInvitation } from '../auth/invitations.ts';
import type { Actor } from '../auth/policies.ts';
import { register } from '../auth/register.ts';
import type { Role } from '../auth/tables.ts';

export interface DemoPerson {
  actor: Actor;
  password: string;
}

/**
 * The people of the story beside the admin who loads the demo: the Russian market lead, the US
 * partner (US lead) and the brand's stakeholder (the creators' portal accounts come with their
 * roster entries, createDemoCreatorLogin). Real accounts made through an invitation (so the
 * audit shows who invited whom), with generated passwords handed back once to the admin; their
 * addresses are in the reserved .invalid domain, so no mail is ever sent to them.
 */
export async function createDemoTeam(db: Db, admin: Actor, origin: string) {
  const suffix = randomBytes(3).toString('hex');
  const team = {
    ruLead: await demoAccount(db, admin, origin, suffix, {
      key: 'irina',
      name: 'Ирина Ковалёва',
      role: 'market_lead',
      marketCodes: ['RU'],
      locale: 'ru',
      timeZone: 'Europe/Moscow',
    }),
    usLead: await demoAccount(db, admin, origin, suffix, {
      key: 'megan',
      name: 'Megan Brooks',
      role: 'market_lead',
      marketCodes: ['US'],
      locale: 'en',
      timeZone: 'America/New_York',
    }),
    stakeholder: await demoAccount(db, admin, origin, suffix, {
      key: 'daniel',
      name: 'Daniel Kim',
      role: 'stakeholder',
      marketCodes: [],
      locale: 'en',
      timeZone: 'America/Los_Angeles',
    }),
  };
  return { ...team, suffix };
}

/**
 * A creator's portal account: invited for their roster entry and campaign (registering links the
 * account to the creator), so the portal shows their own engagement and nothing else.
 */
export function createDemoCreatorLogin(
  db: Db,
  admin: Actor,
  origin: string,
  suffix: string,
  creator: {
    key: string;
    name: string;
    creatorId: string;
    campaignId: string;
    marketCode: string;
    locale: 'en' | 'ru';
    timeZone: string;
  },
) {
  return demoAccount(db, admin, origin, suffix, {
    key: creator.key,
    name: creator.name,
    role: 'creator',
    marketCodes: [creator.marketCode],
    locale: creator.locale,
    timeZone: creator.timeZone,
    campaignId: creator.campaignId,
    creatorId: creator.creatorId,
  });
}

async function demoAccount(
  db: Db,
  admin: Actor,
  origin: string,
  suffix: string,
  input: {
    key: string;
    name: string;
    role: Role;
    marketCodes: string[];
    locale: 'en' | 'ru';
    timeZone: string;
    campaignId?: string;
    creatorId?: string;
  },
): Promise<DemoPerson> {
  const email = `${input.key}.${suffix}@demo.invalid`;
  const invitation = await createInvitation(
    db,
    admin,
    {
      email,
      role: input.role,
      marketCodes: input.marketCodes,
      locale: input.locale,
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      ...(input.creatorId ? { creatorId: input.creatorId } : {}),
    },
    origin,
  );
  const password = `${randomBytes(9).toString('base64url')}-demo`;
  const { user } = await register(db, {
    email,
    password,
    name: input.name,
    locale: input.locale,
    timeZone: input.timeZone,
    inviteToken: invitation.token,
  });
  return { password, actor: user };
}

/** Everyone's sign-in details, shown once to the admin who loaded the demo (kept nowhere else). */
export function presentDemoPeople(people: DemoPerson[]) {
  return people.map(({ actor, password }) => ({
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    marketCodes: actor.marketCodes,
    password,
  }));
}
