import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { csvParseError } from '../../http/csv-input.ts';
import { AppError, forbidden, notFound, translateZodIssue } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { assertAllowed, mayManageCreators, mayViewCreators, mayWriteCreator } from './policies.ts';
import { creatorBody, type updateCreatorBody } from './schema.ts';
import { creators } from './tables.ts';

type CreatorRow = typeof creators.$inferSelect;

export function presentCreator(row: CreatorRow) {
  return {
    id: row.id,
    name: row.name,
    marketCode: row.marketCode,
    language: row.language,
    timeZone: row.timeZone,
    channels: row.channels,
    contact: row.contact,
    notes: row.notes,
    tags: row.tags,
    hasPortalAccount: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createCreator(db: DbOrTx, actor: Actor, input: z.output<typeof creatorBody>) {
  if (!mayManageCreators(actor)) throw forbidden();
  assertAllowed(actor, mayWriteCreator(actor, input.marketCode), input.marketCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creators)
      .values({ ...input, createdBy: actor.id })
      .returning();
    const presented = presentCreator(row!);
    await recordAuditEvent(tx, {
      actor,
      action: 'creator.created',
      entityType: 'creator',
      entityId: row!.id,
      after: presented,
    });
    await publish(tx, 'workspace', { type: 'creator.created', entityType: 'creator', entityId: row!.id });
    return presented;
  });
}

export async function updateCreator(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateCreatorBody>,
) {
  if (!mayManageCreators(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(creators).where(eq(creators.id, id)).for('update');
    if (!current) throw notFound();
    // Moving a creator to another market needs both: the one they leave and the one they join.
    for (const code of new Set([current.marketCode, input.marketCode ?? current.marketCode])) {
      assertAllowed(actor, mayWriteCreator(actor, code), code);
    }
    const [row] = await tx
      .update(creators)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(creators.id, id))
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'creator.updated',
      entityType: 'creator',
      entityId: id,
      before: presentCreator(current),
      after: presentCreator(row!),
    });
    await publish(tx, 'workspace', { type: 'creator.updated', entityType: 'creator', entityId: id });
    return presentCreator(row!);
  });
}

export async function listCreators(db: DbOrTx, actor: Actor) {
  if (!mayViewCreators(actor)) throw forbidden();
  return (await db.select().from(creators).orderBy(desc(creators.createdAt))).map(presentCreator);
}

export async function findCreator(db: DbOrTx, id: string) {
  const [row] = await db.select().from(creators).where(eq(creators.id, id));
  if (!row) throw notFound();
  return row;
}

/** Links the portal account created from an invitation to its creator record. */
export async function linkCreatorAccount(tx: DbOrTx, creatorId: string, userId: string) {
  await tx.update(creators).set({ userId }).where(eq(creators.id, creatorId));
}

export async function creatorForUser(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(creators).where(eq(creators.userId, userId));
  return row ?? null;
}

export async function readLimited(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      throw new AppError(413, 'body_too_large', 'error.body_too_large', {
        limitKb: Math.floor(limit / 1024),
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REQUIRED = ['name', 'market', 'language', 'time_zone'] as const;
const toNumber = (value: string | undefined) => {
  if (!value?.trim()) return undefined;
  // Russian exports write 1 234,5: spaces (also no-break) group thousands, a comma marks decimals.
  const normal = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * Imports a roster CSV: one row per creator channel (rows with the same name and market are
 * one creator). Every row is checked first; one bad row refuses the whole file, listing each.
 */
export async function importRoster(db: Db, actor: Actor, csvText: string, locale: Locale) {
  if (!mayManageCreators(actor)) throw forbidden();
  let records: Array<Record<string, string>>;
  try {
    records = parse(csvText, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')),
      delimiter: [',', ';', '\t'],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      // One row can never need more: a quote that never closes is refused, not buffered.
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    throw csvParseError(error);
  }
  const columns = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (records.length === 0 || missing.length) {
    throw new AppError(400, 'csv_missing_columns', 'error.csv_missing_columns', {
      columns: (missing.length ? missing : REQUIRED).join(', '),
    });
  }
  const grouped = new Map<string, z.input<typeof creatorBody>>();
  const errors: Array<{ line: number; message: string }> = [];
  records.forEach((r, index) => {
    const line = index + 2;
    const key = `${r.name?.toLowerCase()}|${r.market?.toUpperCase()}`;
    const entry = grouped.get(key) ?? {
      name: r.name ?? '',
      marketCode: (r.market ?? '').toUpperCase(),
      language: (r.language ?? '').toLowerCase(),
      timeZone: r.time_zone ?? '',
      channels: [],
      contact: r.email ? { email: r.email } : {},
      notes: r.notes ?? '',
      tags: (r.tags ?? '')
        .split(/[;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    };
    if (r.platform) {
      const channel = {
        platform: r.platform.toLowerCase(),
        handle: r.handle ?? '',
        ...(r.url ? { url: r.url } : {}),
        followers: toNumber(r.followers),
        averageViews: toNumber(r.average_views),
        engagementRate: toNumber(r.engagement_rate),
      };
      (entry.channels as unknown[]).push(
        Object.fromEntries(Object.entries(channel).filter(([, v]) => v !== undefined)),
      );
    }
    const check = creatorBody.safeParse(entry);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const input = issue.path.reduce<unknown>(
          (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key],
          entry,
        );
        errors.push({ line, message: `${issue.path.join('.')}: ${translateZodIssue(locale, issue, input)}` });
      }
    }
    grouped.set(key, entry);
  });
  if (errors.length)
    throw new AppError(400, 'validation_failed', 'error.validation_failed', undefined, errors);
  // A file with creators of a market the importer does not work in is refused whole.
  const refused = [...new Set([...grouped.values()].map((e) => String(e.marketCode)))]
    .filter((code) => !mayWriteCreator(actor, code))
    .sort();
  if (refused.length) {
    throw new AppError(403, 'market_not_yours', 'error.market_not_yours', {
      markets: refused.join(', '),
      count: refused.length,
    });
  }
  return db.transaction(async (tx) => {
    const created = [];
    for (const entry of grouped.values())
      created.push(await createCreator(tx, actor, creatorBody.parse(entry)));
    return { imported: created.length, creators: created };
  });
}
