import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { jobs } from '../../jobs/tables.ts';
import { apiTokens, invites, users } from '../auth/tables.ts';
import { campaigns } from '../campaigns/tables.ts';
import { agreements, creators, engagements, submissions } from '../creators/tables.ts';
import { escalations } from '../escalations/tables.ts';
import { externalParticipants, meetings } from '../meetings/tables.ts';
import { imports, postMetrics } from '../metrics/tables.ts';
import { tasks } from '../tasks/tables.ts';
import { milestones } from '../timeline/tables.ts';
import { webhooks } from '../webhooks/tables.ts';

/**
 * What the audit log says about an event's entity besides its id: its human name (`entityLabel`)
 * and its market (`marketCode`), both as they were when the event was written, so a renamed or
 * deleted entity keeps a readable story and the log can be filtered and scoped per market.
 */
export interface EntityFacts {
  label: string | null;
  marketCode: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Anything that reads like an id (a uuid, or text that starts with one) is never a label. */
const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LABEL_MAX = 200;

/** A label as stored: trimmed, one line, clipped, never empty and never an id. */
export function cleanLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text || ID_LIKE.test(text)) return null;
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MARKET = /^[A-Z]{2,8}$/;
const cleanMarket = (value: unknown): string | null =>
  typeof value === 'string' && MARKET.test(value) ? value : null;

/** The fields that name an entity, most telling first. */
const NAME_FIELDS = ['title', 'name', 'summary', 'url', 'fileName', 'email'] as const;

/**
 * The label and market an event's own payload tells (used when nothing else does, and at read
 * time for events written before labels were stored). `after` wins over `before`: the name the
 * entity had once the change was made.
 */
export function factsFromPayload(
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
): EntityFacts {
  const sides = [after, before].filter(isRecord);
  let label: string | null = null;
  let marketCode: string | null = null;
  for (const side of sides) {
    const creator = isRecord(side.creator) ? side.creator : null;
    if (!label && creator && entityType !== 'creator') {
      const name = cleanLabel(creator.name);
      if (name)
        label =
          entityType === 'agreement' && typeof side.version === 'number'
            ? `v${side.version} — ${name}`
            : name;
    }
    for (const field of NAME_FIELDS) {
      if (label) break;
      label = cleanLabel(side[field]);
    }
    marketCode ??=
      cleanMarket(side.marketCode) ?? cleanMarket(side.market) ?? cleanMarket(creator?.marketCode);
  }
  const fromId = factsFromId(entityType, entityId);
  return { label: label ?? fromId.label, marketCode: marketCode ?? fromId.marketCode };
}

/** Entities whose id is made of their keys (brief sections and versions, market rules). */
function factsFromId(entityType: string, entityId: string): EntityFacts {
  const parts = entityId.split(':');
  switch (entityType) {
    case 'brief_section': {
      // `<campaign>:<section>` or `<campaign>:<section>:<language>`
      const [, section, language] = parts;
      return {
        label: cleanLabel(section && (language ? `${section} · ${language.toUpperCase()}` : section)),
        marketCode: null,
      };
    }
    case 'brief_version':
      return { label: parts[1] ? `v${parts[1]}` : null, marketCode: null };
    case 'market_policy':
      return { label: cleanMarket(parts[1]), marketCode: cleanMarket(parts[1]) };
    case 'policy_default':
      return { label: cleanMarket(entityId), marketCode: cleanMarket(entityId) };
    default:
      return { label: null, marketCode: null };
  }
}

const one = async <T>(rows: Promise<T[]>): Promise<T | undefined> => (await rows)[0];
const creatorFacts = (row: { name: string; marketCode: string } | undefined): EntityFacts => ({
  label: cleanLabel(row?.name),
  marketCode: row?.marketCode ?? null,
});

/**
 * The entity as it stands inside the writing transaction (after the change): one primary-key
 * read. Null facts when it is gone (a deletion) or the type keeps no name.
 */
