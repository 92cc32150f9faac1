import type { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import type { gateOverride, postInput } from './schema.ts';
import type { EngagementStatus, engagements } from './tables.ts';

type EngagementRow = typeof engagements.$inferSelect;

/** From here on the creator produces or has published: nobody gets here on a "maybe". */
export const GATED: readonly EngagementStatus[] = [
  'in_production',
  'draft_submitted',
  'revising',
  'approved',
  'live',
  'reported',
];
/** Statuses that mean the post is out. */
export const POSTED: readonly EngagementStatus[] = ['live', 'reported'];
/** Clocks of phones and laptops drift: a post "a minute from now" is a typo, not a lie. */
const FUTURE_SKEW_MS = 5 * 60_000;

/** A post time later than now (allowing a little clock skew): not a post that happened. */
export function postedInFuture(postedAt: Date, now = new Date()): boolean {
  return postedAt.getTime() > now.getTime() + FUTURE_SKEW_MS;
}
const OUT_STATUSES: readonly EngagementStatus[] = ['declined', 'dropped'];

export type GateOverride = z.output<typeof gateOverride>;

/**
 * The signature gate: a move into production or later needs a signed agreement, an override
 * given before, or one given now (returned, to be stored and audited); otherwise 409.
 */
export function passGate(
  row: Pick<EngagementRow, 'overrideReason'> | null,
  to: EngagementStatus,
  signed: boolean,
  override: GateOverride | undefined,
): GateOverride | null {
  if (!GATED.includes(to) || signed || row?.overrideReason) return null;
  if (!override) {
    throw new AppError(409, 'agreement_not_signed', 'error.agreement_not_signed', undefined, { status: to });
  }
  return override;
}

export type PostSource = NonNullable<EngagementRow['postSource']>;
type PostFields = Pick<EngagementRow, 'postUrl' | 'postedAt' | 'postSource' | 'postedBy'>;
const NO_POST: PostFields = { postUrl: null, postedAt: null, postSource: null, postedBy: null };

/**
 * What the engagement's post becomes when it moves to `to`: going live needs the link and the
 * moment it went live (given now or recorded before); moving back before live forgets the post.
 * Returns only the fields that change.
 */
export function resolvePost(
  row: (PostFields & { status: EngagementStatus }) | null,
  to: EngagementStatus,
  input: { [K in keyof typeof postInput]?: z.output<(typeof postInput)[K]> },
  by: { source: PostSource; userId: string | null },
  now = new Date(),
): Partial<PostFields> {
  const given = input.postUrl !== undefined || input.postedAt !== undefined;
  if (!POSTED.includes(to)) {
    if (given) throw new AppError(400, 'post_only_when_live', 'error.post_only_when_live');
    // A creator dropped after posting did post: only a step back before live unsays it.
    const backBeforeLive = row !== null && POSTED.includes(row.status) && !OUT_STATUSES.includes(to);
    return backBeforeLive && row.postedAt ? NO_POST : {};
  }
  const postUrl = input.postUrl ?? row?.postUrl ?? null;
  const postedAt = input.postedAt ? resolveInstant(input.postedAt).at : (row?.postedAt ?? null);
  if (!postUrl || !postedAt) throw new AppError(400, 'post_required', 'error.post_required');
  if (postedInFuture(postedAt, now)) {
    throw new AppError(400, 'posted_in_future', 'error.posted_in_future');
  }
  if (!given) return {};
  return { postUrl, postedAt, postSource: by.source, postedBy: by.userId };
}
