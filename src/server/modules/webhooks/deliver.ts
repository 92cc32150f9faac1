import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { VERSION } from '../../version.ts';
import { PING_EVENT } from './events.ts';
import { pauseForFailures } from './pause-for-failures.ts';
import { queueAttempt } from './queue-delivery.ts';
import { DELIVERY_TIMEOUT_MS, FAILURES_BEFORE_PAUSE, retryDelay, webhookSettings } from './settings.ts';
import { webhookDeliveries, webhooks } from './tables.ts';
import { type ResolvedTarget, resolveTarget, TargetRefused } from './target-address.ts';

export const SIGNATURE_HEADER = 'X-Tandem-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as receivers verify it. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

const RESPONSE_EXCERPT = 300;

/**
 * POSTs the body to the address that was checked (the socket never asks DNS again), follows no
 * redirect (a 3xx is a failure), and gives up after DELIVERY_TIMEOUT_MS.
 */
function post(
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Outcome> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        signal: AbortSignal.any([signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
              { address: target.address, family: target.family },
            ]);
          else callback(null, target.address, target.family);
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (excerpt.length < RESPONSE_EXCERPT) excerpt += chunk;
          else response.destroy();
        });
        const finish = () => {
          const ok = statusCode >= 200 && statusCode < 300;
          const text = excerpt.slice(0, RESPONSE_EXCERPT).trim();
          resolve({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}${text ? `: ${text}` : ''}` });
        };
        response.on('end', finish);
        response.on('close', finish);
      },
    );
    request.on('error', (error) => {
      const timedOut = error.name === 'AbortError' && !signal.aborted;
      resolve({
        ok: false,
        statusCode: null,
        error: timedOut ? `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : error.message,
      });
    });
    request.end(body);
  });
}

/**
 * One attempt of one delivery (job webhooks.deliver). The HTTP request runs outside any
 * transaction; its outcome is recorded only if the delivery is still where this attempt found it
 * (a redelivery or a deletion in the meantime wins).
 */
export async function attemptDelivery(db: Db, deliveryId: string, signal: AbortSignal): Promise<void> {
  const [found] = await db
    .select({ delivery: webhookDeliveries, webhook: webhooks })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!found) return;
  const { delivery, webhook } = found;
  const ping = delivery.event === PING_EVENT;
  // A paused webhook keeps its deliveries pending; resuming queues them again. A test ping goes
  // anyway: it is how an admin checks that a paused target is back.
  if (delivery.status !== 'pending' || (webhook.status !== 'active' && !ping)) return;

  const settings = webhookSettings(db);
  let outcome: Outcome;
  try {
    const target = await resolveTarget(webhook.url, settings.allowPrivateNetworks);
    outcome = await post(
      target,
      delivery.body,
      {
        'content-type': 'application/json',
        'user-agent': `Tandem-Webhooks/${VERSION}`,
        [SIGNATURE_HEADER]: sign(webhook.secret, delivery.body),
        'X-Tandem-Event': delivery.event,
        'X-Tandem-Delivery': delivery.id,
      },
      signal,
    );
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    outcome = { ok: false, statusCode: null, error: `Refused (${error.problem}): ${error.message}` };
  }
  // Shutting down: the attempt did not really happen; the job runs again after the restart.
  if (signal.aborted) throw new Error('stopped before the delivery finished');

  const attempts = delivery.attempts + 1;
  const final = outcome.ok || ping || attempts >= settings.maxAttempts;
  const nextAttemptAt = final ? null : new Date(Date.now() + retryDelay(settings, attempts));
  await db.transaction(async (tx) => {
    const [recorded] = await tx
      .update(webhookDeliveries)
      .set({
        status: outcome.ok ? 'delivered' : final ? 'failed' : 'pending',
        attempts,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 1000) ?? null,
        lastAttemptAt: sql`now()`,
        nextAttemptAt,
        deliveredAt: outcome.ok ? sql`now()` : null,
      })
      .where(
        and(
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.status, 'pending'),
          eq(webhookDeliveries.attempts, delivery.attempts),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (!recorded || ping) return;
    if (outcome.ok) {
      await tx
        .update(webhooks)
        .set({ consecutiveFailures: 0 })
        .where(and(eq(webhooks.id, webhook.id), gt(webhooks.consecutiveFailures, 0)));
      return;
    }
    if (!final) {
      await queueAttempt(tx, delivery.id, attempts, nextAttemptAt ?? undefined);
      return;
    }
    const [counted] = await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
      .where(eq(webhooks.id, webhook.id))
      .returning();
    if (counted && counted.status === 'active' && counted.consecutiveFailures >= FAILURES_BEFORE_PAUSE)
      await pauseForFailures(tx, counted, outcome.error ?? '');
  });
}
