import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { creatorKeys } from '../../api/creators.ts';

export const isVersionConflict = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';

export function refreshEngagement(queryClient: QueryClient, campaignId: string, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: creatorKeys.engagement(campaignId, id) }),
    queryClient.invalidateQueries({ queryKey: creatorKeys.engagements(campaignId), exact: true }),
  ]);
}

/**
 * Saving an engagement carries the version it was read at; when someone saved first (409), the
 * latest is fetched and `conflict` is set so the screen can say so. Nothing is overwritten.
 */
export function useConflict(campaignId: string, id: string) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const handle = async (error: unknown) => {
    if (!isVersionConflict(error)) return false;
    setConflict(true);
    await refreshEngagement(queryClient, campaignId, id);
    return true;
  };
  return { conflict, clear: () => setConflict(false), handle };
}
