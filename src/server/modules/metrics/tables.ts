import { bigint, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';
import { engagements } from '../creators/tables.ts';

export const IMPORT_FORMATS = ['shopify-orders', 'post-metrics'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    status: text('status', { enum: ['uploading', 'processing', 'completed', 'failed', 'undone'] }).notNull(),
    fileName: text('file_name'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    /** The first errors, by line; the count of all is rowsRejected. */
    errors: jsonb('errors').$type<Array<{ line: number; message: string }>>().notNull().default([]),
    failure: text('failure'),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Touched after every batch: an import silent for long belongs to a process that died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('imports_campaign_idx').on(t.campaignId, t.createdAt)],
);

/** One shop order (Shopify exports one row per line item; they are grouped by `Name`). */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'cascade' }),
    orderName: text('order_name').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    currency: text('currency').notNull(),
    subtotal: numeric('subtotal', { precision: 14, scale: 2 }).notNull(),
    total: numeric('total', { precision: 14, scale: 2 }).notNull(),
    discountCode: text('discount_code'),
    discountAmount: numeric('discount_amount', { precision: 14, scale: 2 }).notNull().default('0'),
    lineItems: integer('line_items').notNull(),
    quantity: integer('quantity').notNull(),
    /** The creator whose promo code the order used, if any. */
    engagementId: uuid('engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('orders_campaign_engagement_idx').on(t.campaignId, t.engagementId),
    index('orders_import_idx').on(t.importId),
  ],
);

/** A measurement of one post: imported from a platform export or entered by hand (who, from what source). */
export const postMetrics = pgTable(
  'post_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'cascade' }),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    postUrl: text('post_url'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
    reach: bigint('reach', { mode: 'number' }),
    impressions: bigint('impressions', { mode: 'number' }),
    views: bigint('views', { mode: 'number' }),
    likes: bigint('likes', { mode: 'number' }),
    comments: bigint('comments', { mode: 'number' }),
    shares: bigint('shares', { mode: 'number' }),
    saves: bigint('saves', { mode: 'number' }),
    clicks: bigint('clicks', { mode: 'number' }),
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_metrics_campaign_engagement_idx').on(t.campaignId, t.engagementId, t.measuredAt)],
);

/** Exchange rates fixed for a campaign: 1 unit of `currency` = `rate` units of the base currency. */
export const campaignFx = pgTable('campaign_fx', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  baseCurrency: text('base_currency').notNull(),
  rates: jsonb('rates').$type<Record<string, number>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
