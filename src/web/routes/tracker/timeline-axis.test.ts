import { describe, expect, it } from 'vitest';
import { dayAxis } from './timeline-axis.ts';

const at = (iso: string) => new Date(iso).getTime();

describe('the timeline chart’s day axis', () => {
  it('puts each label over the middle of its day in the viewer’s zone, so an evening go-live sits under its own day', () => {
    const axis = dayAxis({
      start: at('2026-12-03T21:00:00Z'), // 00:00 on 4 Dec in Moscow
      end: at('2026-12-07T21:00:00Z'),
      zone: 'Europe/Moscow',
      plotWidth: 800,
      labelWidth: 50,
    });
    expect(axis.labels.map((l) => l.date)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    // Noon in Moscow, not midnight.
    expect(new Date(axis.labels[1]!.at).toISOString()).toBe('2026-12-05T09:00:00.000Z');
    // A go-live at 18:00 MSK on 5 Dec is nearer the 5 Dec label than the 6 Dec one.
    const goLive = at('2026-12-05T15:00:00Z');
    const nearest = axis.labels.reduce((a, b) => (Math.abs(b.at - goLive) < Math.abs(a.at - goLive) ? b : a));
    expect(nearest.date).toBe('2026-12-05');
    expect(axis.boundaries.map((b) => new Date(b).toISOString())).toEqual([
      '2026-12-03T21:00:00.000Z',
      '2026-12-04T21:00:00.000Z',
      '2026-12-05T21:00:00.000Z',
      '2026-12-06T21:00:00.000Z',
    ]);
  });

  it('centres days that a clock change makes 25 hours long', () => {
    const axis = dayAxis({
      start: at('2026-10-31T04:00:00Z'),
      end: at('2026-11-03T05:00:00Z'),
      zone: 'America/New_York',
      plotWidth: 900,
      labelWidth: 40,
    });
    const sunday = axis.labels.find((l) => l.date === '2026-11-01');
    // 1 Nov in New York runs 04:00Z → 05:00Z next day (25 h): its middle is 16:30Z.
    expect(new Date(sunday!.at).toISOString()).toBe('2026-11-01T16:30:00.000Z');
  });

  it('thins labels out as the plot narrows, and they never overlap or stick out', () => {
    const start = at('2026-11-20T00:00:00Z');
    const end = at('2026-12-20T00:00:00Z');
    for (const plotWidth of [200, 280, 390, 600, 900, 1400]) {
      const labelWidth = 56;
      const axis = dayAxis({ start, end, zone: 'UTC', plotWidth, labelWidth });
      const xs = axis.labels.map((l) => ((l.at - start) / (end - start)) * plotWidth);
      expect(axis.labels.length).toBeGreaterThan(0);
      for (const [i, x] of xs.entries()) {
        expect(x - labelWidth / 2).toBeGreaterThanOrEqual(0);
        expect(x + labelWidth / 2).toBeLessThanOrEqual(plotWidth);
        if (i > 0) expect(x - xs[i - 1]!).toBeGreaterThanOrEqual(labelWidth);
      }
    }
    const wide = dayAxis({ start, end, zone: 'UTC', plotWidth: 1400, labelWidth: 40 });
    const narrow = dayAxis({ start, end, zone: 'UTC', plotWidth: 300, labelWidth: 40 });
    expect(narrow.labels.length).toBeLessThan(wide.labels.length);
  });
});
