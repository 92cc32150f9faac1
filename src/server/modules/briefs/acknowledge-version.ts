import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { type Campaign, findCampaign } from '../campaigns/find-campaign.ts';
import { mayPublishBrief } from '../campaigns/policies.ts';
import { findVersion } from './publish-version.ts';
import { briefState } from './read-brief.ts';
import { briefAcknowledgementRequests, briefAcknowledgements } from './tables.ts';

/** Who must acknowledge: the leads of the campaign's markets and every member asked to. */
export async function requiredAcknowledgers(db: DbOrTx, campaign: Campaign) {
  const codes = campaign.markets.map((m) => m.code);
  const leads = (await db.select().from(users).where(eq(users.role, 'market_lead'))).filter((u) =>
    u.marketCodes.some((code) => codes.includes(code)),
  );
  const asked = await db
    .select({ user: users })
    .from(briefAcknowledgementRequests)
    .innerJoin(users, eq(users.id, briefAcknowledgementRequests.userId))
    .where(
      and(
        eq(briefAcknowledgementRequests.campaignId, campaign.id),
        eq(briefAcknowledgementRequests.active, true),
      ),
    );
  const all: Array<{ user: typeof users.$inferSelect; reason: 'market_lead' | 'asked' }> = leads.map((u) => ({
    user: u,
    reason: 'market_lead',
  }));
  for (const { user } of asked)
    if (!all.some((a) => a.user.id === user.id)) all.push({ user, reason: 'asked' as const });
  return all;
}

export async function acknowledgementStatus(db: DbOrTx, actor: Actor, campaignId: string, version: number) {
  await findVersion(db, actor, campaignId, version);
  const campaign = await findCampaign(db, campaignId);
  const required = await requiredAcknowledgers(db, campaign);
  const acks = await db
    .select({ ack: briefAcknowledgements, name: users.name })
    .from(briefAcknowledgements)
    .innerJoin(users, eq(users.id, briefAcknowledgements.userId))
    .where(and(eq(briefAcknowledgements.campaignId, campaignId), eq(briefAcknowledgements.version, version)));
  const people = required.map(({ user, reason }) => {
    const ack = acks.find((a) => a.ack.userId === user.id);
    return {
      userId: user.id,
      name: user.name,
      role: user.role,
      markets: user.marketCodes,
      reason,
      acknowledgedAt: ack?.ack.acknowledgedAt.toISOString() ?? null,
      note: ack?.ack.note ?? null,
    };
  });
  return {
    version,
    complete: people.length > 0 && people.every((p) => p.acknowledgedAt !== null),
    acknowledged: people.filter((p) => p.acknowledgedAt !== null).length,
    required: people.length,
    people,
  };
}

export async function acknowledgeVersion(
  db: Db,
  actor: Actor,
  campaignId: string,
  version: number,
  note?: string,
) {
  return db.transaction(async (tx) => {
    await findVersion(tx, actor, campaignId, version);
    const campaign = await findCampaign(tx, campaignId);
    const state = await briefState(tx, campaignId);
    if (state.publishedVersion !== version) {
      throw new AppError(409, 'version_superseded', 'error.version_superseded', {
        version,
        current: state.publishedVersion ?? 0,
      });
    }
    const required = await requiredAcknowledgers(tx, campaign);
    if (!required.some((r) => r.user.id === actor.id)) {
      throw new AppError(403, 'not_asked_to_acknowledge', 'error.not_asked_to_acknowledge');
    }
    const inserted = await tx
      .insert(briefAcknowledgements)
      .values({ campaignId, version, userId: actor.id, note: note ?? null })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await recordAuditEvent(tx, {
        actor,
        action: 'brief.version_acknowledged',
        entityType: 'brief_version',
        entityId: `${campaignId}:${version}`,
        campaignId,
        after: { version, note: note ?? null },
      });
      await publish(tx, `campaign:${campaignId}`, {
        type: 'brief.version_acknowledged',
        entityType: 'brief_version',
        entityId: String(version),
        data: { by: actor.name },
      });
    }
    return {
      created: inserted.length > 0,
      status: await acknowledgementStatus(tx, actor, campaignId, version),
    };
  });
}

export async function requestAcknowledgement(db: Db, actor: Actor, campaignId: string, userId: string) {
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!mayPublishBrief(actor, campaign)) throw forbidden();
    const [user] = await tx
      .select()
      .from(users)
      .where(inArray(users.id, [userId]));
    if (!user || user.role === 'creator') throw new AppError(404, 'not_found', 'error.not_found');
    await tx
      .insert(briefAcknowledgementRequests)
      .values({ campaignId, userId, requestedBy: actor.id })
      .onConflictDoUpdate({
        target: [briefAcknowledgementRequests.campaignId, briefAcknowledgementRequests.userId],
        set: { active: true, requestedBy: actor.id, requestedAt: new Date() },
      });
    await recordAuditEvent(tx, {
      actor,
      action: 'brief.acknowledgement_requested',
      entityType: 'user',
      entityId: userId,
      campaignId,
      after: { userId, name: user.name },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'brief.acknowledgement_requested',
      entityType: 'user',
      entityId: userId,
    });
  });
}

export async function withdrawAcknowledgementRequest(
  db: Db,
  actor: Actor,
  campaignId: string,
  userId: string,
) {
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!mayPublishBrief(actor, campaign)) throw forbidden();
    const removed = await tx
      .update(briefAcknowledgementRequests)
      .set({ active: false })
      .where(
        and(
          eq(briefAcknowledgementRequests.campaignId, campaignId),
          eq(briefAcknowledgementRequests.userId, userId),
          eq(briefAcknowledgementRequests.active, true),
        ),
      )
      .returning();
    if (!removed.length) throw new AppError(404, 'not_found', 'error.not_found');
    await recordAuditEvent(tx, {
      actor,
      action: 'brief.acknowledgement_request_withdrawn',
      entityType: 'user',
      entityId: userId,
      campaignId,
      before: { active: true },
      after: { active: false },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'brief.acknowledgement_requested',
      entityType: 'user',
      entityId: userId,
    });
  });
}
