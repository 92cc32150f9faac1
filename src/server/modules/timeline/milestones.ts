import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { formatInZones } from '../../../shared/time/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { type ResolvedInstant, resolveInstant } from '../../http/instant.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { assertCampaignMarket, type Campaign, findCampaign } from '../campaigns/find-campaign.ts';
import { mayEditBrief, mayViewCampaign } from '../campaigns/policies.ts';
import { launchActuals } from './launch-actuals.ts';
import { type LaunchWindow, launchWindow } from './launch-window.ts';
import type { createMilestoneBody, updateMilestoneBody } from './schema.ts';
import { milestones } from './tables.ts';

type MilestoneRow = typeof milestones.$inferSelect;

/** Milestones are planned by the same people who write the brief. */
const mayPlan = mayEditBrief;

export function presentMilestone(
  campaign: Campaign,
  row: MilestoneRow,
  adjusted: ResolvedInstant['adjusted'] = null,
) {
  const displays = formatInZones(
    row.at,
    campaign.markets.map((m) => m.timeZone),
    'en',
  );
  return {
    id: row.id,
    campaignId: row.campaignId,
    title: row.title,
    kind: row.kind,
    marketCode: row.marketCode,
    at: row.at.toISOString(),
    timeZone: row.timeZone,
    doneAt: row.doneAt?.toISOString() ?? null,
    version: row.version,
    local: Object.fromEntries(campaign.markets.map((m, i) => [m.code, displays[i]!])),
    ...(adjusted ? { adjusted } : {}),
  };
}

async function windowAfter(
  tx: DbOrTx,
  campaign: Campaign,
  change: { id?: string; at: Date; kind: string; marketCode: string | null } | null,
) {
  const others = await tx
    .select({ at: milestones.at, marketCode: milestones.marketCode })
    .from(milestones)
    .where(
      and(
        eq(milestones.campaignId, campaign.id),
        eq(milestones.kind, 'go_live'),
        change?.id ? ne(milestones.id, change.id) : undefined,
      ),
    );
  const goLives =
    change?.kind === 'go_live' ? [...others, { at: change.at, marketCode: change.marketCode }] : others;
  return launchWindow(
    campaign.launchWindowHours,
    campaign.markets.map((m) => m.code),
    goLives,
  );
}

function assertWindow(before: LaunchWindow, after: LaunchWindow, confirmed: boolean) {
  // Warn only when this change makes things worse; an already-broken window can still be repaired step by step.
  const worse = !after.ok && (before.ok || (after.spreadHours ?? 0) > (before.spreadHours ?? 0));
  if (worse && !confirmed) {
    throw new AppError(
      409,
      'launch_window_exceeded',
      'error.launch_window_exceeded',
      { spread: Math.round((after.spreadHours ?? 0) * 10) / 10, limit: after.limitHours },
      { launchWindow: after },
    );
  }
}

function zoneFor(campaign: Campaign, marketCode: string | null, resolved: ResolvedInstant): string {
  return (
    resolved.timeZone ??
    campaign.markets.find((m) => m.code === marketCode)?.timeZone ??
    campaign.markets[0]!.timeZone
  );
}

export async function createMilestone(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof createMilestoneBody>,
) {
  if (!mayPlan(actor)) throw forbidden();
  const resolved = resolveInstant(input.at);
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId, { forUpdate: true });
    const marketCode = input.marketCode ?? null;
    assertCampaignMarket(campaign, marketCode);
    const before = await windowAfter(tx, campaign, null);
    const after = await windowAfter(tx, campaign, { at: resolved.at, kind: input.kind, marketCode });
    assertWindow(before, after, input.confirmOutsideWindow);
    const [row] = await tx
      .insert(milestones)
      .values({
        campaignId,
        title: input.title,
        kind: input.kind,
        marketCode,
        at: resolved.at,
        timeZone: zoneFor(campaign, marketCode, resolved),
        createdBy: actor.id,
      })
      .returning();
    const presented = presentMilestone(campaign, row!, resolved.adjusted);
    await recordAuditEvent(tx, {
      actor,
      action: 'milestone.created',
      entityType: 'milestone',
      entityId: row!.id,
      campaignId,
      after: { ...presented, local: undefined, launchWindow: after },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'milestone.created',
      entityType: 'milestone',
      entityId: row!.id,
    });
    return { ...presented, launchWindow: after };
  });
}

