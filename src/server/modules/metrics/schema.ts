import { z } from 'zod';
import { instantInput } from '../../http/instant.ts';
import { httpUrl } from '../../http/url.ts';
import { KPI_METRICS } from '../briefs/schema.ts';
import { currency } from '../campaigns/schema.ts';
import { OBJECTIVES } from '../campaigns/tables.ts';
import { ENGAGEMENT_STATUSES, PLATFORMS } from '../creators/tables.ts';
import { IMPORT_FORMATS } from './tables.ts';

const count = z.number().int().min(0).max(1e12).optional();

export const manualMetricsBody = z.strictObject({
  platform: z.enum(PLATFORMS),
  postUrl: httpUrl(2000).optional(),
  postedAt: instantInput.optional(),
  measuredAt: instantInput.optional(),
  reach: count,
  impressions: count,
  views: count,
  likes: count,
  comments: count,
  shares: count,
  saves: count,
  clicks: count,
  /** Where the figures come from, e.g. "Telegram channel statistics, screenshot 12 Mar". */
  source: z.string().trim().min(2).max(300),
});

export const fxBody = z.strictObject({
  baseCurrency: currency,
  /** 1 unit of each currency in the base currency, e.g. {"RUB": 0.011}. */
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().max(1e6)),
});

export const importQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().max(200).optional(),
  /** JSON {field: "header in the file"} for post metrics in another layout. */
  mapping: z
    .string()
    .max(4000)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      try {
        const parsed = JSON.parse(value) as unknown;
        if (
          parsed &&
          typeof parsed === 'object' &&
          Object.values(parsed).every((v) => typeof v === 'string')
        ) {
          return parsed as Record<string, string>;
        }
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'invalid_mapping' });
      return z.NEVER;
    }),
});

export const reportQuery = z.strictObject({ language: z.enum(['en', 'ru', 'both']).default('both') });
/** The report document: its language(s) (`both`: the reader's first, then the other) and paper. */
export const reportPrintQuery = reportQuery.extend({
  /** Fixes the page size (`@page size`); without it the printer's paper is used. */
  paper: z.enum(['a4', 'letter']).optional(),
});

// Responses. The serializer sends only what these name, so they follow presentImport,
// recordManualMetrics, campaignRates and campaignReport.

export const importSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  format: z.enum(IMPORT_FORMATS),
  status: z.enum(['uploading', 'processing', 'completed', 'failed', 'undone']),
  fileName: z.string().nullable(),
  /** Share of the file read, 0–1. */
  progress: z.number(),
  rowsRead: z.number(),
  rowsImported: z.number(),
  rowsRejected: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
/** An import as the routes show it: with its failure in the reader's language. */
export const importStateSchema = importSchema.extend({ failureMessage: z.string().nullable() });
export const importListSchema = z.object({ imports: z.array(importStateSchema) });
export const importCreatedSchema = z.object({ id: z.string() });

export const manualMetricsSchema = z.object({
  id: z.string(),
  measuredAt: z.string(),
  source: z.string(),
  enteredBy: z.string(),
});

const rates = z.record(z.string(), z.number()).describe('1 unit of each currency in the base currency');
export const fxRatesSchema = z.object({ baseCurrency: z.string(), rates, updatedAt: z.string().nullable() });

const figure = z.number().nullable();
/** What was counted, the same for a creator and for the joint total. */
const counts = {
  reach: z.number(),
  impressions: z.number(),
  views: z.number(),
  engagements: z.number(),
  clicks: z.number(),
  orders: z.number(),
};
export const reportSchema = z.object({
  campaignId: z.string(),
  generatedAt: z.string(),
  currency: z.string(),
  rates,
  missingRates: z.array(z.string()),
  markets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      objective: z.enum(OBJECTIVES),
      /** Each market's money in its own currency. */
      currency: z.string(),
      missingRates: z.array(z.string()),
      engagementRateBasis: z.enum(['reach', 'followers', 'impressions']),
      goLive: z.string().nullable(),
      plannedGoLive: z.string().nullable(),
      actualGoLive: z.string().nullable(),
      checkpointBasis: z.enum(['planned', 'actual']).nullable(),
      creators: z.number(),
      kpis: z.array(
        z.object({
          metric: z.enum(KPI_METRICS),
          target: figure,
          actual: figure,
          progress: figure,
          checkpoints: z.array(z.object({ days: z.number(), at: z.string().nullable(), actual: figure })),
        }),
      ),
    }),
  ),
  /** The joint total, converted where a rate exists, with the rates it used. */
  total: z.object({
    currency: z.string(),
    ...counts,
    cost: figure,
    revenue: figure,
    engagementRate: figure,
    cpm: figure,
    cpa: figure,
    roas: figure,
    ratesUsed: z.array(z.object({ currency: z.string(), rate: z.number() })),
    missingRates: z.array(z.string()),
    ratesUpdatedAt: z.string().nullable(),
  }),
  creators: z.array(
    z.object({
      engagementId: z.string(),
      name: z.string(),
      marketCode: z.string(),
      status: z.enum(ENGAGEMENT_STATUSES),
      promoCode: z.string().nullable(),
      fee: z.object({ amount: z.number(), currency: z.string() }),
      cost: figure,
      ...counts,
      revenue: figure,
      engagementRate: figure,
      cpm: figure,
      cpa: figure,
      roas: figure,
      /** The same figures in the creator's market currency. */
      local: z.object({
        currency: z.string(),
        cost: figure,
        revenue: figure,
        cpm: figure,
        cpa: figure,
        roas: figure,
      }),
    }),
  ),
});
