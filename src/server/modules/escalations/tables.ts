import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';

export const ESCALATION_STATUSES = ['open', 'decided', 'expired', 'withdrawn'] as const;
export const ESCALATION_ENTITY_TYPES = ['task', 'submission', 'engagement', 'milestone'] as const;

/** A question raised under one of the brief's escalation rules, with its clock. */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The rule's id in the brief's escalation section, and a copy of it as it was when raised. */
    ruleId: text('rule_id').notNull(),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    summary: text('summary').notNull(),
    entityType: text('entity_type', { enum: ESCALATION_ENTITY_TYPES }),
    entityId: uuid('entity_id'),
    /** The item's name when raised (shown even if it is renamed or deleted later). */
    entityLabel: text('entity_label'),
    marketCode: text('market_code'),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ESCALATION_STATUSES }).notNull().default('open'),
    deciderId: uuid('decider_id')
      .notNull()
      .references(() => users.id),
    level: integer('level').notNull().default(1),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    decision: text('decision'),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('escalations_campaign_idx').on(t.campaignId, t.createdAt),
    index('escalations_entity_idx').on(t.entityType, t.entityId),
    index('escalations_open_due_idx').on(t.dueAt).where(sql`${t.status} = 'open'`),
  ],
);

/** Every step of an escalation: raised, handed over, decided, expired. */
export const escalationSteps = pgTable(
  'escalation_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => escalations.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action', { enum: ['raised', 'handed_over', 'decided', 'expired', 'withdrawn'] }).notNull(),
    /** Who acted (null for the clock). */
    userId: uuid('user_id').references(() => users.id),
    /** Who holds the question after this step. */
    deciderId: uuid('decider_id').references(() => users.id),
    level: integer('level').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  (t) => [index('escalation_steps_escalation_idx').on(t.escalationId, t.at)],
);
