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
 * partner (US lead) and the brand's stakeholder. Real accounts made through an invitation (so the
 * audit shows who invited whom), with generated passwords handed back once to the admin; their
 * addresses are in the reserved .invalid domain, so no mail is ever sent to them.
 */
export async function createDemoTeam(db: Db, admin: Actor, origin: string) {
  const suffix = randomBytes(3).toString('hex');
  const person = async (
    key: string,
    name: string,
    role: Role,
    marketCodes: string[],
    locale: 'en' | 'ru',
    timeZone: string,
  ): Promise<DemoPerson> => {
    const email = `${key}.${suffix}@demo.invalid`;
    const invitation = await createInvitation(db, admin, { email, role, marketCodes, locale }, origin);
    const password = `${randomBytes(9).toString('base64url')}-demo`;
    const { user } = await register(db, {
      email,
      password,
      name,
      locale,
      timeZone,
      inviteToken: invitation.token,
    });
    return { password, actor: user };
  };
  return {
    ruLead: await person('irina', 'Ирина Ковалёва', 'market_lead', ['RU'], 'ru', 'Europe/Moscow'),
    usLead: await person('megan', 'Megan Brooks', 'market_lead', ['US'], 'en', 'America/New_York'),
    stakeholder: await person('daniel', 'Daniel Kim', 'stakeholder', [], 'en', 'America/Los_Angeles'),
  };
}

export function presentDemoPeople(team: Awaited<ReturnType<typeof createDemoTeam>>) {
  return Object.values(team).map(({ actor, password }) => ({
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    marketCodes: actor.marketCodes,
    password,
  }));
}
