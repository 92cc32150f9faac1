import { z } from 'zod';
import { instantInput } from '../../http/instant.ts';
import { httpUrl } from '../../http/url.ts';
import { currency } from '../campaigns/schema.ts';
import { PLATFORMS } from '../creators/tables.ts';
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
