import { stringify } from 'csv-stringify';
import type { z } from 'zod';
import { formatInZones } from '../../../shared/time/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { safeCsvOptions } from '../../http/csv.ts';
import type { Campaign } from '../campaigns/find-campaign.ts';
import { findTasks } from './find-tasks.ts';
import type { listTasksQuery } from './schema.ts';

/**
 * Streams the filtered tasks as CSV, page by page, so a large campaign never sits in memory.
 * Due times appear in UTC and in every market's zone. Text that a spreadsheet would run as a
 * formula is neutralised (safeCsvOptions).
 */
export async function tasksCsv(db: DbOrTx, campaign: Campaign, query: z.output<typeof listTasksQuery>) {
  // The first page is read before anything is sent, so a filter the database refuses is still
  // an ordinary 4xx, not a stream cut short after a 200.
  const firstPage = await findTasks(
    db,
    { campaignId: campaign.id },
    { ...query, limit: 500, cursor: undefined },
  );
  const zones = campaign.markets.map((m) => m.timeZone);
  const csv = stringify({
    ...safeCsvOptions,
    header: true,
    bom: true,
    columns: [
      'number',
      'title',
      'status',
      'owner',
      'market',
      'due_utc',
      ...campaign.markets.map((m) => `due_${m.code}`),
      'labels',
      'created_utc',
      'description',
    ],
  });
  void (async () => {
    let cursor: string | undefined;
    try {
      let page = firstPage;
      for (;;) {
        for (const task of page.tasks) {
          const local = task.dueAt ? formatInZones(task.dueAt, zones, 'en') : [];
          const ok = csv.write([
            task.number,
            task.title,
            task.status,
            task.ownerName,
            task.marketCode ?? '',
            task.dueAt ?? '',
            ...zones.map((_, i) =>
              local[i] ? `${local[i]!.date} ${local[i]!.time} ${local[i]!.abbreviation}` : '',
            ),
            task.labels.join(', '),
            task.createdAt,
            task.description,
          ]);
          if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
        }
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
        page = await findTasks(db, { campaignId: campaign.id }, { ...query, limit: 500, cursor });
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}
