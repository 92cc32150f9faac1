import { z } from 'zod';
import { instantInput } from '../../http/instant.ts';
import { marketCode } from '../auth/schema.ts';
import { MILESTONE_KINDS } from './tables.ts';

export const createMilestoneBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(MILESTONE_KINDS),
  marketCode: marketCode.nullable().optional(),
  at: instantInput,
  /** Save even though the go-live spread then exceeds the launch window (the campaign is flagged). */
  confirmOutsideWindow: z.boolean().default(false),
});

export const updateMilestoneBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(MILESTONE_KINDS).optional(),
  marketCode: marketCode.nullable().optional(),
  at: instantInput.optional(),
  /** When it actually happened (null: not yet); a go-live marked done is its market's actual go-live. */
  doneAt: instantInput.nullable().optional(),
  version: z.number().int().positive().optional(),
  confirmOutsideWindow: z.boolean().default(false),
});

export const milestoneParams = z.strictObject({ id: z.uuid() });

const localSchema = z.object({
  date: z.string(),
  time: z.string(),
  zone: z.string(),
  offset: z.string(),
  abbreviation: z.string(),
  label: z.string(),
});

export const milestoneSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  title: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  marketCode: z.string().nullable(),
  at: z.string(),
  timeZone: z.string(),
  doneAt: z.string().nullable(),
  version: z.number(),
  local: z.record(z.string(), localSchema),
  adjusted: z.object({ kind: z.string(), chosen: z.string(), local: z.string() }).nullable().optional(),
});

export const launchWindowSchema = z.object({
  limitHours: z.number(),
  spreadHours: z.number().nullable(),
  ok: z.boolean(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  marketsWithoutGoLive: z.array(z.string()),
});

export const marketLaunchSchema = z.object({
  plannedAt: z.string().nullable(),
  actualAt: z.string().nullable(),
  lateMinutes: z.number().nullable(),
  source: z.enum(['post', 'milestone']).nullable(),
});

export const actualWindowSchema = z.object({
  spreadHours: z.number().nullable(),
  ok: z.boolean(),
  markets: z.record(z.string(), marketLaunchSchema),
  pending: z.array(z.string()),
});

export const timelineSchema = z.object({
  milestones: z.array(milestoneSchema),
  launchWindow: launchWindowSchema.extend({ actual: actualWindowSchema }),
});

export const launchControlSchema = z.object({
  now: z.string(),
  graceMinutes: z.number(),
  limitHours: z.number(),
  launchWindow: launchWindowSchema.extend({ actual: actualWindowSchema }),
  markets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      timeZone: z.string(),
      plannedAt: z.string().nullable(),
      actualAt: z.string().nullable(),
      alertAt: z.string().nullable(),
      state: z.enum(['no_plan', 'upcoming', 'due', 'late', 'live']),
      lateMinutes: z.number().nullable(),
      creatorsLive: z.number(),
      creatorsTotal: z.number(),
    }),
  ),
  creators: z.array(
    z.object({
      engagementId: z.string(),
      creatorId: z.string(),
      name: z.string(),
      marketCode: z.string(),
      timeZone: z.string(),
      status: z.string(),
      commitment: z.enum(['maybe', 'committed', 'out']),
      flags: z.array(z.string()),
      plannedAt: z.string().nullable(),
      postedAt: z.string().nullable(),
      postUrl: z.string().nullable(),
      state: z.enum(['scheduled', 'late', 'live', 'out']),
      lateMinutes: z.number().nullable(),
    }),
  ),
});
