import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CampaignEvent } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { fetchTask, trackerKeys } from '../../api/tracker.ts';
import { useCampaignEvents } from '../campaign/campaign-events.ts';
import { applyServerTask, findCachedTask, removeTaskEverywhere } from './task-cache.ts';

/** Past this many changed tasks in one burst, refetching the columns is cheaper than one read each. */
const BURST_LIMIT = 25;

async function refreshTasks(queryClient: QueryClient, campaignId: string, ids: string[]) {
  if (ids.length > BURST_LIMIT) {
    await queryClient.invalidateQueries({ queryKey: trackerKeys.tasks(campaignId) });
    return;
  }
  await Promise.all(
    ids.map(async (id) => {
      try {
        const detail = await fetchTask(id);
        const { comments: _comments, watchers: _watchers, ...task } = detail;
        applyServerTask(queryClient, campaignId, task);
        if (queryClient.getQueryData(trackerKeys.task(campaignId, id)))
          queryClient.setQueryData(trackerKeys.task(campaignId, id), detail);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          removeTaskEverywhere(queryClient, campaignId, id);
      }
    }),
  );
}

/**
 * Keeps the tracker and the timeline current from the campaign's event stream: a task someone
 * else changed is read once and put where it now belongs (no reload, no refetch of the board);
 * comments, watchers and milestones refetch what shows them.
 */
export function useTrackerLiveUpdates(campaignId: string) {
  const queryClient = useQueryClient();
  const pending = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);

  useCampaignEvents(campaignId, (event: CampaignEvent) => {
    if (event.type.startsWith('milestone.')) {
      void queryClient.invalidateQueries({ queryKey: trackerKeys.timeline(campaignId) });
      return;
    }
    if (!event.type.startsWith('task.')) return;
    const id = event.entityId;
    void queryClient.invalidateQueries({ queryKey: trackerKeys.myTasks });
    switch (event.type) {
      case 'task.deleted':
        removeTaskEverywhere(queryClient, campaignId, id);
        return;
      case 'task.commented':
      case 'task.watchers_changed':
        void queryClient.invalidateQueries({ queryKey: trackerKeys.task(campaignId, id) });
        return;
      case 'task.created':
        // The list's order is the server's (any sort): ask again rather than guess.
        void queryClient.invalidateQueries({ queryKey: trackerKeys.lists(campaignId) });
        break;
    }
    const version = typeof event.data?.version === 'number' ? event.data.version : null;
    const cached = findCachedTask(queryClient, campaignId, id);
    // Our own change, already applied from the answer to our request.
    if (cached && version !== null && cached.version >= version) return;
    pending.current.add(id);
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      const ids = [...pending.current];
      pending.current.clear();
      void refreshTasks(queryClient, campaignId, ids);
    }, 40);
  });
}
