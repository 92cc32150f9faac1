import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from './api/queries.ts';
import { openLiveStream } from './live-stream.ts';

/**
 * Listens to the workspace's Server-Sent Events and refetches what a change touched, so a new
 * colleague or invitation shows up on every open screen without a reload. After an outage every
 * query is refetched (changes made meanwhile were missed); a 401 signs the screen out.
 */
export function useWorkspaceEvents(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    return openLiveStream('/api/events', queryClient, {
      onReconnected: () => void queryClient.invalidateQueries(),
      onChange: (event) => {
        if (event.entityType === 'user') {
          void queryClient.invalidateQueries({ queryKey: keys.users });
          void queryClient.invalidateQueries({ queryKey: keys.invites });
        }
        if (event.entityType === 'invite') void queryClient.invalidateQueries({ queryKey: keys.invites });
        // A campaign created or changed elsewhere appears in the list (see api/campaigns.ts for its keys).
        if (event.entityType === 'campaign') void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
        void queryClient.invalidateQueries({ queryKey: keys.audit });
      },
    });
  }, [enabled, queryClient]);
}
