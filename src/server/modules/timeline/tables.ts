import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';

export const MILESTONE_KINDS = ['go_live', 'deadline', 'review', 'other'] as const;

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
    /** Null: applies to all markets. */
    marketCode: text('market_code'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The zone the time was agreed in (its market's, or the one it was entered in). */
    timeZone: text('time_zone').notNull(),
    /** When it actually happened (a go-live marked done counts as the market's actual go-live). */
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('milestones_campaign_at_idx').on(t.campaignId, t.at)],
);
