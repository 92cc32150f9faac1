import fs from 'node:fs';
import { pipeline as nodePipeline, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { and, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import { type MessageKey, translate, translator } from '../../../shared/i18n/index.ts';
import { isHttpUrl } from '../../../shared/links.ts';
import { COUNT_FIELDS, METRIC_FIELDS, SHOPIFY_REQUIRED_COLUMNS } from '../../../shared/measurement.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isStorableText } from '../../http/storable.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { recordImportedPosts } from '../creators/engagements.ts';
import { creators, engagements } from '../creators/tables.ts';
import type { ImportFiles } from './import-files.ts';
import { parseInstant, parseNumber } from './parse-values.ts';
import { mayImport } from './policies.ts';

type Translate = ReturnType<typeof translator>;

import { type ImportFormat, imports, orders, postMetrics } from './tables.ts';

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_STORED_ERRORS = 1000;
const ORDER_BATCH = 10_000;
const METRIC_BATCH = 10_000;
/** A batch is also written once its rows took this many bytes of the file (wide rows, long texts). */
const BATCH_BYTES = 4 * 1024 * 1024;
/** No row may be longer: a quote that never closes fails the import instead of filling memory. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Rows parsed between two turns given back to the event loop (interactive requests stay fast). */
const ROWS_PER_TURN = 2_000;
const STALE_AFTER_MS = 5 * 60_000;

// Who may import or undo: metrics/policies.ts.
export { mayImport };

type ImportRow = typeof imports.$inferSelect;

/** The reason an import failed, in the reader's language. */
export function importFailureMessage(row: ImportRow, locale: Parameters<typeof translate>[0]): string | null {
  if (!row.failure) return null;
  const [kind, detail = ''] = row.failure.split(/:(.*)/s);
  // unreadable:<line>:<problem> (see unreadableFailure)
  const [line = '0', problem = 'other'] = detail.split(':');
  return translate(locale, `import.failure.${kind}` as MessageKey, {
    format: row.format,
    columns: detail,
    detail,
    line: Number(line) || 0,
    problem,
    limitMb: MAX_RECORD_BYTES / 1024 / 1024,
  });
}

export function presentImport(row: ImportRow) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    format: row.format,
    status: row.status,
    fileName: row.fileName,
    progress: row.bytesTotal ? Math.min(1, row.bytesRead / row.bytesTotal) : 0,
    rowsRead: row.rowsRead,
    rowsImported: row.rowsImported,
    rowsRejected: row.rowsRejected,
    errors: row.errors,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Picks the separator the header line uses most (outside quotes): `,`, `;` or tab. */
async function detectDelimiter(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of head) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch in counts) counts[ch]! += 1;
    }
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0];
  } finally {
    await handle.close();
  }
}

interface Progress {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  errors: Array<{ line: number; message: string }>;
}

function reject(progress: Progress, line: number, message: string, rows = 1) {
  progress.rowsRejected += rows;
  if (progress.errors.length < MAX_STORED_ERRORS) progress.errors.push({ line, message });
}

class WrongFormat extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** The 1-based line of a byte offset in the file, counted without reading the file into memory. */
async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of fs.createReadStream(file, { end: Math.max(0, offset - 1) })) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) line += 1;
    seen += buffer.length;
  }
  return seen ? line : 1;
}

/**
 * A CSV the parser gave up on (a quote never closed, a row over MAX_RECORD_BYTES, a stray quote):
 * `unreadable:<line>:<problem>`, the line being where the offending row starts.
 */
async function unreadableFailure(file: string, error: { code: string; bytes?: unknown }) {
  const problem =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'quote_not_closed'
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? 'record_too_large'
        : 'other';
  // csv-parse reports the offset just after the offending row's first byte.
  const offset = typeof error.bytes === 'number' ? error.bytes - 1 : 0;
  return `unreadable:${await lineAt(file, offset)}:${problem}`;
}

const isCsvError = (error: unknown): error is { code: string; bytes?: unknown } =>
  typeof (error as { code?: unknown } | null)?.code === 'string' &&
  (error as { code: string }).code.startsWith('CSV_');

/**
 * Accepts an upload: the body is spooled to a temporary file as it arrives (never held in
 * memory), then parsed in the background while `GET /api/imports/:id` reports progress.
 */
