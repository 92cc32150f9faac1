import { addDays, isoDate, startOfDay } from '../../../shared/time/index.ts';

export interface AxisLabel {
  /** The calendar day (in the viewer's zone) the label names. */
  date: string;
  /** The middle of that day: the label sits over the day, not over its midnight. */
  at: number;
}

export interface DayAxis {
  /** Midnights (day boundaries) to draw as grid lines. */
  boundaries: number[];
  /** Day labels, left to right, never closer than a label's width plus a gap. */
  labels: AxisLabel[];
}

/** Steps between labelled days, tried in order until labels fit side by side. */
const STEPS = [1, 2, 3, 7, 14, 28] as const;
const GAP_PX = 8;

/**
 * The date axis of the timeline chart between `start` and `end` (ms): days begin at midnight in
 * `zone` (23 or 25 hours long across a clock change), each label is centred on its day, and labels
 * are thinned out so that none overlaps another or sticks out of the plot `plotWidth` px wide when
 * a label takes `labelWidth` px.
 */
export function dayAxis({
  start,
  end,
  zone,
  plotWidth,
  labelWidth,
}: {
  start: number;
  end: number;
  zone: string;
  plotWidth: number;
  labelWidth: number;
}): DayAxis {
  const px = (time: number) => ((time - start) / (end - start)) * plotWidth;
  const days: Array<{ date: string; from: number; to: number }> = [];
  let date = isoDate(new Date(start), zone);
  for (let i = 0; i < 1000; i++, date = addDays(date, 1)) {
    const from = startOfDay(date, zone);
    if (from >= end) break;
    days.push({ date, from, to: startOfDay(addDays(date, 1), zone) });
  }
  const dayPx = days.length ? plotWidth / ((end - start) / (24 * 3_600_000)) : plotWidth;
  const step =
    STEPS.find((s) => s * dayPx >= labelWidth + GAP_PX) ?? Math.ceil((labelWidth + GAP_PX) / dayPx);

  const labels: AxisLabel[] = [];
  let lastRight = Number.NEGATIVE_INFINITY;
  const visible = days.filter((day) => {
    const centre = px((day.from + day.to) / 2);
    return centre - labelWidth / 2 >= 0 && centre + labelWidth / 2 <= plotWidth;
  });
  for (const [index, day] of visible.entries()) {
    if (index % step !== 0) continue;
    const at = (day.from + day.to) / 2;
    const left = px(at) - labelWidth / 2;
    if (left < lastRight + GAP_PX) continue;
    labels.push({ date: day.date, at });
    lastRight = left + labelWidth;
  }

  // Every midnight while days are wide enough to tell apart; otherwise only the labelled days'.
  const labelled = new Set(labels.map((l) => l.date));
  const boundaries = days
    .filter((day) => day.from >= start && (dayPx >= 6 || labelled.has(day.date)))
    .map((day) => day.from);
  return { boundaries, labels };
}

/** A label's width in px for the axis font (11.5px, semibold), from its longest text. */
export function estimateLabelWidth(texts: readonly string[]): number {
  const longest = Math.max(0, ...texts.map((text) => text.length));
  return Math.ceil(longest * 7 + 6);
}
