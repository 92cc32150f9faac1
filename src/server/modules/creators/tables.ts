import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'telegram', 'vk', 'other'] as const;
export const ENGAGEMENT_STATUSES = [
  'shortlisted',
  'contacted',
  'tentative',
  'confirmed',
  'agreement_sent',
  'signed',
  'in_production',
  'draft_submitted',
  'revising',
  'approved',
  'live',
  'reported',
  'declined',
  'dropped',
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export interface Channel {
  platform: (typeof PLATFORMS)[number];
  handle: string;
  url?: string;
  followers?: number;
  averageViews?: number;
  engagementRate?: number;
}

export interface Deliverable {
  id: string;
  platform: (typeof PLATFORMS)[number];
  format: string;
  count: number;
  /** UTC instant; shown in the creator's zone. */
  dueAt: string | null;
  /** The zone the due time was agreed in. */
  dueZone: string | null;
}

export const creators = pgTable('creators', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  marketCode: text('market_code').notNull(),
  language: text('language').notNull(),
  timeZone: text('time_zone').notNull(),
  channels: jsonb('channels').$type<Channel[]>().notNull().default([]),
  contact: jsonb('contact')
    .$type<{ email?: string; phone?: string; telegram?: string }>()
    .notNull()
    .default({}),
  notes: text('notes').notNull().default(''),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  /** The creator's own account for the portal, once they accepted an invitation. */
  userId: uuid('user_id').references(() => users.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Workspace defaults per market code; a campaign copies them and may change its own. */
export const policyDefaults = pgTable('policy_defaults', {
  marketCode: text('market_code').primaryKey(),
  revisionRounds: integer('revision_rounds').notNull(),
  feedbackTurnaroundHours: integer('feedback_turnaround_hours').notNull(),
  briefingStyle: text('briefing_style', { enum: ['full_upfront', 'iterative'] }).notNull(),
  communicationNotes: text('communication_notes').notNull().default(''),
});

export const marketPolicies = pgTable(
  'market_policies',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    marketCode: text('market_code').notNull(),
    revisionRounds: integer('revision_rounds').notNull(),
    feedbackTurnaroundHours: integer('feedback_turnaround_hours').notNull(),
    briefingStyle: text('briefing_style', { enum: ['full_upfront', 'iterative'] }).notNull(),
    communicationNotes: text('communication_notes').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.marketCode] })],
);

export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => creators.id),
    status: text('status', { enum: ENGAGEMENT_STATUSES }).notNull().default('shortlisted'),
    feeAmount: numeric('fee_amount', { precision: 14, scale: 2 }).notNull().default('0'),
    feeCurrency: text('fee_currency').notNull(),
    promoCode: text('promo_code'),
    goLiveFrom: timestamp('go_live_from', { withTimezone: true }),
    goLiveTo: timestamp('go_live_to', { withTimezone: true }),
    usageRights: text('usage_rights').notNull().default(''),
    exclusivity: text('exclusivity').notNull().default(''),
    paymentTerms: text('payment_terms').notNull().default(''),
    /** Ratings 0–5 per selection criterion of the brief, with the reason: {criterionId: {score, note}}. */
    ratings: jsonb('ratings').$type<Record<string, { score: number; note: string }>>().notNull().default({}),
    /** When the creator should have answered the offer (signed) by; past it unsigned, they are flagged. */
    respondBy: timestamp('respond_by', { withTimezone: true }),
    /** The first live post: its link and when it really went live (the launch is judged on this). */
    postUrl: text('post_url'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    postSource: text('post_source', { enum: ['team', 'portal', 'import'] }),
    postedBy: uuid('posted_by').references(() => users.id),
    /** Why it went past the signature gate unsigned, and who let it (null: it never did). */
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by').references(() => users.id),
    overrideAt: timestamp('override_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('engagements_campaign_creator').on(t.campaignId, t.creatorId),
    index('engagements_creator_idx').on(t.creatorId),
    index('engagements_post_url_idx').on(t.campaignId, t.postUrl),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    /** The filled-in text, frozen when generated. */
    body: text('body').notNull(),
    terms: jsonb('terms').notNull(),
    status: text('status', { enum: ['draft', 'sent', 'signed', 'superseded'] })
      .notNull()
      .default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedName: text('signed_name'),
    signedIp: text('signed_ip'),
    signedMethod: text('signed_method', { enum: ['portal', 'uploaded_pdf'] }),
    signedPdf: bytea('signed_pdf'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('agreements_engagement_version').on(t.engagementId, t.version)],
);

/** One draft (a round of content approval) and the team's answer to it. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    file: bytea('file'),
    note: text('note').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    /** When the team owes an answer, by the market policy's turnaround. */
    feedbackDueAt: timestamp('feedback_due_at', { withTimezone: true }).notNull(),
    decision: text('decision', { enum: ['approved', 'changes_requested'] }),
    feedback: text('feedback'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    feedbackBy: uuid('feedback_by').references(() => users.id),
    overrideReason: text('override_reason'),
  },
  (t) => [unique('submissions_engagement_round').on(t.engagementId, t.round)],
);

/**
 * What the creator owes, one row per line of the engagement ("2 × reel on Instagram by …"): its
 * own table so reminders and late lists can query due times. `dueZone` is the zone the date was
 * agreed in (the creator's), so it can be shown "as agreed" beside the reader's zone.
 */
export const deliverables = pgTable(
  'deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    format: text('format').notNull(),
    count: integer('count').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    dueZone: text('due_zone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deliverables_engagement_position').on(t.engagementId, t.position),
    index('deliverables_campaign_due_idx').on(t.campaignId, t.dueAt),
    index('deliverables_due_idx').on(t.dueAt).where(sql`${t.dueAt} is not null`),
  ],
);