export async function receiveImport(
  db: Db,
  actor: Actor,
  campaignId: string,
  format: ImportFormat,
  body: Readable,
  options: { fileName?: string; mapping?: Record<string, string> },
  files: ImportFiles,
) {
  const campaign = await findCampaign(db, campaignId);
  if (!mayImport(actor, campaign)) throw forbidden();
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(imports)
      .values({
        campaignId,
        format,
        status: 'uploading',
        fileName: options.fileName ?? null,
        mapping: options.mapping ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'import.started',
      entityType: 'import',
      entityId: inserted[0]!.id,
      campaignId,
      after: { format, fileName: options.fileName ?? null },
    });
    return inserted;
  });
  const id = row!.id;
  const file = files.fileOf(id);
  let bytes = 0;
  try {
    await pipeline(
      body,
      async function* (source) {
        for await (const chunk of source) {
          bytes += (chunk as Buffer).length;
          if (bytes > MAX_UPLOAD_BYTES)
            throw new AppError(413, 'body_too_large', 'error.body_too_large', {
              limitKb: MAX_UPLOAD_BYTES / 1024,
            });
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
  } catch (error) {
    fs.rmSync(file, { force: true });
    await db
      .update(imports)
      .set({ status: 'failed', failure: 'upload_failed', finishedAt: new Date() })
      .where(eq(imports.id, id));
    throw error;
  }
  await db
    .update(imports)
    .set({ status: 'processing', bytesTotal: bytes, heartbeatAt: new Date() })
    .where(eq(imports.id, id));
  // In the background; the file is removed however it ends (ImportFiles.run).
  files.run(id, (signal) =>
    processImport(db, actor, campaign.id, id, format, file, options.mapping ?? {}, signal),
  );
  return { id };
}

async function processImport(
  db: Db,
  actor: Actor,
  campaignId: string,
  id: string,
  format: ImportFormat,
  file: string,
  mapping: Record<string, string>,
  /** Aborted when the server shuts down: the import stops and is recorded as interrupted. */
  signal: AbortSignal,
) {
  const progress: Progress = { rowsRead: 0, rowsImported: 0, rowsRejected: 0, errors: [] };
  // Row errors are written once, in the language of the person who uploaded the file.
  const t = translator(actor.locale);
  let lastPublished = 0;
  const input = fs.createReadStream(file, { signal });
  const save = async (tx: DbOrTx) => {
    await tx
      .update(imports)
      .set({ ...progress, errors: progress.errors, bytesRead: input.bytesRead, heartbeatAt: new Date() })
      .where(eq(imports.id, id));
    if (Date.now() - lastPublished > 500) {
      lastPublished = Date.now();
      await publish(tx, `campaign:${campaignId}`, {
        type: 'import.progress',
        entityType: 'import',
        entityId: id,
        data: { ...progress, errors: undefined },
      });
    }
  };
  try {
    const delimiter = await detectDelimiter(file);
    const decimalComma = delimiter === ';';
    // pipeline, not pipe: a read error or the shutdown abort reaches the parser (and the loop).
    const records = nodePipeline(
      input,
      parse({
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
        max_record_size: MAX_RECORD_BYTES,
      }),
      () => {},
    ) as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>;
    const processor =
      format === 'shopify-orders'
        ? await shopifyProcessor(db, campaignId, id, decimalComma, progress, t)
        : await metricsProcessor(db, campaignId, id, decimalComma, progress, mapping, t);
    let header: string[] | null = null;
    let rowBytes = 0;
    for await (const { record, info } of records) {
      const size = info.bytes - rowBytes;
      rowBytes = info.bytes;
      if (!header) {
        // A header name that cannot be stored matches no column: it is dropped, not kept.
        header = record.map((h) => (isStorableText(h) ? h.trim() : ''));
        processor.header(header);
        continue;
      }
      progress.rowsRead += 1;
      if (!record.every(isStorableText)) {
        reject(progress, info.lines, t('import.row.unstorable'));
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((name, i) => {
        row[name] = record[i] ?? '';
      });
      const batch = processor.row(row, info.lines, size);
      if (batch) {
        await db.transaction(async (tx) => {
          await batch(tx);
          await save(tx);
        });
        await nextTurn();
        signal.throwIfAborted();
      } else if (progress.rowsRead % ROWS_PER_TURN === 0) await nextTurn();
    }
    if (!header) throw new WrongFormat('empty');
    await db.transaction(async (tx) => {
      await processor.finish(tx);
      await save(tx);
      await tx.update(imports).set({ status: 'completed', finishedAt: new Date() }).where(eq(imports.id, id));
      await recordAuditEvent(tx, {
        actor,
        action: 'import.completed',
        entityType: 'import',
        entityId: id,
        campaignId,
        after: {
          format,
          rowsRead: progress.rowsRead,
          rowsImported: progress.rowsImported,
          rowsRejected: progress.rowsRejected,
        },
      });
      await publish(tx, `campaign:${campaignId}`, {
        type: 'import.completed',
        entityType: 'import',
        entityId: id,
      });
    });
  } catch (error) {
    input.destroy();
    const failure = signal.aborted
      ? 'interrupted'
      : error instanceof WrongFormat
        ? `wrong_format:${error.detail}`
        : isCsvError(error)
          ? await unreadableFailure(file, error)
          : `failed:${(error as Error).message.slice(0, 300)}`;
    // Nothing of a failed import stays: the rows of the batches already written are removed.
    await db.transaction(async (tx) => {
      await tx.delete(orders).where(eq(orders.importId, id));
      await tx.delete(postMetrics).where(eq(postMetrics.importId, id));
      await tx
        .update(imports)
        .set({
          status: 'failed',
          failure,
          rowsImported: 0,
          finishedAt: new Date(),
          rowsRead: progress.rowsRead,
          errors: progress.errors,
        })
        .where(eq(imports.id, id));
      await recordAuditEvent(tx, {
        actor,
        action: 'import.failed',
        entityType: 'import',
        entityId: id,
        campaignId,
        after: { failure },
      });
      await publish(tx, `campaign:${campaignId}`, {
        type: 'import.failed',
        entityType: 'import',
        entityId: id,
      });
    });
  }
}

/**
 * Inserts a batch as one JSON parameter expanded by `json_to_recordset`: building a statement
 * with tens of thousands of bound parameters cost more than the database's own work.
 */
async function bulkInsert<T extends typeof orders | typeof postMetrics>(
  tx: DbOrTx,
  table: T,
  rows: Array<T['$inferInsert']>,
) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null]),
      ),
    ),
  );
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const types = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${json}::json) as x(${types})`,
  );
}

interface Processor {
  header(columns: string[]): void;
  /** Returns a write to run when a batch is full (by rows, or by `size`s: the rows' bytes in the file). */
  row(row: Record<string, string>, line: number, size: number): ((tx: DbOrTx) => Promise<void>) | null;
  finish(tx: DbOrTx): Promise<void>;
}

async function promoCodes(db: DbOrTx, campaignId: string) {
  const rows = await db
    .select({
      id: engagements.id,
      promoCode: engagements.promoCode,
      postUrl: engagements.postUrl,
      name: creators.name,
      marketTimeZone: creators.timeZone,
    })
    .from(engagements)
    .innerJoin(creators, eq(creators.id, engagements.creatorId))
    .where(eq(engagements.campaignId, campaignId));
  return rows;
}

/**
 * Shopify's orders export: one row per line item, order fields on an order's first row only,
 * rows of an order consecutive and sharing `Name`. Orders are attributed to a creator through
 * the promo code in `Discount Code`.
 */
async function shopifyProcessor(
  db: Db,
  campaignId: string,
  importId: string,
  decimalComma: boolean,
  progress: Progress,
  t: Translate,
): Promise<Processor> {
  const campaign = await findCampaign(db, campaignId);
  const zone = campaign.markets[0]!.timeZone;
  const byCode = new Map(
    (await promoCodes(db, campaignId))
      .filter((e) => e.promoCode)
      .map((e) => [e.promoCode!.toUpperCase(), e.id]),
  );
  const seen = new Set(
    (await db.select({ name: orders.orderName }).from(orders).where(eq(orders.campaignId, campaignId))).map(
      (o) => o.name,
    ),
  );
  let pending: Array<typeof orders.$inferInsert> = [];
  let pendingBytes = 0;
  let current: {
    name: string;
    line: number;
    first: Record<string, string>;
    rows: number;
    quantity: number;
    bad: string | null;
  } | null = null;

  const flushOrder = () => {
    if (!current) return;
    const { first, name, line, rows } = current;
    const total = parseNumber(first.Total, decimalComma);
    const subtotal = parseNumber(first.Subtotal, decimalComma);
    const discount = parseNumber(first['Discount Amount'], decimalComma);
    const orderedAt = parseInstant(first['Created at'], zone);
    const problem =
      current.bad ??
      (seen.has(name) ? t('import.row.duplicateOrder', { name }) : null) ??
      (!first.Currency ? t('import.row.noCurrency') : null) ??
      (total === null || Number.isNaN(total)
        ? t('import.row.notNumber', { column: 'Total', value: first.Total ?? '' })
        : null) ??
      (orderedAt === 'invalid' ? t('import.row.notDate', { value: first['Created at'] ?? '' }) : null);
    if (problem) {
      reject(progress, line, problem, rows);
    } else {
      seen.add(name);
      const codes = (first['Discount Code'] ?? '')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean);
      pending.push({
        campaignId,
        importId,
        orderName: name,
        orderedAt: orderedAt as Date | null,
        currency: first.Currency!.toUpperCase(),
        subtotal: String(subtotal && !Number.isNaN(subtotal) ? subtotal : total),
        total: String(total),
        discountCode: codes.join(', ') || null,
        discountAmount: String(discount && !Number.isNaN(discount) ? discount : 0),
        lineItems: rows,
        quantity: current.quantity,
        engagementId: codes.map((c) => byCode.get(c)).find(Boolean) ?? null,
      });
      progress.rowsImported += rows;
    }
    current = null;
  };
  const write = (batch: typeof pending) => (tx: DbOrTx) => bulkInsert(tx, orders, batch);

  return {
    header(columns) {
      const missing = SHOPIFY_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
      if (missing.length) throw new WrongFormat(missing.join(', '));
    },
    row(row, line, size) {
      pendingBytes += size;
      const name = (row.Name ?? '').trim();
      if (!current || current.name !== name) {
        flushOrder();
        current = { name, line, first: row, rows: 0, quantity: 0, bad: name ? null : t('import.row.noName') };
      }
      current.rows += 1;
      const quantity = parseNumber(row['Lineitem quantity'], decimalComma);
      if (quantity === null || Number.isNaN(quantity))
        current.bad ??= t('import.row.notNumber', {
          column: 'Lineitem quantity',
          value: row['Lineitem quantity'] ?? '',
        });
      else current.quantity += quantity;
      if (pending.length >= ORDER_BATCH || (pendingBytes >= BATCH_BYTES && pending.length)) {
        const batch = pending;
        pending = [];
        pendingBytes = 0;
        return write(batch);
      }
      return null;
    },
    async finish(tx) {
      flushOrder();
      await write(pending)(tx);
      pending = [];
    },
  };
}

/** Post metrics in the generic layout, or any layout through a column mapping {field: header}. */
async function metricsProcessor(
  db: Db,
  campaignId: string,
  importId: string,
  decimalComma: boolean,
  progress: Progress,
  mapping: Record<string, string>,
  t: Translate,
): Promise<Processor> {
  const known = await promoCodes(db, campaignId);
  const byId = new Map(known.map((e) => [e.id, e]));
  const byName = new Map(known.map((e) => [e.name.toLowerCase(), e]));
  const byCode = new Map(known.filter((e) => e.promoCode).map((e) => [e.promoCode!.toUpperCase(), e]));
  const byPostUrl = new Map(known.filter((e) => e.postUrl).map((e) => [e.postUrl!, e]));
  /** Each engagement's earliest post seen in the file: a creator with no post recorded goes live by it. */
  const firstPosts = new Map<string, { postUrl: string; postedAt: Date }>();
  const column: Record<string, string | undefined> = {};
  let pending: Array<typeof postMetrics.$inferInsert> = [];
  let pendingBytes = 0;
  const now = new Date();
  const write = (batch: typeof pending) => (tx: DbOrTx) => bulkInsert(tx, postMetrics, batch);
  return {
    header(columns) {
      const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
      // A field mapped to "" is ignored even when the file has a column of that name.
      for (const field of METRIC_FIELDS)
        column[field] = field in mapping ? mapping[field] || undefined : lower.get(field);
      const mappedMissing = Object.entries(mapping).filter(
        ([, header]) => header && !columns.includes(header),
      );
      if (mappedMissing.length) throw new WrongFormat(mappedMissing.map(([, h]) => h).join(', '));
      if (!column.creator && !column.engagement_id && !column.promo_code && !column.post_url)
        throw new WrongFormat('creator | engagement_id | promo_code | post_url');
      if (!COUNT_FIELDS.some((m) => column[m])) throw new WrongFormat(COUNT_FIELDS.join(' | '));
    },
    row(row, line, size) {
      const get = (field: (typeof METRIC_FIELDS)[number]) =>
        column[field] ? row[column[field]!] : undefined;
      const who =
        (get('engagement_id') && byId.get(get('engagement_id')!.trim())) ||
        (get('promo_code') && byCode.get(get('promo_code')!.trim().toUpperCase())) ||
        (get('post_url') && byPostUrl.get(get('post_url')!.trim())) ||
        (get('creator') && byName.get(get('creator')!.trim().toLowerCase()));
      if (!who) {
        reject(
          progress,
          line,
          t('import.row.noCreator', {
            who: get('creator') ?? get('engagement_id') ?? get('promo_code') ?? '',
          }),
        );
        return null;
      }
      const values: Record<string, number | null> = {};
      for (const metric of COUNT_FIELDS) {
        const n = parseNumber(get(metric), decimalComma);
        if (Number.isNaN(n) || (n !== null && n < 0)) {
          reject(progress, line, t('import.row.notNumber', { column: metric, value: get(metric) ?? '' }));
          return null;
        }
        values[metric] = n === null ? null : Math.round(n);
      }
      const measuredAt = parseInstant(get('measured_at'), who.marketTimeZone);
      const postedAt = parseInstant(get('posted_at'), who.marketTimeZone);
      if (measuredAt === 'invalid' || postedAt === 'invalid') {
        reject(
          progress,
          line,
          t('import.row.notDate', {
            value: (measuredAt === 'invalid' ? get('measured_at') : get('posted_at')) ?? '',
          }),
        );
        return null;
      }
      const postUrl = get('post_url')?.trim() || null;
      if (postUrl && !isHttpUrl(postUrl)) {
        reject(progress, line, t('import.row.notUrl', { value: postUrl.slice(0, 200) }));
        return null;
      }
      if (postUrl && postedAt) {
        const seen = firstPosts.get(who.id);
        if (!seen || postedAt < seen.postedAt) firstPosts.set(who.id, { postUrl, postedAt });
      }
      pending.push({
        campaignId,
        importId,
        engagementId: who.id,
        platform: (get('platform') ?? '').trim().toLowerCase() || 'other',
        postUrl,
        postedAt,
        measuredAt: measuredAt ?? now,
        ...values,
        source: 'import',
      });
      progress.rowsImported += 1;
      pendingBytes += size;
      if (pending.length >= METRIC_BATCH || pendingBytes >= BATCH_BYTES) {
        const batch = pending;
        pending = [];
        pendingBytes = 0;
        return write(batch);
      }
      return null;
    },
    async finish(tx) {
      await write(pending)(tx);
      pending = [];
      await recordImportedPosts(tx, firstPosts);
    },
  };
}

export async function findImport(db: DbOrTx, actor: Actor, id: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  if (!row) throw notFound();
  return row;
}

export async function listImports(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  return db
    .select()
    .from(imports)
    .where(eq(imports.campaignId, campaignId))
    .orderBy(sql`${imports.createdAt} desc`);
}

/** Removes everything an import brought in; the import stays listed as undone. */
export async function undoImport(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
    if (!row) throw notFound();
    if (!mayImport(actor, await findCampaign(tx, row.campaignId))) throw forbidden();
    if (row.status !== 'completed')
      throw new AppError(409, 'import_not_completed', 'error.import_not_completed');
    const removedOrders = await tx.delete(orders).where(eq(orders.importId, id)).returning({ id: orders.id });
    const removedMetrics = await tx
      .delete(postMetrics)
      .where(eq(postMetrics.importId, id))
      .returning({ id: postMetrics.id });
    const [updated] = await tx
      .update(imports)
      .set({ status: 'undone' })
      .where(eq(imports.id, id))
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'import.undone',
      entityType: 'import',
      entityId: id,
      campaignId: row.campaignId,
      before: { status: row.status, rowsImported: row.rowsImported },
      after: { status: 'undone', ordersRemoved: removedOrders.length, metricsRemoved: removedMetrics.length },
    });
    await publish(tx, `campaign:${row.campaignId}`, {
      type: 'import.undone',
      entityType: 'import',
      entityId: id,
    });
    return presentImport(updated!);
  });
}

/**
 * At start-up: imports whose process died mid-way are failed and their partial rows removed. With
 * the embedded database this process was the only one, so every unfinished import is dead; on
 * PostgreSQL another instance may still be working, so only imports silent for a while count.
 */
export async function recoverStaleImports(db: Db, singleProcess: boolean) {
  const stale = await db
    .select({ id: imports.id, campaignId: imports.campaignId })
    .from(imports)
    .where(
      and(
        inArray(imports.status, ['uploading', 'processing']),
        singleProcess ? undefined : lt(imports.heartbeatAt, new Date(Date.now() - STALE_AFTER_MS)),
      ),
    );
  for (const { id, campaignId } of stale) {
    await db.transaction(async (tx) => {
      await tx.delete(orders).where(eq(orders.importId, id));
      await tx.delete(postMetrics).where(eq(postMetrics.importId, id));
      await tx
        .update(imports)
        .set({ status: 'failed', failure: 'interrupted', finishedAt: new Date() })
        .where(eq(imports.id, id));
      await recordAuditEvent(tx, {
        actor: null,
        action: 'import.failed',
        entityType: 'import',
        entityId: id,
        campaignId,
        after: { failure: 'interrupted' },
      });
    });
  }
}
