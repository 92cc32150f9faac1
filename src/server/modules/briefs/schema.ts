import { z } from 'zod';
import { MAX_ESCALATION_MINUTES } from '../../../shared/escalation-duration.ts';
import { OBJECTIVES } from '../campaigns/tables.ts';
import { SECTION_KEYS, type SectionKey } from './tables.ts';

/** One short text per campaign language, e.g. `{"en": "Reach", "ru": "Охват"}`. */
const localized = z.record(z.string().regex(/^[a-z]{2}$/), z.string().max(2000));
const itemId = z.string().min(1).max(40);
const code = z.string().regex(/^[A-Z]{2,8}$/);

export const AWARENESS_KPIS = ['reach', 'impressions', 'views', 'engagement_rate', 'cpm'] as const;
export const CONVERSION_KPIS = ['clicks', 'orders', 'revenue', 'conversion_rate', 'cpa', 'roas'] as const;
export const KPI_METRICS = [...AWARENESS_KPIS, ...CONVERSION_KPIS, 'cpe', 'engagements'] as const;

/**
 * Rules written before escalations named people had free-text `decider`/`next` and `withinHours`:
 * they are read as labels (still shown) and minutes, and cannot be raised until a person is picked.
 */
function upgradeLegacyRule(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { decider, next, withinHours, ...rule } = raw as Record<string, unknown>;
  if (typeof decider === 'string' && decider.trim() && rule.deciderLabel === undefined) {
    rule.deciderLabel = decider.trim();
  }
  if (typeof next === 'string' && next.trim() && rule.nextLabel === undefined) rule.nextLabel = next.trim();
  if (typeof withinHours === 'number' && rule.withinMinutes === undefined)
    rule.withinMinutes = withinHours * 60;
  return rule;
}

export const escalationRule = z.preprocess(
  upgradeLegacyRule,
  z
    .strictObject({
      id: itemId,
      decision: localized,
      /** Who decides first (a user who can see the campaign). */
      deciderId: z.uuid().optional(),
      /** A legacy free-text decider, kept for display until a person is picked. */
      deciderLabel: z.string().trim().min(1).max(120).optional(),
      withinMinutes: z.number().int().min(1).max(MAX_ESCALATION_MINUTES),
      /** Who gets the question when the first decider's time runs out. */
      nextId: z.uuid().nullable().optional(),
      nextLabel: z.string().trim().max(120).optional(),
    })
    .refine((rule) => rule.deciderId !== undefined || rule.deciderLabel !== undefined, {
      path: ['deciderId'],
      message: 'A rule needs a decider',
    })
    .refine((rule) => !rule.nextId || rule.nextId !== rule.deciderId, {
      path: ['nextId'],
      message: 'The next person must differ from the decider',
    }),
);
export type EscalationRule = z.output<typeof escalationRule>;

/** Stored section data as it reads today (old escalation rules upgraded); unparseable data is left as is. */
export function readSectionData(key: SectionKey, data: unknown): unknown {
  if (key !== 'escalation') return data;
  const parsed = sectionDataSchemas.escalation.safeParse(data);
  return parsed.success ? parsed.data : data;
}

/** The structured part of each section; the free text lives beside it, per language. */
export const sectionDataSchemas = {
  objective: z.strictObject({
    markets: z
      .array(z.strictObject({ marketCode: code, objective: z.enum(OBJECTIVES), success: localized }))
      .max(20),
  }),
  guardrails: z.strictObject({
    items: z
      .array(
        z.strictObject({
          id: itemId,
          scope: z.enum(['fixed', 'may_vary']),
          text: localized,
          marketNotes: z.record(code, localized).default({}),
        }),
      )
      .max(100),
  }),
  selection_criteria: z.strictObject({
    criteria: z
      .array(z.strictObject({ id: itemId, label: localized, weight: z.number().min(0).max(100) }))
      .max(30),
  }),
  timeline: z.strictObject({}),
  measurement: z.strictObject({
    markets: z
      .array(
        z.strictObject({
          marketCode: code,
          /** Which engagement-rate definition this market's figures use (platforms disagree). */
          engagementRateBasis: z.enum(['reach', 'followers', 'impressions']).default('reach'),
          kpis: z
            .array(
              z.strictObject({
                metric: z.enum(KPI_METRICS),
                target: z.number().min(0),
                checkpointsDays: z.array(z.number().int().min(0).max(365)).max(10).default([7, 30]),
                definition: localized.optional(),
              }),
            )
            .max(20),
        }),
      )
      .max(20),
  }),
  escalation: z.strictObject({ rules: z.array(escalationRule).max(50) }),
} satisfies Record<SectionKey, z.ZodType>;

