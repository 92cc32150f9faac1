import { z } from 'zod';
import {
  EARLIEST_YEAR,
  isInstantInRange,
  LATEST_YEAR,
  parseLocalTime,
  tryUtcIso,
} from '../../shared/time/index.ts';
import { timeZone } from '../modules/auth/schema.ts';
import { AppError } from './errors.ts';

/**
 * Every instant the API accepts (bodies and query filters alike): ISO 8601 with an offset, inside
 * the years the database and the time library agree on.
 */
export const instant = z.iso
  .datetime({ offset: true })
  // An unreadable value is the format check's to report; this one speaks only of the year.
  .refine((value) => tryUtcIso(value) === null || isInstantInRange(value), {
    message: 'instant_out_of_range',
  })
  .describe(`ISO 8601 instant with an offset, years ${EARLIEST_YEAR}–${LATEST_YEAR}`);

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/)
  .refine(
    (local) => {
      const year = Number(local.slice(0, 4));
      return Number.isNaN(year) || (year >= EARLIEST_YEAR && year <= LATEST_YEAR);
    },
    { message: 'instant_out_of_range' },
  );

/**
 * Wherever an instant is accepted, so is a local time in a zone (API.md). A local time that
 * the clocks skip or pass twice must say which one is meant; it is never guessed.
 */
export const instantInput = z.union([
  instant,
  z.strictObject({
    local: localDateTime,
    timeZone,
    disambiguation: z.enum(['earlier', 'later', 'reject']).default('reject'),
  }),
]);
export type InstantInput = z.output<typeof instantInput>;

export interface ResolvedInstant {
  at: Date;
  /** The zone the time was given in, when it was given as a local time. */
  timeZone: string | null;
  adjusted: null | { kind: 'gap' | 'overlap'; chosen: 'earlier' | 'later'; local: string };
}

export function resolveInstant(input: InstantInput): ResolvedInstant {
  if (typeof input === 'string') return { at: new Date(input), timeZone: null, adjusted: null };
  const result = parseLocalTime(input.local, input.timeZone, input.disambiguation);
  if (result.ok) {
    return {
      at: new Date(result.instant),
      timeZone: input.timeZone,
      adjusted: result.adjusted ? { ...result.adjusted, local: result.local } : null,
    };
  }
  const values = { local: input.local.replace('T', ' '), timeZone: input.timeZone };
  if (result.reason === 'nonexistent') {
    throw new AppError(400, 'local_time_nonexistent', 'error.local_time_nonexistent', values, {
      options: ['earlier', 'later'],
    });
  }
  if (result.reason === 'ambiguous') {
    throw new AppError(400, 'local_time_ambiguous', 'error.local_time_ambiguous', values, {
      options: ['earlier', 'later'],
    });
  }
  throw new AppError(400, 'validation_failed', 'error.validation_failed');
}
