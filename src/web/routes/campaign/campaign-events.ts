import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type CampaignEvent, campaignKeys } from '../../api/campaigns.ts';
import { keys } from '../../api/queries.ts';
import { openLiveStream } from '../../live-stream.ts';

/** Sent to listeners when the stream comes back after a drop: events may have been missed. */
export const RECONNECTED = 'stream.reconnected';

type Listener = (event: CampaignEvent) => void;

interface Connection {
  close: () => void;
  listeners: Set<Listener>;
}

// One stream per campaign, shared by every component that listens (the layout, the brief,
// the tracker), opened with the first listener and closed with the last.
const connections = new Map<string, Connection>();

function connect(campaignId: string, queryClient: QueryClient): Connection {
  const existing = connections.get(campaignId);
  if (existing) return existing;
  const listeners = new Set<Listener>();
  const emit = (event: CampaignEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const close = openLiveStream(`/api/campaigns/${encodeURIComponent(campaignId)}/events`, queryClient, {
    onReconnected: () => emit({ type: RECONNECTED, entityType: 'campaign', entityId: campaignId }),
    onChange: emit,
  });
  const connection: Connection = { close, listeners };
  connections.set(campaignId, connection);
  return connection;
}

/**
 * Calls `onEvent` for every committed change in the campaign (`{type, entityType, entityId,
 * scope, data}`), and with `{type: 'stream.reconnected'}` after the connection was lost and
 * came back (refetch what you show: changes may have been missed). The latest `onEvent` is
 * always used; it need not be memoised.
 */
export function useCampaignEvents(campaignId: string | undefined, onEvent: (event: CampaignEvent) => void) {
  const latest = useRef(onEvent);
  const queryClient = useQueryClient();
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!campaignId || typeof EventSource === 'undefined') return;
    const connection = connect(campaignId, queryClient);
    const listener: Listener = (event) => latest.current(event);
    connection.listeners.add(listener);
    return () => {
      connection.listeners.delete(listener);
      if (connection.listeners.size === 0) {
        connection.close();
        connections.delete(campaignId);
      }
    };
  }, [campaignId, queryClient]);
}

/** What a change means for the queries the campaign screens show. */
export function invalidateForEvent(queryClient: QueryClient, campaignId: string, event: CampaignEvent) {
  const invalidate = (queryKey: readonly unknown[], exact = false) =>
    void queryClient.invalidateQueries({ queryKey, exact });
  if (event.type === RECONNECTED) {
    invalidate(campaignKeys.all(campaignId));
    invalidate(campaignKeys.list);
    return;
  }
  switch (event.type) {
    case 'campaign.updated':
      invalidate(campaignKeys.detail(campaignId));
      invalidate(campaignKeys.list);
      // Markets (and so languages) may have changed: the brief's columns follow them.
      invalidate(campaignKeys.brief(campaignId));
      break;
    case 'brief.text_edited':
    case 'brief.translation_confirmed':
    case 'brief.data_edited':
      invalidate(campaignKeys.brief(campaignId));
      break;
    case 'brief.version_published':
      invalidate(campaignKeys.brief(campaignId));
      invalidate(campaignKeys.versions(campaignId));
      invalidate(['campaign', campaignId, 'acknowledgements']);
      break;
    case 'brief.version_acknowledged':
    case 'brief.acknowledgement_requested':
      invalidate(['campaign', campaignId, 'acknowledgements']);
      break;
  }
  invalidate(keys.audit);
}

/** The layout's subscription: keeps the campaign's header and brief current for everyone. */
export function useCampaignLiveUpdates(campaignId: string) {
  const queryClient = useQueryClient();
  useCampaignEvents(campaignId, (event) => invalidateForEvent(queryClient, campaignId, event));
}
