// Set-up shared by the tracker benchmarks (tasks, workloads): a RU + US campaign and a small team
// to own its tasks, all through the public API.
import { api } from './api.ts';
import type { HttpClient } from './http.ts';
import { createCampaign } from './measurement.ts';

/**
 * A campaign and `members` members invited to the US market and registered, so tasks can be spread
 * over several owners. `ownerIds` starts with the signed-in owner of `http`.
 */
export async function trackerTeam(
  baseUrl: string,
  http: HttpClient,
  name: string,
  members = 3,
): Promise<{ campaignId: string; ownerIds: string[] }> {
  const me = await http.json<{ id: string }>('GET', '/api/me');
  const campaignId = await createCampaign(http, name);
  const ownerIds = [me.id];
  for (let i = 1; i <= members; i++) {
    const email = `member${i}@bench.example`;
    const invite = await http.json<{ token: string }>(
      'POST',
      '/api/invites',
      { email, role: 'member', marketCodes: ['US'] },
      201,
    );
    const registered = await api<{ user: { id: string } }>(baseUrl, 'POST', '/api/auth/register', {
      body: {
        email,
        password: 'bench-password-1234',
        name: `Member ${i}`,
        locale: 'en',
        timeZone: 'UTC',
        inviteToken: invite.token,
      },
    });
    if (registered.status !== 201)
      throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
    ownerIds.push(registered.body.user.id);
  }
  return { campaignId, ownerIds };
}
