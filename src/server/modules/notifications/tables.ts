import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';

/**
 * One message for one person. Stored as a kind and its parameters, not as text: title and body
 * are rendered when read, in the recipient's language and zone of that moment.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Everything the message needs to be written: names, instants (ISO), zones, counts. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** Path inside the app ("/campaigns/…/tasks/…"), made absolute with PUBLIC_URL in e-mail. */
    link: text('link').notNull(),
    campaignId: uuid('campaign_id'),
    marketCode: text('market_code'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    urgent: boolean('urgent').notNull().default(false),
    /** One notification per key and person: reminders and sweeps repeat safely. */
    dedupeKey: text('dedupe_key'),
    /** False when the person turned in-app off for the kind (kept for e-mail and the digest). */
    inApp: boolean('in_app').notNull().default(true),
    /** none | queued (a mail job exists) | digest (waits for the daily digest) | sent | skipped */
    emailStatus: text('email_status', { enum: ['none', 'queued', 'digest', 'sent', 'skipped'] })
      .notNull()
      .default('none'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc(), t.id),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null and ${t.inApp}`),
    uniqueIndex('notifications_user_dedupe_idx').on(t.userId, t.dedupeKey),
    index('notifications_digest_idx').on(t.userId).where(sql`${t.emailStatus} = 'digest'`),
  ],
);

export interface KindSetting {
  inApp: boolean;
  email: boolean;
}

export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Only the kinds the person changed; every other kind uses its default. */
  kinds: jsonb('kinds').$type<Record<string, KindSetting>>().notNull().default({}),
  digest: text('digest', { enum: ['off', 'daily'] })
    .notNull()
    .default('off'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
