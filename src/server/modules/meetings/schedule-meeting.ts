import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { resolveInstant } from '../../http/instant.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { createTask, mayWriteTasks } from '../tasks/write-task.ts';
import type { createMeetingBody, decisionToTaskBody, updateMeetingBody } from './schema.ts';
import { externalParticipants, meetingDecisions, meetingParticipants, meetings } from './tables.ts';

type MeetingRow = typeof meetings.$inferSelect;

export interface MeetingPerson {
  key: string;
  kind: 'user' | 'external';
  id: string;
  name: string;
  email: string | null;
  language: string;
  timeZone: string;
}

export async function meetingPeople(db: DbOrTx, meetingId: string): Promise<MeetingPerson[]> {
  const keys = (
    await db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId))
  ).map((p) => p.participantKey);
  const userIds = keys.filter((k) => k.startsWith('user:')).map((k) => k.slice(5));
  const externalIds = keys.filter((k) => k.startsWith('external:')).map((k) => k.slice(9));
  const userRows = userIds.length ? await db.select().from(users).where(inArray(users.id, userIds)) : [];
  const externalRows = externalIds.length
    ? await db.select().from(externalParticipants).where(inArray(externalParticipants.id, externalIds))
    : [];
  return [
    ...userRows.map((u) => ({
      key: `user:${u.id}`,
      kind: 'user' as const,
      id: u.id,
      name: u.name,
      email: u.email,
      language: u.locale,
      timeZone: u.timeZone,
    })),
    ...externalRows.map((e) => ({
      key: `external:${e.id}`,
      kind: 'external' as const,
      id: e.id,
      name: e.name,
      email: e.email,
      language: e.language,
      timeZone: e.timeZone,
    })),
  ];
}

async function presentMeeting(db: DbOrTx, row: MeetingRow) {
  const [organizer] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, row.organizerId));
  const decisions = await db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, row.id))
    .orderBy(asc(meetingDecisions.createdAt));
  return {
    id: row.id,
    campaignId: row.campaignId,
    title: row.title,
    start: row.start.toISOString(),
    end: new Date(row.start.getTime() + row.durationMinutes * 60_000).toISOString(),
    durationMinutes: row.durationMinutes,
    languages: row.languages,
    interpreter: { needed: row.interpreterNeeded, name: row.interpreterName },
    agenda: row.agenda,
    notes: row.notes,
    status: row.status,
    uid: row.uid,
    sequence: row.sequence,
    version: row.version,
    organizer: { id: row.organizerId, name: organizer?.name ?? '', email: organizer?.email ?? '' },
    participants: await meetingPeople(db, row.id),
    decisions: decisions.map((d) => ({
      id: d.id,
      text: d.text,
      taskId: d.taskId,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}
export type PresentedMeeting = Awaited<ReturnType<typeof presentMeeting>>;

async function setParticipants(tx: DbOrTx, meetingId: string, userIds: string[], externalIds: string[]) {
  const foundUsers = userIds.length
    ? await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds))
    : [];
  const foundExternal = externalIds.length
    ? await tx
        .select({ id: externalParticipants.id })
        .from(externalParticipants)
        .where(inArray(externalParticipants.id, externalIds))
    : [];
  if (foundUsers.length !== new Set(userIds).size || foundExternal.length !== new Set(externalIds).size) {
    throw new AppError(400, 'unknown_participant', 'error.unknown_participant');
  }
  await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  const keys = [
    ...new Set([...userIds.map((id) => `user:${id}`), ...externalIds.map((id) => `external:${id}`)]),
  ];
  if (keys.length)
    await tx
      .insert(meetingParticipants)
      .values(keys.map((participantKey) => ({ meetingId, participantKey })));
}

const mayOrganize = mayWriteTasks;

export async function createMeeting(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: z.output<typeof createMeetingBody>,
) {
  if (!mayOrganize(actor)) throw forbidden();
  const start = resolveInstant(input.start).at;
  return db.transaction(async (tx) => {
    await findCampaign(tx, campaignId);
    const [row] = await tx
      .insert(meetings)
      .values({
        campaignId,
        title: input.title,
        start,
        durationMinutes: input.durationMinutes,
        languages: input.languages,
        interpreterNeeded: input.interpreter?.needed ?? false,
        interpreterName: input.interpreter?.name ?? null,
        agenda: input.agenda,
        uid: `${randomUUID()}@tandem`,
        organizerId: actor.id,
      })
      .returning();
    // The organiser always attends.
    await setParticipants(
      tx,
      row!.id,
      [...new Set([actor.id, ...input.participantIds])],
      input.externalParticipantIds,
    );
    const presented = await presentMeeting(tx, row!);
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: row!.id,
      campaignId,
      after: presented,
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'meeting.created',
      entityType: 'meeting',
      entityId: row!.id,
    });
    return presented;
  });
}

