import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { signOut } from './api/account.ts';
import { keys } from './api/queries.ts';
import type { User } from './api/types.ts';
import { navigate, safeNext } from './router/router.tsx';

/** After sign-in, registration or setup: remember who is signed in and open the app. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return (user: User, next = '/campaigns') => {
    queryClient.setQueryData(keys.setup, { needsSetup: false });
    queryClient.setQueryData(keys.me, user);
    navigate(safeNext(next), { replace: true });
  };
}

/** Signs out and forgets the account's data; `stay` keeps the current page (the invitation page). */
export function useSignOut({ stay = false }: { stay?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Whatever the server said, this screen forgets the account's data.
    onSettled: () => forgetSession(queryClient, { stay }),
  });
}

/**
 * Forgets the signed-in account's data and, unless `stay`, opens the sign-in page: after signing
 * out, or when the server says the session is gone (a live stream answered 401).
 */
export function forgetSession(queryClient: QueryClient, { stay = false }: { stay?: boolean } = {}) {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'setup' && query.queryKey[0] !== 'me',
  });
  queryClient.setQueryData(keys.me, null);
  if (!stay) navigate('/sign-in', { replace: true });
}
