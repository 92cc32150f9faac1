import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { NOTIFICATION_KINDS, type NotificationKind, notificationKinds } from './kinds.ts';
import { type KindSetting, notificationSettings } from './tables.ts';

export type Digest = 'off' | 'daily';

export interface EffectiveSettings {
  kinds: Record<NotificationKind, KindSetting>;
  digest: Digest;
}

export function defaultSetting(kind: NotificationKind): KindSetting {
  return { inApp: true, email: notificationKinds[kind].email };
}

/** A person's channels for every kind: their choices over the kinds' defaults. */
export async function settingsOf(db: DbOrTx, userId: string): Promise<EffectiveSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  const chosen = row?.kinds ?? {};
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, chosen[kind] ?? defaultSetting(kind)]),
  ) as Record<NotificationKind, KindSetting>;
  return { kinds, digest: row?.digest ?? 'off' };
}
