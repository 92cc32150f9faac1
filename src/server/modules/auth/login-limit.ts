import { and, count, eq, gt, lt, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { knownDevices, loginFailures, users } from './tables.ts';

/**
 * Sign-in limits, counted in the database so every instance shares them:
 * at most ACCOUNT_LIMIT failed attempts per account (the e-mail as typed, known or not) and
 * ADDRESS_LIMIT per client address within a sliding WINDOW_MINUTES window. Rotating addresses
 * does not escape the account limit; one account's failures do not block another account.
 *
 * Trade-off: an attacker can keep an account locked by failing on it from anywhere. A browser that
 * signed in to that account before carries a device cookie and is exempt from the account limit
 * (still bound by its address limit), so the real user keeps signing in from their own browser.
 * From a new browser, a reset link (from an admin, or by e-mail) also works: using it clears the
 * account's counter.
 */
export const ACCOUNT_LIMIT = 10;
export const ADDRESS_LIMIT = 50;
export const WINDOW_MINUTES = 15;
export const DEVICE_COOKIE = 'tandem_device';
export const DEVICE_DAYS = 365;

const windowStart = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;

async function failuresSince(
  db: DbOrTx,
  column: typeof loginFailures.account | typeof loginFailures.address,
  key: string,
) {
  const [row] = await db
    .select({
      n: count(),
      retryAfter: sql<
        number | null
      >`ceil(extract(epoch from (${min(loginFailures.at)} + make_interval(mins => ${WINDOW_MINUTES}) - now())))::int`,
    })
    .from(loginFailures)
    .where(and(eq(column, key), gt(loginFailures.at, windowStart)));
  return { n: Number(row?.n ?? 0), retryAfter: Math.max(1, Number(row?.retryAfter ?? 1)) };
}

/** Throws 429 `rate_limited` (with the seconds to wait) when the address or the account is locked. */
export async function enforceLoginLimit(
  db: DbOrTx,
  account: string,
  address: string,
  trustedDevice: boolean | null,
): Promise<void> {
  const byAddress = await failuresSince(db, loginFailures.address, address);
  if (byAddress.n >= ADDRESS_LIMIT) throw limited(byAddress.retryAfter);
  if (trustedDevice) return;
  const byAccount = await failuresSince(db, loginFailures.account, account);
  if (byAccount.n >= ACCOUNT_LIMIT) throw limited(byAccount.retryAfter);
}

const limited = (seconds: number) => new AppError(429, 'rate_limited', 'error.rate_limited', { seconds });

export async function recordLoginFailure(db: DbOrTx, account: string, address: string): Promise<void> {
  await db.insert(loginFailures).values({ account, address });
  // Rows older than the window count for nothing: prune this key's, keeping the table small.
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.account, account), lt(loginFailures.at, windowStart)));
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.address, address), lt(loginFailures.at, windowStart)));
}

/** A successful sign-in (or reset) clears that account's counter only, never the address's. */
export async function clearAccountFailures(db: DbOrTx, account: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.account, account));
}

/** Whether the device cookie belongs to a browser that signed in to this account before. */
export async function isKnownDevice(
  db: DbOrTx,
  cookie: string | undefined,
  account: string,
): Promise<boolean> {
  if (!cookie) return false;
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(and(eq(knownDevices.tokenHash, hashSecret(cookie)), eq(users.email, account)));
  return Boolean(row);
}

/** Remembers this browser for the user; returns a new cookie value, or null to keep the current one. */
export async function rememberDevice(
  db: DbOrTx,
  userId: string,
  cookie: string | undefined,
): Promise<string | null> {
  if (cookie) {
    const touched = await db
      .update(knownDevices)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(knownDevices.tokenHash, hashSecret(cookie)), eq(knownDevices.userId, userId)))
      .returning({ userId: knownDevices.userId });
    if (touched.length > 0) return null;
  }
  const fresh = newSecret();
  await db.insert(knownDevices).values({ tokenHash: hashSecret(fresh), userId });
  return fresh;
}