export async function factsFromDatabase(
  tx: DbOrTx,
  entityType: string,
  entityId: string,
): Promise<EntityFacts> {
  const none = { label: null, marketCode: null };
  if (!UUID.test(entityId)) return none;
  switch (entityType) {
    case 'task': {
      const row = await one(
        tx
          .select({ title: tasks.title, marketCode: tasks.marketCode })
          .from(tasks)
          .where(eq(tasks.id, entityId)),
      );
      return { label: cleanLabel(row?.title), marketCode: row?.marketCode ?? null };
    }
    case 'milestone': {
      const row = await one(
        tx
          .select({ title: milestones.title, marketCode: milestones.marketCode })
          .from(milestones)
          .where(eq(milestones.id, entityId)),
      );
      return { label: cleanLabel(row?.title), marketCode: row?.marketCode ?? null };
    }
    case 'meeting': {
      const row = await one(
        tx.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, entityId)),
      );
      return { label: cleanLabel(row?.title), marketCode: null };
    }
    case 'campaign': {
      const row = await one(
        tx.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, entityId)),
      );
      return { label: cleanLabel(row?.name), marketCode: null };
    }
    case 'creator':
      return creatorFacts(
        await one(
          tx
            .select({ name: creators.name, marketCode: creators.marketCode })
            .from(creators)
            .where(eq(creators.id, entityId)),
        ),
      );
    case 'engagement':
      return creatorFacts(
        await one(
          tx
            .select({ name: creators.name, marketCode: creators.marketCode })
            .from(engagements)
            .innerJoin(creators, eq(creators.id, engagements.creatorId))
            .where(eq(engagements.id, entityId)),
        ),
      );
    case 'agreement': {
      const row = await one(
        tx
          .select({ version: agreements.version, name: creators.name, marketCode: creators.marketCode })
          .from(agreements)
          .innerJoin(engagements, eq(engagements.id, agreements.engagementId))
          .innerJoin(creators, eq(creators.id, engagements.creatorId))
          .where(eq(agreements.id, entityId)),
      );
      return row ? { label: cleanLabel(`v${row.version} — ${row.name}`), marketCode: row.marketCode } : none;
    }
    case 'submission': {
      const row = await one(
        tx
          .select({ round: submissions.round, name: creators.name, marketCode: creators.marketCode })
          .from(submissions)
          .innerJoin(engagements, eq(engagements.id, submissions.engagementId))
          .innerJoin(creators, eq(creators.id, engagements.creatorId))
          .where(eq(submissions.id, entityId)),
      );
      return row ? { label: cleanLabel(`#${row.round} — ${row.name}`), marketCode: row.marketCode } : none;
    }
    case 'post_metrics':
      return creatorFacts(
        await one(
          tx
            .select({ name: creators.name, marketCode: creators.marketCode })
            .from(postMetrics)
            .innerJoin(engagements, eq(engagements.id, postMetrics.engagementId))
            .innerJoin(creators, eq(creators.id, engagements.creatorId))
            .where(eq(postMetrics.id, entityId)),
        ),
      );
    case 'escalation': {
      const row = await one(
        tx
          .select({ summary: escalations.summary, marketCode: escalations.marketCode })
          .from(escalations)
          .where(eq(escalations.id, entityId)),
      );
      return { label: cleanLabel(row?.summary), marketCode: row?.marketCode ?? null };
    }
    case 'user': {
      const row = await one(
        tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, entityId)),
      );
      return { label: cleanLabel(row?.name) ?? cleanLabel(row?.email), marketCode: null };
    }
    case 'invite': {
      const row = await one(
        tx
          .select({ email: invites.email, marketCodes: invites.marketCodes })
          .from(invites)
          .where(eq(invites.id, entityId)),
      );
      // An invitation to one market belongs to that market (its lead sees it); several: the workspace's.
      return {
        label: cleanLabel(row?.email),
        marketCode: row?.marketCodes.length === 1 ? row.marketCodes[0]! : null,
      };
    }
    case 'api_token': {
      const row = await one(
        tx.select({ name: apiTokens.name }).from(apiTokens).where(eq(apiTokens.id, entityId)),
      );
      return { label: cleanLabel(row?.name), marketCode: null };
    }
    case 'external_participant': {
      const row = await one(
        tx
          .select({ name: externalParticipants.name })
          .from(externalParticipants)
          .where(eq(externalParticipants.id, entityId)),
      );
      return { label: cleanLabel(row?.name), marketCode: null };
    }
    case 'webhook': {
      const row = await one(tx.select({ url: webhooks.url }).from(webhooks).where(eq(webhooks.id, entityId)));
      return { label: cleanLabel(row?.url), marketCode: null };
    }
    case 'import': {
      const row = await one(
        tx
          .select({ fileName: imports.fileName, format: imports.format })
          .from(imports)
          .where(eq(imports.id, entityId)),
      );
      return { label: cleanLabel(row?.fileName) ?? cleanLabel(row?.format), marketCode: null };
    }
    case 'job': {
      const row = await one(tx.select({ name: jobs.name }).from(jobs).where(eq(jobs.id, entityId)));
      return { label: cleanLabel(row?.name), marketCode: null };
    }
    default:
      return none;
  }
}

/**
 * The facts stored with a new event: what the caller passed, else the entity as it stands in the
 * writing transaction, else the event's payload (a deleted entity's last snapshot), else its id's
 * parts. A person acting on their own account is named by the actor.
 */
export async function entityFacts(
  tx: DbOrTx,
  entry: {
    actor: { id: string; name: string } | null;
    entityType: string;
    entityId: string;
    entityLabel?: string | null | undefined;
    marketCode?: string | null | undefined;
    before?: unknown;
    after?: unknown;
  },
): Promise<EntityFacts> {
  const explicitLabel = cleanLabel(entry.entityLabel);
  const explicitMarket = entry.marketCode === undefined ? undefined : entry.marketCode;
  if (explicitLabel && explicitMarket !== undefined)
    return { label: explicitLabel, marketCode: explicitMarket };
  const stored = await factsFromDatabase(tx, entry.entityType, entry.entityId);
  const payload = factsFromPayload(
    entry.entityType,
    entry.entityId,
    entry.before ?? null,
    entry.after ?? null,
  );
  const self =
    entry.entityType === 'user' && entry.actor?.id === entry.entityId ? cleanLabel(entry.actor.name) : null;
  return {
    label: explicitLabel ?? stored.label ?? payload.label ?? self,
    marketCode: explicitMarket !== undefined ? explicitMarket : (stored.marketCode ?? payload.marketCode),
  };
}
