import { queryOptions } from '@tanstack/react-query';
import { api, isUnauthenticated } from './client.ts';
import type { ApiToken, Invite, TeamMember, User } from './types.ts';

export const keys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  users: ['users'] as const,
  invites: ['invites'] as const,
  tokens: ['tokens'] as const,
  audit: ['audit'] as const,
};

export const setupQuery = queryOptions({
  queryKey: keys.setup,
  queryFn: ({ signal }) => api<{ needsSetup: boolean }>('GET', '/api/setup', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

/** The signed-in user, or null when nobody is signed in (a 401 is an answer here, not an error). */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async ({ signal }): Promise<User | null> => {
    try {
      return await api<User>('GET', '/api/me', { signal });
    } catch (error) {
      if (isUnauthenticated(error)) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export const usersQuery = queryOptions({
  queryKey: keys.users,
  queryFn: ({ signal }) => api<{ users: TeamMember[] }>('GET', '/api/users', { signal }),
  select: (data) => data.users,
});

export const invitesQuery = queryOptions({
  queryKey: keys.invites,
  queryFn: ({ signal }) => api<{ invites: Invite[] }>('GET', '/api/invites', { signal }),
  select: (data) => data.invites,
});

export const tokensQuery = queryOptions({
  queryKey: keys.tokens,
  queryFn: ({ signal }) => api<{ tokens: ApiToken[] }>('GET', '/api/tokens', { signal }),
  select: (data) => data.tokens,
});
