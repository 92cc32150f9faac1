import type { QueryClient } from '@tanstack/react-query';
import type { CampaignEvent } from './api/campaigns.ts';
import { forgetSession } from './session.ts';

export interface LiveStreamHandlers {
  /** Each `change` event, parsed (data that is not an event object is skipped). */
  onChange(event: CampaignEvent): void;
  /** The stream came back after a drop: changes may have been missed, refetch what is shown. */
  onReconnected(): void;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Opens a Server-Sent Events stream that survives outages; the campaign and the workspace streams
 * share it. The browser reconnects by itself after a network drop; a stream it gives up on (the
 * server answered something other than 200) is asked for again: a 401 means the session is gone
 * (signed out elsewhere, the account deactivated) and signs this screen out to the sign-in page;
 * any other answer is retried with exponential backoff. Returns the function that closes it.
 */
export function openLiveStream(
  url: string,
  queryClient: QueryClient,
  handlers: LiveStreamHandlers,
): () => void {
  let source: EventSource | undefined;
  let opened = false;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const start = () => {
    if (closed) return;
    const current = new EventSource(url);
    source = current;
    current.addEventListener('open', () => {
      if (opened) handlers.onReconnected();
      opened = true;
      failures = 0;
    });
    current.addEventListener('change', (message) => {
      let event: unknown;
      try {
        event = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (event !== null && typeof event === 'object' && typeof (event as CampaignEvent).type === 'string')
        handlers.onChange(event as CampaignEvent);
    });
    current.addEventListener('error', () => {
      if (current.readyState !== EventSource.CLOSED || closed) return; // the browser is retrying
      void recover();
    });
  };

  const recover = async () => {
    let status = 0;
    const probe = new AbortController();
    try {
      const res = await fetch(url, { signal: probe.signal, headers: { accept: 'text/event-stream' } });
      status = res.status;
    } catch {
      // network trouble: retry below
    } finally {
      probe.abort(); // only the status was wanted, not another open stream
    }
    if (closed) return;
    if (status === 401) {
      closed = true;
      forgetSession(queryClient);
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** failures) * (0.5 + Math.random() / 2);
    failures += 1;
    retry = setTimeout(start, delay);
  };

  start();
  return () => {
    closed = true;
    clearTimeout(retry);
    source?.close();
  };
}
