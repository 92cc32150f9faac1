import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE. References are plain
 * columns, not foreign keys, so the story of an entity survives the entity's deletion.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    campaignId: uuid('campaign_id'),
    /** The market the entity belongs to (null: the whole campaign or none). */
    marketCode: text('market_code'),
    /** The entity's name when the event was written: a renamed or deleted entity keeps its story readable. */
    entityLabel: text('entity_label'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_campaign_idx').on(t.campaignId, t.id),
    index('audit_campaign_market_idx').on(t.campaignId, t.marketCode, t.id),
    index('audit_action_idx').on(t.action, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_at_idx').on(t.at),
  ],
);
