// Reads the start of a CSV in the browser (before uploading it) to offer a column mapping: the
// header and a few rows. The server reads the whole file again with the same rules (BOM, the
// separator the header uses most outside quotes, quoted fields over several lines).
import { METRIC_FIELDS, type MetricField } from '../../api/insights.ts';

export interface CsvHead {
  delimiter: ',' | ';' | '\t';
  header: string[];
  rows: string[][];
}

const HEAD_BYTES = 64 * 1024;

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(blob, 'utf-8');
  });
}

export function detectDelimiter(text: string): CsvHead['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',') as CsvHead['delimiter'];
}

/** Up to `maxRows` records of CSV text (RFC 4180 quoting; the last, possibly cut, record dropped). */
export function parseRecords(
  text: string,
  delimiter: string,
  maxRows: number,
  complete: boolean,
): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length && records.length < maxRows; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((f) => f.trim() !== '')) records.push(record.map((f) => f.trim()));
      record = [];
    } else field += ch;
  }
  if (complete && records.length < maxRows && (field || record.length)) {
    record.push(field);
    if (record.some((f) => f.trim() !== '')) records.push(record.map((f) => f.trim()));
  }
  return records;
}

export async function readCsvHead(file: Blob, maxRows = 4): Promise<CsvHead> {
  const text = (await readText(file.slice(0, HEAD_BYTES))).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const [header = [], ...rows] = parseRecords(text, delimiter, maxRows + 1, file.size <= HEAD_BYTES);
  return { delimiter, header, rows };
}

/** Headers other tools write for each field (English and Russian exports), lower case. */
const ALIASES: Record<MetricField, string[]> = {
  creator: ['creator', 'influencer', 'author', 'blogger', 'автор', 'блогер', 'креатор', 'инфлюенсер'],
  engagement_id: ['engagement_id', 'engagement id', 'engagement'],
  promo_code: ['promo_code', 'promo code', 'discount code', 'промокод', 'промо-код'],
  platform: ['platform', 'network', 'площадка', 'платформа', 'соцсеть'],
  post_url: ['post_url', 'post url', 'url', 'link', 'permalink', 'ссылка', 'ссылка на пост'],
  posted_at: ['posted_at', 'posted at', 'published', 'publish date', 'дата публикации', 'опубликовано'],
  measured_at: ['measured_at', 'measured at', 'date', 'snapshot', 'дата замера', 'дата', 'дата выгрузки'],
  reach: ['reach', 'охват', 'охват поста'],
  impressions: ['impressions', 'показы', 'просмотры ленты'],
  views: ['views', 'video views', 'plays', 'просмотры', 'просмотры видео'],
  likes: ['likes', 'reactions', 'лайки', 'нравится', 'реакции'],
  comments: ['comments', 'комментарии', 'комменты'],
  shares: ['shares', 'reposts', 'forwards', 'репосты', 'поделились', 'пересылки'],
  saves: ['saves', 'saved', 'bookmarks', 'сохранения', 'закладки'],
  clicks: ['clicks', 'link clicks', 'клики', 'переходы'],
};

/** A first guess: each field to the column whose header names it (exact, then known aliases). */
export function guessMapping(header: string[]): Partial<Record<MetricField, string>> {
  const used = new Set<string>();
  const result: Partial<Record<MetricField, string>> = {};
  for (const field of METRIC_FIELDS) {
    const match = header.find(
      (h) => !used.has(h) && ALIASES[field].includes(h.trim().toLowerCase().replace(/\s+/g, ' ')),
    );
    if (match) {
      result[field] = match;
      used.add(match);
    }
  }
  return result;
}