async function lockMeeting(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateMeetingBody>,
) {
  if (!mayOrganize(actor)) throw forbidden();
  const start = input.start ? resolveInstant(input.start).at : undefined;
  return db.transaction(async (tx) => {
    const current = await lockMeeting(tx, id);
    const before = await presentMeeting(tx, current);
    if (input.version !== current.version) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, { current: before });
    }
    if (current.status === 'cancelled')
      throw new AppError(409, 'meeting_cancelled', 'error.meeting_cancelled');
    // Anything an invitation shows counts as an update to attendees (RFC 5545 SEQUENCE); notes do not.
    const invitationChanged =
      input.title !== undefined ||
      start !== undefined ||
      input.durationMinutes !== undefined ||
      input.participantIds !== undefined ||
      input.externalParticipantIds !== undefined ||
      input.languages !== undefined ||
      input.interpreter !== undefined ||
      input.agenda !== undefined;
    const [row] = await tx
      .update(meetings)
      .set({
        title: input.title ?? current.title,
        start: start ?? current.start,
        durationMinutes: input.durationMinutes ?? current.durationMinutes,
        languages: input.languages ?? current.languages,
        interpreterNeeded: input.interpreter?.needed ?? current.interpreterNeeded,
        interpreterName: input.interpreter ? (input.interpreter.name ?? null) : current.interpreterName,
        agenda: input.agenda ?? current.agenda,
        notes: input.notes ?? current.notes,
        sequence: current.sequence + (invitationChanged ? 1 : 0),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    if (input.participantIds || input.externalParticipantIds) {
      const people = before.participants;
      await setParticipants(
        tx,
        id,
        [
          ...new Set([
            current.organizerId,
            ...(input.participantIds ?? people.filter((p) => p.kind === 'user').map((p) => p.id)),
          ]),
        ],
        input.externalParticipantIds ?? people.filter((p) => p.kind === 'external').map((p) => p.id),
      );
    }
    const after = await presentMeeting(tx, row!);
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
      campaignId: current.campaignId,
      before,
      after,
    });
    await publish(tx, `campaign:${current.campaignId}`, {
      type: 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
    });
    return after;
  });
}

export async function cancelMeeting(db: Db, actor: Actor, id: string) {
  if (!mayOrganize(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const current = await lockMeeting(tx, id);
    if (current.status === 'cancelled') return presentMeeting(tx, current);
    const [row] = await tx
      .update(meetings)
      .set({
        status: 'cancelled',
        sequence: current.sequence + 1,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: id,
      campaignId: current.campaignId,
      before: { status: current.status, sequence: current.sequence },
      after: { status: 'cancelled', sequence: row!.sequence },
    });
    await publish(tx, `campaign:${current.campaignId}`, {
      type: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: id,
    });
    return presentMeeting(tx, row!);
  });
}

/** The meeting as participants see it, without a permission check (for mail written by the system). */
export async function presentMeetingById(db: DbOrTx, id: string): Promise<PresentedMeeting | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ? presentMeeting(db, row) : null;
}

export async function findMeeting(db: DbOrTx, actor: Actor, id: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw notFound();
  return presentMeeting(db, row);
}

export async function listMeetings(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  await findCampaign(db, campaignId);
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.campaignId, campaignId))
    .orderBy(asc(meetings.start));
  return Promise.all(rows.map((row) => presentMeeting(db, row)));
}

export async function recordDecision(db: Db, actor: Actor, meetingId: string, text: string) {
  if (!mayOrganize(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    const [row] = await tx
      .insert(meetingDecisions)
      .values({ meetingId, text, createdBy: actor.id })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.decision_recorded',
      entityType: 'meeting',
      entityId: meetingId,
      campaignId: meeting.campaignId,
      after: { decisionId: row!.id, text },
    });
    await publish(tx, `campaign:${meeting.campaignId}`, {
      type: 'meeting.updated',
      entityType: 'meeting',
      entityId: meetingId,
    });
    return { id: row!.id, text, taskId: null, createdAt: row!.createdAt.toISOString() };
  });
}

/** One click: a decision becomes a task in the meeting's campaign, and remembers which. */
export async function decisionToTask(
  db: Db,
  actor: Actor,
  meetingId: string,
  decisionId: string,
  input: z.output<typeof decisionToTaskBody>,
) {
  // The task and the link to it commit together (createTask's transaction nests as a savepoint).
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ decision: meetingDecisions, meeting: meetings })
      .from(meetingDecisions)
      .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
      .where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meetingId)))
      .for('update');
    if (!found) throw notFound();
    if (found.decision.taskId) throw new AppError(409, 'decision_has_task', 'error.decision_has_task');
    const task = await createTask(tx, actor, found.meeting.campaignId, {
      title: found.decision.text.slice(0, 300),
      description: `${found.meeting.title} — ${found.meeting.start.toISOString()}`,
      ownerId: input.ownerId,
      marketCode: input.marketCode ?? null,
      dueAt: input.dueAt ?? null,
      labels: ['meeting'],
    });
    await tx.update(meetingDecisions).set({ taskId: task.id }).where(eq(meetingDecisions.id, decisionId));
    await recordAuditEvent(tx, {
      actor,
      action: 'meeting.decision_to_task',
      entityType: 'meeting',
      entityId: meetingId,
      campaignId: found.meeting.campaignId,
      after: { decisionId, taskId: task.id },
    });
    await publish(tx, `campaign:${found.meeting.campaignId}`, {
      type: 'meeting.updated',
      entityType: 'meeting',
      entityId: meetingId,
    });
    return task;
  });
}
