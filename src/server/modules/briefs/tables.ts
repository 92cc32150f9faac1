import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';

export const SECTION_KEYS = [
  'objective',
  'guardrails',
  'selection_criteria',
  'timeline',
  'measurement',
  'escalation',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** One row per campaign: the brief's revision counter and publication state. */
export const briefs = pgTable('briefs', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull().default(0),
  publishedVersion: integer('published_version'),
  /** The brief revision the latest version froze; a newer revision means unpublished changes. */
  publishedRevision: integer('published_revision'),
});

/**
 * A section's text in one language. `basedOn` records, for each other language, the revision of
 * that language's text this one was last written or confirmed against (see README.md here).
 */
export const briefTexts = pgTable(
  'brief_texts',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key', { enum: SECTION_KEYS }).notNull(),
    language: text('language').notNull(),
    text: text('text').notNull(),
    revision: integer('revision').notNull(),
    basedOn: jsonb('based_on').$type<Record<string, number>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.sectionKey, t.language] })],
);

/** A section's structured, language-neutral content (criteria weights, KPIs, escalation rules). */
export const briefSectionData = pgTable(
  'brief_section_data',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key', { enum: SECTION_KEYS }).notNull(),
    data: jsonb('data').notNull(),
    revision: integer('revision').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.sectionKey] })],
);

export const briefVersions = pgTable(
  'brief_versions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    note: text('note'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.number] })],
);

export const briefAcknowledgements = pgTable(
  'brief_acknowledgements',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.version, t.userId] })],
);

/** Members (beyond the market leads) asked to acknowledge every version of this brief. */
export const briefAcknowledgementRequests = pgTable(
  'brief_acknowledgement_requests',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);