export type SectionData = { [K in SectionKey]: z.output<(typeof sectionDataSchemas)[K]> };

export const emptySectionData: SectionData = {
  objective: { markets: [] },
  guardrails: { items: [] },
  selection_criteria: { criteria: [] },
  timeline: {},
  measurement: { markets: [] },
  escalation: { rules: [] },
};

export const briefParams = z.strictObject({ id: z.uuid() });
// The key is checked in the service so an unknown one gets its own error naming the valid keys.
export const sectionParams = z.strictObject({ id: z.uuid(), key: z.string().max(64) });
export const versionParams = z.strictObject({ id: z.uuid(), v: z.coerce.number().int().positive() });
export const diffParams = z.strictObject({
  id: z.uuid(),
  a: z.coerce.number().int().positive(),
  b: z.coerce.number().int().positive(),
});

export const editTextBody = z.strictObject({
  language: z.string().max(8),
  text: z.string().max(50_000),
  /** The text's revision the edit started from (0 for a text never written). */
  baseRevision: z.number().int().min(0),
});
export const confirmTextBody = z.strictObject({
  language: z.string().max(8),
  baseRevision: z.number().int().min(0),
});
export const editDataBody = z.strictObject({
  data: z.unknown(),
  baseRevision: z.number().int().min(0),
});
export const publishBody = z.strictObject({ note: z.string().max(2000).optional() });
export const acknowledgeBody = z.strictObject({ note: z.string().max(2000).optional() });
export const requestAcknowledgementBody = z.strictObject({ userId: z.uuid() });
export const exportQuery = z.strictObject({
  format: z.enum(['markdown', 'html']).default('html'),
  language: z.string().max(8).default('both'),
});

export const textStateSchema = z.object({
  text: z.string(),
  revision: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  stale: z.boolean(),
  staleAgainst: z.array(z.string()),
});

export const sectionSchema = z.object({
  key: z.enum(SECTION_KEYS),
  texts: z.record(z.string(), textStateSchema),
  data: z.unknown(),
  dataRevision: z.number(),
});

export const briefSchema = z.object({
  campaignId: z.string(),
  revision: z.number(),
  publishedVersion: z.number().nullable(),
  hasUnpublishedChanges: z.boolean(),
  languages: z.array(z.string()),
  staleCount: z.number(),
  sections: z.array(sectionSchema),
});

/** A published version: the brief as it was frozen when published. */
export const briefVersionSchema = z.object({
  version: z.number(),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
  snapshot: z.object({
    campaign: z.object({ name: z.string(), brand: z.string(), launchWindowHours: z.number() }),
    languages: z.array(z.string()),
    markets: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        language: z.string(),
        timeZone: z.string(),
        objective: z.string(),
      }),
    ),
    sections: z.array(
      z.object({
        key: z.enum(SECTION_KEYS),
        texts: z.record(z.string(), z.object({ text: z.string(), stale: z.boolean() })),
        data: z.unknown(),
      }),
    ),
  }),
});

const diffOf = z.object({
  changed: z.boolean(),
  parts: z.array(
    z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() }),
  ),
});
/** A word-level diff per section and language, and of the structured content (as JSON text). */
export const briefDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  languages: z.array(z.string()),
  sections: z.array(
    z.object({
      key: z.enum(SECTION_KEYS),
      changed: z.boolean(),
      texts: z.record(z.string(), diffOf),
      data: diffOf,
    }),
  ),
});