export async function updateMilestone(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateMilestoneBody>,
) {
  if (!mayPlan(actor)) throw forbidden();
  const resolved = input.at ? resolveInstant(input.at) : null;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(milestones).where(eq(milestones.id, id)).for('update');
    if (!current) throw notFound();
    const campaign = await findCampaign(tx, current.campaignId, { forUpdate: true });
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, {
        current: presentMilestone(campaign, current),
      });
    }
    const marketCode = input.marketCode === undefined ? current.marketCode : input.marketCode;
    assertCampaignMarket(campaign, marketCode);
    const next = {
      title: input.title ?? current.title,
      kind: input.kind ?? current.kind,
      marketCode,
      at: resolved?.at ?? current.at,
      timeZone: resolved ? zoneFor(campaign, marketCode, resolved) : current.timeZone,
      doneAt:
        input.doneAt === undefined
          ? current.doneAt
          : input.doneAt === null
            ? null
            : resolveInstant(input.doneAt).at,
    };
    if (next.doneAt && next.doneAt.getTime() > Date.now() + 5 * 60_000) {
      throw new AppError(400, 'done_in_future', 'error.done_in_future');
    }
    const before = await windowAfter(tx, campaign, null);
    const after = await windowAfter(tx, campaign, { id, ...next });
    assertWindow(before, after, input.confirmOutsideWindow);
    const [row] = await tx
      .update(milestones)
      .set({ ...next, version: current.version + 1, updatedAt: new Date() })
      .where(eq(milestones.id, id))
      .returning();
    const presented = presentMilestone(campaign, row!, resolved?.adjusted ?? null);
    await recordAuditEvent(tx, {
      actor,
      action: 'milestone.updated',
      entityType: 'milestone',
      entityId: id,
      campaignId: campaign.id,
      before: { ...presentMilestone(campaign, current), local: undefined },
      after: { ...presented, local: undefined, launchWindow: after },
    });
    await publish(tx, `campaign:${campaign.id}`, {
      type: 'milestone.updated',
      entityType: 'milestone',
      entityId: id,
    });
    return { ...presented, launchWindow: after };
  });
}

export async function deleteMilestone(db: Db, actor: Actor, id: string) {
  if (!mayPlan(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(milestones).where(eq(milestones.id, id)).for('update');
    if (!current) throw notFound();
    const campaign = await findCampaign(tx, current.campaignId);
    await tx.delete(milestones).where(eq(milestones.id, id));
    await recordAuditEvent(tx, {
      actor,
      action: 'milestone.deleted',
      entityType: 'milestone',
      entityId: id,
      campaignId: campaign.id,
      before: { ...presentMilestone(campaign, current), local: undefined },
    });
    await publish(tx, `campaign:${campaign.id}`, {
      type: 'milestone.deleted',
      entityType: 'milestone',
      entityId: id,
    });
  });
}

export async function readTimeline(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const campaign = await findCampaign(db, campaignId);
  const rows = await db
    .select()
    .from(milestones)
    .where(eq(milestones.campaignId, campaignId))
    .orderBy(asc(milestones.at));
  const { planned, actual } = await launchActuals(db, campaign);
  return {
    milestones: rows.map((row) => presentMilestone(campaign, row)),
    launchWindow: { ...planned, actual },
  };
}

/** Milestones of several campaigns, for calendar feeds. */
export async function milestonesOf(db: DbOrTx, campaignId: string) {
  return db
    .select()
    .from(milestones)
    .where(eq(milestones.campaignId, campaignId))
    .orderBy(asc(milestones.at));
}

/** The earliest go-live of a market (or of all markets), for rules elsewhere (e.g. unsigned creators). */
export async function goLiveOf(db: DbOrTx, campaignId: string, marketCode: string): Promise<Date | null> {
  const rows = await db
    .select({ at: milestones.at, marketCode: milestones.marketCode })
    .from(milestones)
    .where(and(eq(milestones.campaignId, campaignId), eq(milestones.kind, 'go_live')))
    .orderBy(asc(milestones.at));
  return rows.find((r) => r.marketCode === marketCode || r.marketCode === null)?.at ?? null;
}
