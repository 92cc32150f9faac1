import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/index.ts';
import type { RealtimeHub } from '../../realtime/index.ts';
import {
  type AuditAction,
  type AuditPayload,
  currentVersion,
  isAuditAction,
  payloadSchemas,
} from './catalogue.ts';
import { AUDIT_SCOPE, decodePayload, presentAuditRow } from './record-event.ts';
import { auditEvents } from './tables.ts';

interface AuditEventFor<A extends AuditAction> {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: A;
  entityType: string;
  entityId: string;
  campaignId: string | null;
  /** The payload version it was written with (always the current one: see `on`). */
  version: number;
  before: AuditPayload<A>['before'];
  after: AuditPayload<A>['after'];
}

/** A committed audit event; for several actions, a union discriminated by `action`. */
export type AuditEvent<A extends AuditAction = AuditAction> = { [K in A]: AuditEventFor<K> }[A];

export type AuditHandler<A extends AuditAction> = (event: AuditEvent<A>) => void | Promise<void>;

interface Subscription {
  actions: ReadonlySet<string> | '*';
  handler: (event: AuditEvent) => void | Promise<void>;
}

/**
 * In-process subscribers to committed audit events, the hook for notifications and webhooks.
 *
 * recordAuditEvent queues a NOTIFY (the realtime path) inside the caller's transaction, so a
 * subscriber is called after the commit and never for a change that rolled back. Events are
 * delivered one at a time in commit order; a handler that throws is logged and does not stop the
 * others. Every instance listening on the database hears every committed event: a handler whose
 * work must happen once per workspace (an e-mail, a webhook) should key it on `event.id`.
 * Delivery is in memory: an instance that dies between commit and handler loses that call, so
 * anything that must not be lost should schedule a durable job from its handler.
 */
export class AuditSubscriptions {
  private readonly subscriptions = new Set<Subscription>();
  private queue: Promise<void> = Promise.resolve();
  private detach: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<FastifyBaseLogger, 'error' | 'warn'>,
  ) {}

  attach(hub: RealtimeHub): void {
    this.detach = hub.subscribe(AUDIT_SCOPE, (envelope) => this.receive(envelope.data));
  }

  /** Calls `handler` for every committed event of these actions ('*': all); returns the unsubscribe. */
  on<A extends AuditAction = AuditAction>(actions: readonly A[] | '*', handler: AuditHandler<A>): () => void {
    const subscription: Subscription = {
      actions: actions === '*' ? '*' : new Set<string>(actions),
      handler: handler as Subscription['handler'],
    };
    this.subscriptions.add(subscription);
    return () => this.subscriptions.delete(subscription);
  }

  /** Resolves once every event heard so far has been handed to its subscribers. */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.detach?.();
    this.subscriptions.clear();
    await this.queue;
  }

  private receive(data: Record<string, unknown> | undefined): void {
    const id = data?.id;
    const action = data?.action;
    if (typeof id !== 'number' || typeof action !== 'string') return;
    const matching = [...this.subscriptions].filter((s) => s.actions === '*' || s.actions.has(action));
    if (matching.length === 0) return;
    this.queue = this.queue.then(() =>
      this.deliver(id, matching).catch((error: unknown) =>
        this.log.error({ err: error, auditEventId: id }, 'audit event delivery failed'),
      ),
    );
  }

  private async deliver(id: number, subscriptions: Subscription[]): Promise<void> {
    const [row] = await this.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    if (!row || !isAuditAction(row.action)) return;
    const decoded = decodePayload(row.action, row.before, row.after);
    const schemas = payloadSchemas(row.action, decoded.version);
    const before = schemas?.before.safeParse(decoded.before);
    const after = schemas?.after.safeParse(decoded.after);
    if (decoded.version !== currentVersion(row.action) || !before?.success || !after?.success) {
      this.log.warn(
        { auditEventId: id, action: row.action },
        'audit event payload does not match its catalogue entry',
      );
      return;
    }
    const event = presentAuditRow(row, {
      version: decoded.version,
      before: before.data,
      after: after.data,
    }) as AuditEvent;
    for (const subscription of subscriptions) {
      if (!this.subscriptions.has(subscription)) continue;
      try {
        await subscription.handler(event);
      } catch (error) {
        this.log.error({ err: error, auditEventId: id, action: row.action }, 'audit event subscriber failed');
      }
    }
  }
}
