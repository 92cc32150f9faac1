import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { and, desc } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { Db } from '../../db/index.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import type { Actor } from '../auth/policies.ts';
import { type AuditFilter, auditConditions, auditScope } from './find-events.ts';
import { decodePayload, presentAuditRow } from './record-event.ts';
import { auditEvents } from './tables.ts';

/** Rows read per query while streaming: memory stays flat however long the log is. */
const BATCH = 1000;
/** An export is a document, not a backup: past this the file says it was cut. */
export const EXPORT_MAX_ROWS = 100_000;

const known = (locale: Locale, key: string, fallback: string) => {
  const text = translate(locale, key as MessageKey);
  return text === key ? fallback : text;
};

/** The instant as wall-clock time in the reader's zone, with its offset: `2026-03-08T18:00:00+03:00`. */
function localTime(at: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(zone)
    .toString({ smallestUnit: 'second', timeZoneName: 'never' });
}

/**
 * The filtered log as CSV, newest first: headers and action and entity names in the reader's
 * language, the time in UTC and in the reader's zone. Text cells that a spreadsheet would run as
 * a formula (a task titled "=HYPERLINK(…)") are neutralised by safeCsvOptions.
 */
export function auditCsv(
  db: Db,
  actor: Actor,
  filter: Omit<AuditFilter, 'limit' | 'cursor'>,
  locale: Locale,
  zone: string,
): Readable {
  const t = (key: string) => translate(locale, key as MessageKey);
  const scope = auditScope(actor);
  async function* rows() {
    yield '\uFEFF';
    yield stringify(
      [
        [
          t('audit.csv.timeUtc'),
          translate(locale, 'audit.csv.timeLocal', { zone }),
          t('audit.csv.actor'),
          t('audit.csv.action'),
          t('audit.csv.actionCode'),
          t('audit.csv.entityType'),
          t('audit.csv.entity'),
          t('audit.csv.entityId'),
          t('audit.csv.market'),
          t('audit.csv.campaignId'),
          t('audit.csv.before'),
          t('audit.csv.after'),
        ],
      ],
      safeCsvOptions,
    );
    let cursor: number | undefined;
    let written = 0;
    while (written < EXPORT_MAX_ROWS) {
      const batch = await db
        .select()
        .from(auditEvents)
        .where(and(...auditConditions({ ...filter, cursor }, scope)))
        .orderBy(desc(auditEvents.id))
        .limit(Math.min(BATCH, EXPORT_MAX_ROWS - written));
      if (batch.length === 0) return;
      yield stringify(
        batch.map((row) => {
          const event = presentAuditRow(row, decodePayload(row.action, row.before, row.after));
          const typeName = known(locale, `audit.entity.${row.entityType}`, row.entityType);
          return [
            event.at,
            localTime(row.at, zone),
            event.actor?.name ?? t('audit.system'),
            known(locale, `audit.action.${row.action}`, row.action),
            row.action,
            typeName,
            event.entityLabel ?? typeName,
            row.entityId,
            event.marketCode ?? '',
            row.campaignId ?? '',
            event.before == null ? '' : JSON.stringify(event.before),
            event.after == null ? '' : JSON.stringify(event.after),
          ];
        }),
        safeCsvOptions,
      );
      written += batch.length;
      cursor = batch.at(-1)!.id;
      if (batch.length < BATCH) return;
    }
  }
  return Readable.from(rows());
}
