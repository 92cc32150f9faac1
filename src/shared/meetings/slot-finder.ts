/**
 * The slot finder: given everyone's working hours in their own zones, find meeting slots inside
 * as many people's hours as possible. Pure and browser-safe (the planner grid uses it too).
 * Working intervals are built with Temporal from each person's local wall-clock hours, so a DST
 * change inside the range moves their hours in UTC exactly as their clocks move.
 */
import { Temporal } from 'temporal-polyfill';

/** ISO weekday 1 (Monday) … 7 (Sunday) → hours that day, or absent for a day off. */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, { start: string; end: string }>>;

export interface SlotParticipant {
  id: string;
  name: string;
  timeZone: string;
  hours: WeeklyHours;
}

export interface SlotRequest {
  participants: SlotParticipant[];
  durationMinutes: number;
  /** UTC instants bounding the search. */
  from: string;
  to: string;
  stepMinutes?: number;
  limit?: number;
}

export interface Slot {
  start: string;
  end: string;
  insideCount: number;
  /** Everyone whose hours the slot leaves, with by how many minutes. Empty for a perfect slot. */
  outside: Array<{ participantId: string; name: string; minutesOutside: number }>;
  totalMinutesOutside: number;
}

export const DEFAULT_HOURS: WeeklyHours = {
  1: { start: '09:00', end: '18:00' },
  2: { start: '09:00', end: '18:00' },
  3: { start: '09:00', end: '18:00' },
  4: { start: '09:00', end: '18:00' },
  5: { start: '09:00', end: '18:00' },
};

const MINUTE = 60_000;

function zoned(date: Temporal.PlainDate, time: string, zone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  // 24:00 ends a day at the next midnight; 'compatible' moves a start inside a DST gap forward.
  const plain =
    h === 24
      ? date.add({ days: 1 }).toPlainDateTime({ hour: 0 })
      : date.toPlainDateTime({ hour: h, minute: m });
  return plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** A participant's working intervals (epoch ms, sorted) covering [fromMs, toMs]. */
export function workingIntervals(p: SlotParticipant, fromMs: number, toMs: number): Array<[number, number]> {
  const first = Temporal.Instant.fromEpochMilliseconds(fromMs)
    .toZonedDateTimeISO(p.timeZone)
    .toPlainDate()
    .subtract({ days: 1 });
  const last = Temporal.Instant.fromEpochMilliseconds(toMs)
    .toZonedDateTimeISO(p.timeZone)
    .toPlainDate()
    .add({ days: 1 });
  const intervals: Array<[number, number]> = [];
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    const hours = p.hours[day.dayOfWeek as 1];
    if (!hours) continue;
    const start = zoned(day, hours.start, p.timeZone);
    const end = zoned(day, hours.end, p.timeZone);
    if (end > start && end > fromMs && start < toMs) intervals.push([start, end]);
  }
  return intervals;
}

/** Minutes of [start, end) not covered by the (sorted, disjoint) intervals. */
function minutesOutside(intervals: Array<[number, number]>, start: number, end: number): number {
  let covered = 0;
  for (const [a, b] of intervals) {
    if (a >= end) break;
    if (b <= start) continue;
    covered += Math.min(b, end) - Math.max(a, start);
  }
  return Math.round((end - start - covered) / MINUTE);
}

export function findSlots(request: SlotRequest): { slots: Slot[]; perfect: boolean } {
  const step = (request.stepMinutes ?? 30) * MINUTE;
  const duration = request.durationMinutes * MINUTE;
  const fromMs = Date.parse(request.from);
  const toMs = Date.parse(request.to);
  const intervals = request.participants.map((p) => workingIntervals(p, fromMs, toMs));
  const candidates: Slot[] = [];
  // Candidates start on the step grid (whole half hours by default), like a person would offer.
  for (let start = Math.ceil(fromMs / step) * step; start + duration <= toMs; start += step) {
    const end = start + duration;
    const outside: Slot['outside'] = [];
    let total = 0;
    request.participants.forEach((p, i) => {
      const minutes = minutesOutside(intervals[i]!, start, end);
      if (minutes > 0) {
        outside.push({ participantId: p.id, name: p.name, minutesOutside: minutes });
        total += minutes;
      }
    });
    candidates.push({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      insideCount: request.participants.length - outside.length,
      outside,
      totalMinutesOutside: total,
    });
  }
  candidates.sort(
    (a, b) =>
      b.insideCount - a.insideCount ||
      a.totalMinutesOutside - b.totalMinutesOutside ||
      a.start.localeCompare(b.start),
  );
  const slots = candidates.slice(0, request.limit ?? 20);
  return { slots, perfect: slots[0]?.outside.length === 0 };
}
