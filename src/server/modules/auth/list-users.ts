import type { Db } from '../../db/index.ts';
import { iso } from './present.ts';
import { users } from './tables.ts';

/** A user as colleagues see them (`GET /api/users`), with whether the account is active. */
export function presentListedUser(row: typeof users.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    markets: row.marketCodes,
    locale: row.locale,
    timeZone: row.timeZone,
    active: row.deactivatedAt === null,
    deactivatedAt: iso(row.deactivatedAt),
  };
}

export async function listUsers(db: Db) {
  const rows = await db.select().from(users).orderBy(users.createdAt);
  return rows.map(presentListedUser);
}
