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

// Responses. The serializer sends only what these name, so they follow the presenters
// (presentCreator, presentEngagement, presentAgreement, presentSubmission, portalEngagementView).

const person = z.object({ id: z.string(), name: z.string() });
const money = z.object({ amount: z.number(), currency: z.string() });
const briefingStyle = z.enum(['full_upfront', 'iterative']);

export const channelSchema = z.object({
  platform: z.enum(PLATFORMS),
  handle: z.string(),
  url: z.string().optional(),
  followers: z.number().optional(),
  averageViews: z.number().optional(),
  engagementRate: z.number().optional(),
});

export const creatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  marketCode: z.string(),
  language: z.string(),
  timeZone: z.string(),
  channels: z.array(channelSchema),
  contact: z.object({
    email: z.string().optional(),
    phone: z.string().optional(),
    telegram: z.string().optional(),
  }),
  notes: z.string(),
  tags: z.array(z.string()),
  /** True once the creator accepted an invitation to the portal. */
  hasPortalAccount: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const creatorListSchema = z.object({ creators: z.array(creatorSchema) });
export const rosterImportSchema = z.object({ imported: z.number(), creators: z.array(creatorSchema) });

export const policyDefaultSchema = z.object({
  marketCode: z.string(),
  revisionRounds: z.number(),
  feedbackTurnaroundHours: z.number(),
  briefingStyle,
  communicationNotes: z.string(),
});
export const marketPolicySchema = policyDefaultSchema.extend({
  /** Where the rule comes from: the campaign's own, the workspace default, or the built-in one. */
  source: z.enum(['campaign', 'default', 'fallback']),
});
export const campaignPoliciesSchema = z.object({ policies: z.array(marketPolicySchema) });
export const policyDefaultsSchema = z.object({ defaults: z.array(policyDefaultSchema) });

export const deliverableSchema = z.object({
  id: z.string(),
  platform: z.enum(PLATFORMS),
  format: z.string(),
  count: z.number(),
  /** UTC instant; shown in the creator's zone. */
  dueAt: z.string().nullable(),
  /** The zone the due time was agreed in. */
  dueZone: z.string().nullable(),
});

export const ENGAGEMENT_FLAGS = [
  'unsigned_close_to_go_live',
  'went_live_unsigned',
  'respond_by_passed',
] as const;
export const COMMITMENTS = ['out', 'maybe', 'committed'] as const;

export const engagementSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  creator: creatorSchema,
  status: z.enum(ENGAGEMENT_STATUSES),
  /** A "maybe" stays a maybe until an agreement is signed. */
  commitment: z.enum(COMMITMENTS),
  signed: z.boolean(),
  flags: z.array(z.enum(ENGAGEMENT_FLAGS)),
  goLive: z.string().nullable(),
  respondBy: z.string().nullable(),
  post: z
    .object({
      url: z.string(),
      postedAt: z.string(),
      source: z.enum(['team', 'portal', 'import']),
      by: person.nullable(),
    })
    .nullable(),
  /** Who let the engagement past the signature gate unsigned, when and why. */
  override: z.object({ reason: z.string(), at: z.string(), by: person }).nullable(),
  deliverables: z.array(deliverableSchema),
  fee: money,
  promoCode: z.string().nullable(),
  goLiveFrom: z.string().nullable(),
  goLiveTo: z.string().nullable(),
  usageRights: z.string(),
  exclusivity: z.string(),
  paymentTerms: z.string(),
  ratings: z.record(z.string(), z.object({ score: z.number(), note: z.string() })),
  /** 0–100 from the brief's weighted selection criteria and the ratings, with the why. */
  score: z.object({
    value: z.number().nullable(),
    breakdown: z.array(
      z.object({
        criterionId: z.string(),
        label: z.record(z.string(), z.string()),
        weight: z.number(),
        score: z.number().nullable(),
        note: z.string(),
        points: z.number(),
      }),
    ),
  }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const engagementListSchema = z.object({ engagements: z.array(engagementSchema) });

const agreementFields = {
  id: z.string(),
  engagementId: z.string(),
  version: z.number(),
  language: z.string(),
  body: z.string(),
  /** The engagement's terms as they were when this version was generated. */
  terms: z.unknown(),
  status: z.enum(['draft', 'sent', 'signed', 'superseded']),
  sentAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedName: z.string().nullable(),
  signedMethod: z.enum(['portal', 'uploaded_pdf']).nullable(),
  hasSignedPdf: z.boolean(),
  createdAt: z.string(),
};
export const agreementSchema = z.object({ ...agreementFields, signedIp: z.string().nullable() });

export const submissionSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  round: z.number(),
  url: z.string().nullable(),
  file: z.object({ name: z.string(), type: z.string().nullable(), size: z.number().nullable() }).nullable(),
  note: z.string(),
  submittedAt: z.string(),
  feedbackDueAt: z.string(),
  feedbackOverdue: z.boolean(),
  decision: z.enum(['approved', 'changes_requested']).nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const engagementDetailSchema = engagementSchema.extend({
  agreements: z.array(agreementSchema),
  submissions: z.array(submissionSchema),
});

/** An instant as the creator reads it in their zone. */
const zonedDisplay = z.object({
  zone: z.string(),
  date: z.string(),
  time: z.string(),
  abbreviation: z.string(),
  offset: z.string(),
  label: z.string(),
});

/** What a creator sees of their engagement in the portal (no internal notes, no signer's address). */
export const portalEngagementSchema = z.object({
  id: z.string(),
  campaign: z.object({ id: z.string(), name: z.string(), brand: z.string() }),
  status: z.enum(ENGAGEMENT_STATUSES),
  commitment: z.enum(COMMITMENTS),
  timeZone: z.string(),
  deliverables: z.array(deliverableSchema.extend({ dueLocal: zonedDisplay.nullable() })),
  goLiveFrom: zonedDisplay.nullable(),
  goLiveTo: zonedDisplay.nullable(),
  fee: money,
  promoCode: z.string().nullable(),
  post: z.object({ url: z.string(), postedAt: z.string(), postedLocal: zonedDisplay.nullable() }).nullable(),
  policy: z.object({ revisionRounds: z.number(), feedbackTurnaroundHours: z.number(), briefingStyle }),
  brief: z
    .object({
      version: z.number(),
      text: z.string(),
      items: z.array(
        z.object({
          scope: z.enum(['fixed', 'may_vary']),
          text: z.string(),
          marketNote: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  agreements: z.array(z.object(agreementFields)),
  submissions: z.array(submissionSchema),
});
export const portalEngagementListSchema = z.object({ engagements: z.array(portalEngagementSchema) });
