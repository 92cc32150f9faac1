import { z } from 'zod';
import { ESCALATION_ENTITY_TYPES, ESCALATION_STATUSES } from './tables.ts';

export const escalationParams = z.strictObject({ id: z.uuid() });

export const raiseEscalationBody = z
  .strictObject({
    ruleId: z.string().min(1).max(40),
    summary: z.string().trim().min(1).max(5000),
    entityType: z.enum(ESCALATION_ENTITY_TYPES).optional(),
    entityId: z.uuid().optional(),
  })
  // Refinements name their catalogue entry (http/errors.ts turns it into the caller's language).
  .refine((body) => (body.entityType === undefined) === (body.entityId === undefined), {
    path: ['entityId'],
    message: 'escalation_entity_incomplete',
  });

export const listEscalationsQuery = z.strictObject({
  status: z.enum(ESCALATION_STATUSES).optional(),
  entityType: z.enum(ESCALATION_ENTITY_TYPES).optional(),
  entityId: z.uuid().optional(),
});

export const decisionBody = z.strictObject({
  decision: z.string().trim().min(1).max(2000),
  note: z.string().trim().max(5000).optional(),
});

const ruleSchema = z.object({
  id: z.string(),
  decision: z.record(z.string(), z.string()),
  deciderId: z.string().nullish(),
  deciderLabel: z.string().nullish(),
  withinMinutes: z.number(),
  nextId: z.string().nullish(),
  nextLabel: z.string().nullish(),
});

export const escalationStepSchema = z.object({
  at: z.string(),
  action: z.enum(['raised', 'handed_over', 'decided', 'expired', 'withdrawn']),
  /** Who acted; null for the clock. */
  userId: z.uuid().nullable(),
  /** Who holds the question after this step. */
  deciderId: z.uuid().nullable(),
  level: z.number(),
  dueAt: z.string().nullable(),
});

export const escalationSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  status: z.enum(ESCALATION_STATUSES),
  ruleId: z.string(),
  /** The rule as it stood when the escalation was raised. */
  rule: ruleSchema,
  summary: z.string(),
  entityType: z.enum(ESCALATION_ENTITY_TYPES).nullable(),
  entityId: z.uuid().nullable(),
  entityLabel: z.string().nullable(),
  marketCode: z.string().nullable(),
  raisedBy: z.uuid(),
  deciderId: z.uuid(),
  dueAt: z.string(),
  level: z.number(),
  decision: z.string().nullable(),
  note: z.string().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(escalationStepSchema),
  /** Names of everyone the escalation mentions (raiser, deciders, rule people). */
  people: z.record(z.string(), z.object({ name: z.string() })),
});

export const escalationListSchema = z.object({ escalations: z.array(escalationSchema) });

export const raisedSchema = escalationSchema;

export type Escalation = z.output<typeof escalationSchema>;
