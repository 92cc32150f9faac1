import { z } from 'zod';
import { marketCode, timeZone } from '../auth/schema.ts';
import { OBJECTIVES } from './tables.ts';

const currencies = new Set(Intl.supportedValuesOf('currency'));
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

// Intl throws a RangeError on anything that is not a well-formed tag ("R", "en\n", an emoji),
// and refinements run even when the regex before them failed: guard both.
function isKnownLanguage(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return true; // the regex reports it
  try {
    return languageNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** ISO 639-1 codes that Intl knows (en, ru, de, …). */
export const language = z
  .string()
  .regex(/^[a-z]{2}$/)
  .refine(isKnownLanguage, { message: 'invalid_language' });
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine((code) => currencies.has(code), { message: 'invalid_currency' });
export const launchWindowHours = z
  .number()
  .int()
  .refine((h) => h > 0 && h <= 720, { message: 'invalid_launch_window' });

/** Minutes a market may run past its planned go-live before its lead and the owner are told (up to a week). */
export const launchGraceMinutes = z.number().int().min(0).max(10_080);

export const marketInput = z.strictObject({
  code: marketCode,
  name: z.string().trim().min(1).max(80).optional(),
  language,
  timeZone,
  currency,
  objective: z.enum(OBJECTIVES),
});

export const createCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(160),
  brand: z.string().trim().min(1).max(160),
  launchWindowHours: launchWindowHours.default(48),
  launchGraceMinutes: launchGraceMinutes.default(60),
  markets: z.array(marketInput).min(2).max(20),
});

export const updateCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(160).optional(),
  brand: z.string().trim().min(1).max(160).optional(),
  launchWindowHours: launchWindowHours.optional(),
  launchGraceMinutes: launchGraceMinutes.optional(),
  markets: z.array(marketInput).min(2).max(20).optional(),
  /** The version the edit started from (required): a stale one gets 409 `version_conflict`. */
  version: z.number().int().positive(),
});

export const marketSchema = z.object({
  code: z.string(),
  name: z.string(),
  language: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  objective: z.enum(OBJECTIVES),
});

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  brand: z.string(),
  launchWindowHours: z.number(),
  launchGraceMinutes: z.number(),
  version: z.number(),
  languages: z.array(z.string()),
  markets: z.array(marketSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const campaignParams = z.strictObject({ id: z.uuid() });
