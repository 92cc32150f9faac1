import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { enqueueMail } from '../../mail/enqueue-mail.ts';
import { invitationMail } from '../../mail/templates/invitation.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { type Actor, mayInvite } from './policies.ts';
import { iso } from './present.ts';
import type { createInviteBody } from './schema.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { invites, users } from './tables.ts';

const INVITE_DAYS = 14;

export async function createInvitation(
  db: Db,
  actor: Actor,
  input: z.output<typeof createInviteBody>,
  origin: string,
) {
  if (!mayInvite(actor, input.role, input.marketCodes)) {
    throw new AppError(403, 'role_not_allowed', 'error.role_not_allowed', { role: input.role });
  }
  const token = newSecret();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw new AppError(409, 'email_taken', 'error.email_taken');
    const [row] = await tx
      .insert(invites)
      .values({
        tokenHash: hashSecret(token),
        email: input.email,
        role: input.role,
        marketCodes: input.marketCodes,
        campaignId: input.campaignId ?? null,
        creatorId: input.creatorId ?? null,
        invitedBy: actor.id,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(tx, {
      actor,
      action: 'invite.created',
      entityType: 'invite',
      entityId: row.id,
      campaignId: row.campaignId,
      after: {
        email: row.email,
        role: row.role,
        marketCodes: row.marketCodes,
        expiresAt: iso(row.expiresAt),
      },
    });
    await publish(tx, 'workspace', { type: 'invite.created', entityType: 'invite', entityId: row.id });
    // Invitations may name a campaign that is gone (plain id, no foreign key): then no name.
    const campaign = row.campaignId ? await findCampaign(tx, row.campaignId).catch(() => null) : null;
    const emailed = await enqueueMail(
      tx,
      invitationMail({
        locale: input.locale ?? actor.locale,
        email: row.email,
        token,
        role: row.role,
        marketCodes: row.marketCodes,
        campaignName: campaign?.name ?? null,
        inviter: { name: actor.name, timeZone: actor.timeZone },
        expiresAt: row.expiresAt,
      }),
    );
    return {
      id: row.id,
      token,
      url: `${origin}/invite/${token}`,
      expiresAt: iso(row.expiresAt)!,
      emailed,
    };
  });
}

function presentInvite(row: typeof invites.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    marketCodes: row.marketCodes,
    campaignId: row.campaignId,
    creatorId: row.creatorId,
    createdAt: iso(row.createdAt)!,
    expiresAt: iso(row.expiresAt)!,
    acceptedAt: iso(row.acceptedAt),
  };
}

/** Open and accepted invitations; revoked ones live on only in the audit log. */
export async function listInvitations(db: Db) {
  const rows = await db
    .select()
    .from(invites)
    .where(isNull(invites.revokedAt))
    .orderBy(desc(invites.createdAt));
  return rows.map(presentInvite);
}

/** What the acceptance page shows before the invitee has an account. */
export async function findOpenInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invite: invites, invitedByName: users.name })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.invitedBy))
    .where(
      and(
        eq(invites.tokenHash, hashSecret(token)),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, sql`now()`),
      ),
    );
  if (!row) throw new AppError(404, 'invite_invalid', 'error.invite_invalid');
  return {
    email: row.invite.email,
    role: row.invite.role,
    marketCodes: row.invite.marketCodes,
    invitedByName: row.invitedByName,
    expiresAt: iso(row.invite.expiresAt)!,
  };
}

export async function revokeInvitation(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(invites).where(eq(invites.id, id)).for('update');
    if (!row || row.revokedAt) throw notFound();
    if (!mayInvite(actor, row.role, row.marketCodes)) {
      throw new AppError(403, 'role_not_allowed', 'error.role_not_allowed', { role: row.role });
    }
    await tx.update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, id));
    await recordAuditEvent(tx, {
      actor,
      action: 'invite.revoked',
      entityType: 'invite',
      entityId: id,
      campaignId: row.campaignId,
      before: presentInvite(row),
    });
    await publish(tx, 'workspace', { type: 'invite.revoked', entityType: 'invite', entityId: id });
  });
}
