import { z } from 'zod';

export const LATE_KINDS = [
  'task',
  'feedback',
  'creator_deadline',
  'agreement',
  'acknowledgement',
  'escalation',
] as const;
export type LateKind = (typeof LATE_KINDS)[number];

/** The CSV and the print page: `language` picks theirs, else the caller's. */
export const retrospectiveExportQuery = z.strictObject({ language: z.enum(['en', 'ru']).optional() });

export const lateItemSchema = z.object({
  kind: z.enum(LATE_KINDS),
  /** task · submission · deliverable · engagement · brief_version · escalation */
  entityType: z.string(),
  /** The entity's id (`<campaignId>:<version>` for a brief version). */
  entityId: z.string(),
  /** A name a person recognises (task title, creator, escalation summary…), never a raw id. */
  label: z.string(),
  /** What exactly (“round 2”, “2 × reel · instagram”, “brief v3”), in the caller's language; null when the label says it all. */
  detail: z.string().nullable(),
  /** Null: campaign-wide (a task for all markets, an escalation raised without a market). */
  marketCode: z.string().nullable(),
  /** Whose it was: a team member, or the creator's portal account (null when nobody in particular). */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  /** Minutes past `dueAt` when it was done, or until now while `open`. */
  lateMinutes: z.number().int(),
  /** Not done yet and already past due. */
  open: z.boolean(),
  /** Where the item lives in the web app. */
  link: z.string().nullable(),
});
export type LateItem = z.infer<typeof lateItemSchema>;

const kindCounts = z.object(
  Object.fromEntries(LATE_KINDS.map((k) => [k, z.number().int()])) as {
    [K in LateKind]: z.ZodNumber;
  },
);

export const feedbackTurnaroundSchema = z.object({
  /** The market policy's promise (market_policies.feedback_turnaround_hours); null without a policy. */
  policyHours: z.number().nullable(),
  submissions: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  medianHours: z.number().nullable(),
  worstHours: z.number().nullable(),
  /** Unanswered drafts already past their feedback time. */
  openOverdue: z.number().int(),
  /** The promise kept: every answer in time and nothing overdue; null with no drafts to judge. */
  kept: z.boolean().nullable(),
});

export const launchMarketSchema = z.object({
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  plannedAt: z.string().nullable(),
  actualAt: z.string().nullable(),
  /** How far past plannedAt it went live (0 when on time or early); while not live and past plan, until now. */
  lateMinutes: z.number().int().nullable(),
  source: z.enum(['post', 'milestone']).nullable(),
});

export const retrospectiveSchema = z.object({
  campaignId: z.uuid(),
  campaignName: z.string(),
  generatedAt: z.string(),
  /** The markets whose rows the caller sees (a market lead or member: their own). */
  markets: z.array(z.object({ code: z.string(), name: z.string(), timeZone: z.string() })),
  launch: z.object({
    limitHours: z.number(),
    plannedSpreadHours: z.number().nullable(),
    /** Null until every market is live. */
    actualSpreadHours: z.number().nullable(),
    plannedOk: z.boolean(),
    actualOk: z.boolean().nullable(),
    markets: z.array(launchMarketSchema),
  }),
  late: z.array(lateItemSchema),
  totals: z.object({ late: z.number().int(), open: z.number().int(), byKind: kindCounts }),
  byMarket: z.record(
    z.string(),
    z.object({
      late: z.number().int(),
      open: z.number().int(),
      byKind: kindCounts,
      feedback: feedbackTurnaroundSchema,
    }),
  ),
});
export type Retrospective = z.infer<typeof retrospectiveSchema>;
