import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import type { Actor } from './policies.ts';

export const CREDENTIALS_CHANNEL = 'tandem_credentials';
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  actor: Actor;
  tokenId: string | null;
  expiresAt: number;
}

/**
 * Who a session cookie or API token belongs to, remembered for a few seconds so that an
 * authenticated read costs no database round trip. Any change to a user's credentials or
 * profile is announced with NOTIFY in the changing transaction; every instance then forgets that
 * user at once. The short TTL bounds staleness should a notification ever be missed.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /**
   * Bumped by every `forgetUser`. A lookup notes it before reading the database and passes it to
   * `set`: when a user was forgotten in between (their credentials changed while the read was in
   * flight), the possibly stale answer is not cached.
   */
  get epoch(): number {
    return this.generation;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, actor: Actor, tokenId: string | null, validUntil?: Date, epoch?: number): void {
    if (epoch !== undefined && epoch !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const expiresAt = Math.min(Date.now() + TTL_MS, validUntil?.getTime() ?? Number.POSITIVE_INFINITY);
    this.entries.set(key, { actor, tokenId, expiresAt });
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) if (entry.actor.id === userId) this.entries.delete(key);
  }
}

/** Call in the transaction that changes a user's sessions, tokens, role, markets, profile or activation. */
export async function announceCredentialChange(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CREDENTIALS_CHANNEL}, ${userId})`);
}
