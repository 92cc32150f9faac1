// One write seen by N subscribed clients (tasks bench step 5, workloads W4): open the streams,
// send spaced writes, and time each `change` event from the write sent to the event read.
import { openSse, type SseClient } from './http.ts';
import { sleep } from './measurement.ts';

export interface SseDeliveryOptions {
  /** The campaign's event stream, absolute. */
  streamUrl: string;
  token: string;
  clients: number;
  writes: number;
  spacingMs: number;
  graceMs: number;
  /** Sends write number `w`; returns the entity its event names, or null when nothing committed. */
  write: (w: number, sent: (entityId: string) => void) => Promise<{ entityId: string; ms: number } | null>;
  /** Runs once every delivery is in (or the grace is over), while the streams are still open. */
  beforeClose?: () => void;
}

export interface SseDelivery {
  openMs: number;
  /** Milliseconds from a write sent to one client reading its event, one entry per delivery. */
  deliveries: number[];
  expected: number;
  missed: number;
  duplicates: number;
  unparsable: number;
  committedWrites: number;
  /** How long each write's request took. */
  writeMs: number[];
}

export async function measureSseDelivery(options: SseDeliveryOptions): Promise<SseDelivery> {
  const pending = new Map<string, { sentAt: number; seen: Set<number> }>();
  const deliveries: number[] = [];
  let duplicates = 0;
  let unparsable = 0;
  const streams: SseClient[] = [];
  const openStart = performance.now();
  try {
    for (let c = 0; c < options.clients; c++) {
      streams.push(
        openSse(options.streamUrl, options.token, (event) => {
          if (event.event !== 'change') return;
          let entityId: string | undefined;
          try {
            entityId = (JSON.parse(event.data) as { entityId?: string }).entityId;
          } catch {
            unparsable++;
            return;
          }
          const waiting = entityId ? pending.get(entityId) : undefined;
          if (!waiting) return;
          if (waiting.seen.has(c)) {
            duplicates++;
            return;
          }
          waiting.seen.add(c);
          deliveries.push(event.at - waiting.sentAt);
        }),
      );
    }
    await Promise.all(streams.map((s) => s.ready));
    const openMs = performance.now() - openStart;
    await sleep(200);
    const writeMs: number[] = [];
    const writeStart = performance.now();
    for (let w = 0; w < options.writes; w++) {
      const wait = writeStart + w * options.spacingMs - performance.now();
      if (wait > 0) await sleep(wait);
      let entity: string | undefined;
      const result = await options.write(w, (entityId) => {
        entity = entityId;
        pending.set(entityId, { sentAt: performance.now(), seen: new Set() });
      });
      if (result) writeMs.push(result.ms);
      // No commit, no event expected.
      else if (entity) pending.delete(entity);
    }
    const expected = pending.size * options.clients;
    const graceEnd = performance.now() + options.graceMs;
    while (deliveries.length < expected && performance.now() < graceEnd) await sleep(10);
    options.beforeClose?.();
    return {
      openMs,
      deliveries,
      expected,
      missed: expected - deliveries.length,
      duplicates,
      unparsable,
      committedWrites: pending.size,
      writeMs,
    };
  } finally {
    await Promise.all(streams.map((s) => s.close()));
  }
}
