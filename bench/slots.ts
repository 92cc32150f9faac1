// The slot finder on a realistic worst case: 30 participants in 10 zones over 14 days
// (15-minute grid, 90-minute meeting). Runs in-process: the finder is a pure function.
import { findSlots, type SlotParticipant } from '../src/shared/meetings/slot-finder.ts';
import { type Benchmark, log, median } from './lib/report.ts';

const ZONES = [
  'Europe/Moscow',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo',
];

const participants: SlotParticipant[] = Array.from({ length: 30 }, (_, i) => ({
  id: `p${i}`,
  name: `Participant ${i}`,
  timeZone: ZONES[i % ZONES.length]!,
  hours: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [d, { start: i % 3 ? '09:00' : '10:00', end: i % 4 ? '18:00' : '17:30' }]),
  ),
}));

const request = {
  participants,
  durationMinutes: 90,
  // Across the US (8 March) and European (29 March) clock changes.
  from: '2026-03-02T00:00:00Z',
  to: '2026-03-16T00:00:00Z',
  stepMinutes: 15,
};

const benchmark: Benchmark = {
  name: 'slots',
  description: 'slot finder: 30 participants in 10 zones over 14 days',
  async run() {
    for (let i = 0; i < 5; i++) findSlots(request); // warm-up (JIT, Temporal caches)
    const times: number[] = [];
    let slots = 0;
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      slots = findSlots(request).slots.length;
      times.push(performance.now() - t0);
    }
    log(`${slots} slots returned per run`);
    times.sort((a, b) => a - b);
    return {
      figures: [
        {
          metric: 'slot finder, 30 people × 10 zones × 14 days (median)',
          value: median(times),
          unit: 'ms',
          target: { op: '<', value: 20 },
        },
        { metric: 'slot finder p95', value: times[Math.floor(times.length * 0.95)]!, unit: 'ms' },
      ],
      notes: ['15-minute grid, 90-minute meeting, 1,344 candidate starts'],
    };
  },
};

export default benchmark;
