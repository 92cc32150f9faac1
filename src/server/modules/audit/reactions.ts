import type { DbOrTx } from '../../db/index.ts';
import type { AuditAction, AuditPayloadInput } from './catalogue.ts';

/** An audit event as a reaction sees it: inside the transaction that wrote it, before the commit. */
interface ReactionEventFor<A extends AuditAction> {
  id: number;
  at: Date;
  actor: { id: string; name: string } | null;
  action: A;
  entityType: string;
  entityId: string;
  campaignId: string | null;
  before: AuditPayloadInput<A>['before'] | null;
  after: AuditPayloadInput<A>['after'] | null;
}

/** For several actions, a union discriminated by `action`. */
export type ReactionEvent<A extends AuditAction = AuditAction> = { [K in A]: ReactionEventFor<K> }[A];

export type Reaction<A extends AuditAction> = (tx: DbOrTx, event: ReactionEvent<A>) => Promise<void>;

interface Registered {
  name: string;
  actions: ReadonlySet<string> | '*';
  react: (tx: DbOrTx, event: ReactionEvent) => Promise<void>;
}

const reactions = new Map<string, Registered>();

/**
 * Work that must happen with a change, exactly once, or not at all: notifications, webhook
 * deliveries, follow-up jobs. A reaction runs inside the transaction that records the audit event,
 * so it commits and rolls back with the change and no instance can miss or repeat it (unlike
 * AuditSubscriptions, which are after-commit and in memory). Keep reactions cheap: they run on the
 * request's path. Registering the same name again replaces the reaction (modules are reloaded in
 * tests).
 */
export function reactToAudit<A extends AuditAction>(
  name: string,
  actions: readonly A[] | '*',
  react: Reaction<A>,
): void {
  reactions.set(name, {
    name,
    actions: actions === '*' ? '*' : new Set<string>(actions),
    react: react as Registered['react'],
  });
}

export async function runReactions(tx: DbOrTx, event: ReactionEvent): Promise<void> {
  for (const reaction of reactions.values()) {
    if (reaction.actions === '*' || reaction.actions.has(event.action)) await reaction.react(tx, event);
  }
}
