import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';

export const OBJECTIVES = ['awareness', 'conversion', 'engagement'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  brand: text('brand').notNull(),
  launchWindowHours: integer('launch_window_hours').notNull().default(48),
  /** How late a market may go live past its planned go-live before its lead and the owner are told. */
  launchGraceMinutes: integer('launch_grace_minutes').notNull().default(60),
  /** Optimistic concurrency for PATCH: a stale version gets 409. */
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const markets = pgTable(
  'markets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    objective: text('objective', { enum: OBJECTIVES }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [unique('markets_campaign_code').on(t.campaignId, t.code)],
);
