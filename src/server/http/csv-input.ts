import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** What csv-parse found wrong, as a code the catalogue can say in the reader's language. */
export function csvProblem(error: unknown): 'quote_not_closed' | 'bad_quote' | 'record_too_large' | 'other' {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'quote_not_closed';
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
    return 'bad_quote';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'record_too_large';
  return 'other';
}

/** The line csv-parse was reading when it gave up (1-based), when it says. */
export function csvErrorLine(error: unknown): number | null {
  const lines = (error as { lines?: unknown } | null)?.lines;
  return typeof lines === 'number' && Number.isFinite(lines) ? lines : null;
}

/** A CSV body that cannot be parsed: 400 naming the line and the problem, never the parser's English. */
export function csvParseError(error: unknown): AppError {
  const line = csvErrorLine(error);
  const problem = csvProblem(error);
  return new AppError(
    400,
    'csv_invalid',
    'error.csv_unreadable',
    { line: line ?? 0, problem },
    line === null ? undefined : [{ line, problem }],
  );
}

/** A CSV upload's body, streamed: only `text/csv` (or `application/csv`) is accepted, else 415. */
export function csvBody(request: FastifyRequest): Readable {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if ((type !== 'text/csv' && type !== 'application/csv') || !(request.body instanceof Readable)) {
    throw new AppError(415, 'unsupported_media_type', 'error.csv_required');
  }
  return request.body;
}
