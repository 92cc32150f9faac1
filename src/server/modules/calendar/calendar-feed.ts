import { and, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import ical from 'ical-generator';
import { translate } from '../../../shared/i18n/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import { type Actor, isStaff } from '../auth/policies.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';
import { tasks, taskWatchers } from '../tasks/tables.ts';
import { milestones } from '../timeline/tables.ts';
import { calendarFeeds } from './tables.ts';

/** Issues (or replaces) the user's feed token and returns the subscription URL. */
export async function rotateCalendarFeed(db: Db, actor: Actor, origin: string) {
  if (!isStaff(actor)) throw forbidden();
  const token = newSecret('cal_');
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: actor.id, tokenHash: hashSecret(token) })
      .onConflictDoUpdate({
        target: calendarFeeds.userId,
        set: { tokenHash: hashSecret(token), createdAt: new Date() },
      });
    await recordAuditEvent(tx, {
      actor,
      action: 'calendar_feed.rotated',
      entityType: 'user',
      entityId: actor.id,
    });
  });
  return { url: `${origin}/api/calendar/${token}.ics` };
}

const EVENT_MINUTES = 30;

/**
 * The feed: due dates of the tasks a user owns or watches (not done), and every milestone of the
 * campaigns those tasks belong to or, for users without markets, all campaigns. Instants are UTC.
 */
export async function renderCalendarFeed(db: DbOrTx, token: string, origin: string): Promise<string> {
  const [feed] = await db
    .select({ user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashSecret(token)));
  if (!feed || feed.user.role === 'creator') throw notFound();
  const user = feed.user;
  const locale = user.locale;
  const watched = db
    .select({ id: taskWatchers.taskId })
    .from(taskWatchers)
    .where(eq(taskWatchers.userId, user.id));
  const myTasks = await db
    .select({ task: tasks, campaignName: campaigns.name })
    .from(tasks)
    .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
    .where(
      and(
        isNotNull(tasks.dueAt),
        ne(tasks.status, 'done'),
        or(eq(tasks.ownerId, user.id), inArray(tasks.id, watched)),
      ),
    );
  const campaignRows = await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns);
  const campaignIds = campaignRows.map((c) => c.id);
  const milestoneRows = campaignIds.length
    ? await db.select().from(milestones).where(inArray(milestones.campaignId, campaignIds))
    : [];
  const calendar = ical({
    name: `Tandem — ${user.name}`,
    prodId: { company: 'Tandem', product: 'Tandem', language: locale.toUpperCase() },
  });
  for (const { task, campaignName } of myTasks) {
    calendar.createEvent({
      id: `task-${task.id}@tandem`,
      start: task.dueAt!,
      end: new Date(task.dueAt!.getTime() + EVENT_MINUTES * 60_000),
      summary: translate(locale, 'calendar.taskDue', { number: task.number, title: task.title }),
      description:
        `${campaignName}${task.marketCode ? ` · ${task.marketCode}` : ''}\n${task.description}`.trim(),
      url: `${origin}/campaigns/${task.campaignId}/tasks/${task.id}`,
      stamp: task.updatedAt,
    });
  }
  for (const milestone of milestoneRows) {
    const campaign = campaignRows.find((c) => c.id === milestone.campaignId)!;
    calendar.createEvent({
      id: `milestone-${milestone.id}@tandem`,
      start: milestone.at,
      end: new Date(milestone.at.getTime() + EVENT_MINUTES * 60_000),
      summary: `${campaign.name}: ${milestone.title}${milestone.marketCode ? ` (${milestone.marketCode})` : ''}`,
      description: translate(locale, `calendar.milestone.${milestone.kind}`),
      url: `${origin}/campaigns/${milestone.campaignId}/timeline`,
      stamp: milestone.updatedAt,
    });
  }
  return calendar.toString();
}
