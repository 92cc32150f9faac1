import type { DbOrTx } from '../../db/index.ts';
import type { Actor } from '../auth/policies.ts';
import { auditEvents } from './tables.ts';

export interface AuditEntry {
  /** Null for the system itself (migrations, the demo loader). */
  actor: Pick<Actor, 'id' | 'name'> | null;
  action: string;
  entityType: string;
  entityId: string;
  campaignId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event. Call it with the transaction that makes the change, never after it. */
export async function recordAuditEvent(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    campaignId: entry.campaignId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
