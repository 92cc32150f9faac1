import { z } from 'zod';
import { instantInput } from '../../http/instant.ts';
import { httpUrl } from '../../http/url.ts';
import { marketCode, timeZone } from '../auth/schema.ts';
import { currency, language } from '../campaigns/schema.ts';
import { ENGAGEMENT_STATUSES, PLATFORMS } from './tables.ts';

export const channelInput = z.strictObject({
  platform: z.enum(PLATFORMS),
  handle: z.string().trim().min(1).max(120),
  url: httpUrl(500).optional(),
  followers: z.number().int().min(0).optional(),
  averageViews: z.number().int().min(0).optional(),
  /** Percent, e.g. 4.2 for 4.2 %. */
  engagementRate: z.number().min(0).max(100).optional(),
});

export const creatorBody = z.strictObject({
  name: z.string().trim().min(1).max(160),
  marketCode,
  language,
  timeZone,
  channels: z.array(channelInput).max(20).default([]),
  contact: z
    .strictObject({
      email: z.email().optional(),
      phone: z.string().max(40).optional(),
      telegram: z.string().max(80).optional(),
    })
    .default({}),
  notes: z.string().max(5000).default(''),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
});
export const updateCreatorBody = creatorBody.partial();

export const policyBody = z.strictObject({
  revisionRounds: z.number().int().min(0).max(20),
  feedbackTurnaroundHours: z.number().int().min(1).max(720),
  briefingStyle: z.enum(['full_upfront', 'iterative']),
  communicationNotes: z.string().max(5000).default(''),
});

export const deliverableInput = z.strictObject({
  platform: z.enum(PLATFORMS),
  format: z.string().trim().min(1).max(80),
  count: z.number().int().min(1).max(100),
  dueAt: instantInput.nullable().default(null),
});

/** Let an unsigned engagement past the signature gate: who and when are recorded with the reason. */
export const gateOverride = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

/** The first live post as the team, the creator or an import records it. */
export const postInput = {
  postUrl: httpUrl(2000).optional(),
  postedAt: instantInput.optional(),
};

export const engagementBody = z.strictObject({
  creatorId: z.uuid(),
  deliverables: z.array(deliverableInput).max(50).default([]),
  fee: z.strictObject({ amount: z.number().min(0).max(1e10), currency }),
  promoCode: z.string().trim().min(1).max(60).optional(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  goLiveFrom: instantInput.optional(),
  goLiveTo: instantInput.optional(),
  usageRights: z.string().max(2000).optional(),
  exclusivity: z.string().max(2000).optional(),
  paymentTerms: z.string().max(2000).optional(),
  respondBy: instantInput.optional(),
  override: gateOverride.optional(),
  ...postInput,
});

export const updateEngagementBody = z.strictObject({
  version: z.number().int().positive(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  /** Why the status changed (audited with it). */
  reason: z.string().trim().max(2000).optional(),
  deliverables: z.array(deliverableInput).max(50).optional(),
  fee: z.strictObject({ amount: z.number().min(0).max(1e10), currency }).optional(),
  promoCode: z.string().trim().min(1).max(60).nullable().optional(),
  goLiveFrom: instantInput.nullable().optional(),
  goLiveTo: instantInput.nullable().optional(),
  usageRights: z.string().max(2000).optional(),
  exclusivity: z.string().max(2000).optional(),
  paymentTerms: z.string().max(2000).optional(),
  ratings: z
    .record(
      z.string().max(40),
      z.strictObject({ score: z.number().min(0).max(5), note: z.string().max(1000).default('') }),
    )
    .optional(),
  respondBy: instantInput.nullable().optional(),
  override: gateOverride.optional(),
  ...postInput,
});

export const portalPostBody = z.strictObject({ postUrl: httpUrl(2000), postedAt: instantInput });

export const acceptAgreementBody = z.strictObject({ fullName: z.string().trim().min(2).max(200) });
export const feedbackBody = z.strictObject({
  decision: z.enum(['approved', 'changes_requested']),
  feedback: z.string().trim().min(1).max(20_000),
  /** Required when requesting changes beyond the revision rounds the market policy includes. */
  overrideReason: z.string().trim().min(3).max(2000).optional(),
});
export const linkSubmissionBody = z.strictObject({
  url: httpUrl(2000),
  note: z.string().max(5000).default(''),
});
export const idParams = z.strictObject({ id: z.uuid() });
