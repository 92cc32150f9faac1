import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { WeeklyHours } from '../../../shared/meetings/slot-finder.ts';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';

/** A user's weekly working hours in their own zone; no row means the default 09:00–18:00 Mon–Fri. */
export const workingHours = pgTable('working_hours', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hours: jsonb('hours').$type<WeeklyHours>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Someone without an account who joins meetings: a creator, a brand stakeholder, an interpreter. */
export const externalParticipants = pgTable('external_participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: text('email'),
  kind: text('kind', { enum: ['creator', 'stakeholder', 'interpreter', 'other'] }).notNull(),
  language: text('language').notNull().default('en'),
  timeZone: text('time_zone').notNull(),
  hours: jsonb('hours').$type<WeeklyHours>().notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    start: timestamp('start', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    interpreterName: text('interpreter_name'),
    /** Per language, e.g. {"en": "…", "ru": "…"}. */
    agenda: jsonb('agenda').$type<Record<string, string>>().notNull().default({}),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** RFC 5545: the UID never changes; SEQUENCE rises with every update or cancellation. */
    uid: text('uid').notNull().unique(),
    sequence: integer('sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_campaign_start_idx').on(t.campaignId, t.start)],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** `user:<id>` or `external:<id>`. */
    participantKey: text('participant_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantKey] })],
);

export const meetingDecisions = pgTable('meeting_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  taskId: uuid('task_id'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
