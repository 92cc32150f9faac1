import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { announceCredentialChange } from './credential-cache.ts';
import type { Actor } from './policies.ts';
import { iso } from './present.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { apiTokens } from './tables.ts';

export async function createApiToken(db: Db, actor: Actor, name: string) {
  const token = newSecret('tdm_');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name, tokenHash: hashSecret(token) })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(tx, {
      actor,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: { name },
    });
    return { id: row.id, token };
  });
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: iso(row.createdAt)!,
    lastUsedAt: iso(row.lastUsedAt),
  }));
}

/** A user revokes their own tokens; nobody can see or revoke another user's. */
export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id)))
      .returning({ name: apiTokens.name });
    if (!row) throw new AppError(404, 'token_not_found', 'error.token_not_found');
    await announceCredentialChange(tx, actor.id);
    await recordAuditEvent(tx, {
      actor,
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: row,
    });
  });
}
