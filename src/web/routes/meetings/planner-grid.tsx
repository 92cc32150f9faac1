import { type KeyboardEvent, type MouseEvent, useMemo } from 'react';
import type { Locale } from '../../../shared/i18n/runtime.ts';
import { type SlotParticipant, workingIntervals } from '../../../shared/meetings/slot-finder.ts';
import { addDays, formatInZones, startOfDay, zoneAbbreviation } from '../../../shared/time/index.ts';
import type { Slot } from '../../api/insights.ts';
import { useT } from '../../i18n/locale.tsx';
import { clock, dayLabel, meetingLength } from '../../time/format.ts';
import { shortOffset, splitZone } from '../../time/zones.ts';

const HOUR = 3_600_000;
type Interval = [number, number];

/** Where everyone's intervals meet (each list sorted and disjoint). */
export function intersect(lists: Interval[][]): Interval[] {
  if (lists.length === 0) return [];
  let result = lists[0] ?? [];
  for (const list of lists.slice(1)) {
    const next: Interval[] = [];
    for (const [a, b] of result)
      for (const [c, d] of list) {
        const start = Math.max(a, c);
        const end = Math.min(b, d);
        if (end > start) next.push([start, end]);
      }
    result = next;
  }
  return result;
}

/** Minutes of the day `date` (viewer's zone) when everyone is inside their hours. */
export function overlapMinutes(people: SlotParticipant[], date: string, zone: string): number {
  const from = startOfDay(date, zone);
  const to = startOfDay(addDays(date, 1), zone);
  const lists = people.map((p) =>
    workingIntervals(p, from, to).map(([a, b]): Interval => [Math.max(a, from), Math.min(b, to)]),
  );
  return Math.round(intersect(lists).reduce((sum, [a, b]) => sum + (b - a), 0) / 60_000);
}

/**
 * One candidate day as a grid: a row per participant on a shared axis (the viewer's day, with the
 * viewer's hours above and UTC below), each row showing that person's own local hours and their
 * working hours as a bar; a last row shows where everyone overlaps. Working hours come from
 * `workingIntervals` (Temporal), so a DST change moves a bar exactly as that person's clock moves.
 */
export function PlannerGrid({
  people,
  date,
  viewerZone,
  locale,
  slots,
  selected,
  onSelect,
}: {
  people: Array<SlotParticipant & { detail?: string }>;
  date: string;
  viewerZone: string;
  locale: Locale;
  slots: Slot[];
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
}) {
  const t = useT();
  const from = startOfDay(date, viewerZone);
  const to = startOfDay(addDays(date, 1), viewerZone);
  const span = to - from;
  const hours = Math.round(span / HOUR);
  const cells = Array.from({ length: hours }, (_, i) => from + i * HOUR);
  const pct = (ms: number) => `${(((ms - from) / span) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) => `${(((b - a) / span) * 100).toFixed(3)}%`;

  const rows = useMemo(
    () =>
      people.map((person) => ({
        person,
        // Whole working intervals (for labels: a person's day may run past the viewer's midnight)…
        whole: workingIntervals(person, from, to).filter(([a, b]) => b > from && a < to),
        // …and the part inside the viewer's day (for drawing and for the overlap).
        intervals: workingIntervals(person, from, to)
          .map(([a, b]): Interval => [Math.max(a, from), Math.min(b, to)])
          .filter(([a, b]) => b > a),
      })),
    [people, from, to],
  );
  const overlap = intersect(rows.map((r) => r.intervals));
  const daySlots = slots.filter((s) => {
    const start = Date.parse(s.start);
    return start >= from && start < to;
  });
  const selectedHere =
    selected && Date.parse(selected.start) >= from && Date.parse(selected.start) < to ? selected : null;
  const viewerAbbr = zoneAbbreviation(new Date(from + span / 2), viewerZone);

  const pickAt = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const at = from + ((event.clientX - box.left) / box.width) * span;
    const candidates = daySlots
      .filter((s) => Date.parse(s.start) <= at && Date.parse(s.end) > at)
      .sort((a, b) => a.outside.length - b.outside.length || Date.parse(b.start) - Date.parse(a.start));
    if (candidates[0]) onSelect(candidates[0]);
  };
  const pickByKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const ordered = [...daySlots].sort((a, b) => a.start.localeCompare(b.start));
    if (!ordered.length) return;
    const index = selectedHere ? ordered.findIndex((s) => s.start === selectedHere.start) : -1;
    const next =
      event.key === 'ArrowRight' ? Math.min(index + 1, ordered.length - 1) : Math.max(index - 1, 0);
    const slot = ordered[next];
    if (slot) onSelect(slot);
  };

  // Every third hour stands out (00, 03, 06…), whatever a DST change does to the sequence.
  const strong = (instant: number, zone: string) =>
    Number(clock(instant, zone, locale).slice(0, 2)) % 3 === 0;
  const axisLabel = (instant: number, zone: string) => {
    const text = clock(instant, zone, locale);
    return text.endsWith(':00') ? text.slice(0, -3) : text;
  };

  return (
    <div className="mt-pg" data-testid="planner-grid" data-date={date}>
      <div className="mt-pg-row mt-pg-axis">
        <div className="mt-pg-label pg-axis-label">{t('planner.grid.yourTime', { zone: viewerAbbr })}</div>
        <div className="mt-pg-track mt-pg-axis-track" aria-hidden="true">
          {cells.map((instant) => (
            <span
              key={instant}
              className={`mt-pg-axis-cell${strong(instant, viewerZone) ? ' mt-pg-axis-strong' : ''}`}
            >
              {axisLabel(instant, viewerZone)}
            </span>
          ))}
        </div>
      </div>

      <div className="mt-pg-body">
        {rows.map(({ person, intervals, whole }) => {
          const [display] = formatInZones(new Date(from + span / 2), [person.timeZone], locale);
          const city = splitZone(person.timeZone, locale).city;
          let previousDate = '';
          return (
            <div className="mt-pg-row mt-pg-person" key={person.id} data-participant={person.name}>
              <div className="mt-pg-label">
                <span className="mt-pg-name">{person.name}</span>
                <span className="mt-pg-zone">
                  {city} · {display?.abbreviation} ({shortOffset(display?.offset ?? '+00:00')})
                </span>
                <span className="visually-hidden">
                  {t('planner.grid.rowLabel', {
                    hours: whole.length
                      ? whole
                          .map(
                            ([a, b]) =>
                              `${clock(a, person.timeZone, locale)}–${clock(b, person.timeZone, locale)}`,
                          )
                          .join(', ')
                      : t('planner.grid.dayOff'),
                    zone: display?.abbreviation ?? person.timeZone,
                  })}
                </span>
              </div>
              <div className="mt-pg-track">
                <div className="mt-pg-hours" aria-hidden="true">
                  {cells.map((instant) => {
                    const [local] = formatInZones(new Date(instant), [person.timeZone], locale);
                    const hour = Number(local?.time.slice(0, 2) ?? 0);
                    const night = hour < 7 || hour >= 22;
                    const newDay = previousDate !== '' && local?.date !== previousDate;
                    previousDate = local?.date ?? '';
                    const label = local?.time.endsWith(':00') ? String(hour) : (local?.time ?? '');
                    return (
                      <span
                        key={instant}
                        className={`mt-pg-hour${night ? ' mt-pg-night' : ''}${newDay ? ' mt-pg-newday' : ''}`}
                        title={local ? `${local.label}` : undefined}
                      >
                        {newDay ? (
                          <span className="mt-pg-daymark">{dayLabel(instant, person.timeZone, locale)}</span>
                        ) : null}
                        {label}
                      </span>
                    );
                  })}
                </div>
                {intervals.map(([a, b], i) => {
                  const [wa, wb] = whole[i] ?? [a, b];
                  const text = `${clock(wa, person.timeZone, locale)}–${clock(wb, person.timeZone, locale)}`;
                  return (
                    <span
                      key={a}
                      className="mt-pg-bar"
                      style={{ left: pct(a), width: width(a, b) }}
                      title={text}
                    >
                      {b - a >= 2.5 * HOUR ? <span className="mt-pg-bar-text">{text}</span> : null}
                    </span>
                  );
                })}
                {intervals.length === 0 ? (
                  <span className="mt-pg-off">{t('planner.grid.dayOff')}</span>
                ) : null}
              </div>
            </div>
          );
        })}

        <div className="mt-pg-row mt-pg-overlap-row" data-testid="planner-overlap">
          <div className="mt-pg-label">
            <span className="mt-pg-name">{t('planner.grid.overlap')}</span>
            <span className="mt-pg-zone">
              {overlap.length
                ? t('planner.grid.overlapTotal', {
                    duration: meetingLength(
                      Math.round(overlap.reduce((s, [a, b]) => s + b - a, 0) / 60_000),
                      locale,
                    ),
                  })
                : t('planner.grid.noOverlap')}
            </span>
          </div>
          {/* biome-ignore lint/a11y/useSemanticElements: a slider-like picker over a time axis */}
          <div
            className="mt-pg-track mt-pg-overlap-track"
            onClick={pickAt}
            onKeyDown={pickByKey}
            role="group"
            tabIndex={daySlots.length ? 0 : -1}
            aria-label={t('planner.grid.pickHint')}
          >
            {overlap.map(([a, b]) => {
              // The label sits beside the bar (after it, or before it near the day's end): a short overlap is narrow.
              const before = b - from > span * 0.8;
              return (
                <span key={a}>
                  <span className="mt-pg-overlap" style={{ left: pct(a), width: width(a, b) }} />
                  <span
                    className={`mt-pg-overlap-label${before ? ' mt-pg-overlap-label-before' : ''}`}
                    style={{ left: before ? pct(a) : pct(b) }}
                  >
                    {clock(a, viewerZone, locale)}–{clock(b, viewerZone, locale)}{' '}
                    {zoneAbbreviation(new Date(a), viewerZone)}
                  </span>
                </span>
              );
            })}
            {daySlots
              .filter((slot) => slot.outside.length === 0 || daySlots.every((s) => s.outside.length > 0))
              .map((slot) => (
                <span
                  key={slot.start}
                  className={`mt-pg-tick${slot.outside.length ? ' mt-pg-tick-compromise' : ''}`}
                  style={{ left: pct(Date.parse(slot.start)) }}
                  aria-hidden="true"
                />
              ))}
          </div>
        </div>

        {selectedHere ? (
          <div className="mt-pg-selection-layer" aria-hidden="true">
            <span
              className={`mt-pg-selection${selectedHere.outside.length ? ' mt-pg-selection-compromise' : ''}`}
              style={{
                left: pct(Date.parse(selectedHere.start)),
                width: width(Date.parse(selectedHere.start), Date.parse(selectedHere.end)),
              }}
            />
          </div>
        ) : null}
      </div>

      <div className="mt-pg-row mt-pg-axis mt-pg-axis-utc">
        <div className="mt-pg-label pg-axis-label">UTC</div>
        <div className="mt-pg-track mt-pg-axis-track" aria-hidden="true">
          {cells.map((instant) => (
            <span
              key={instant}
              className={`mt-pg-axis-cell${strong(instant, 'UTC') ? ' mt-pg-axis-strong' : ''}`}
            >
              {axisLabel(instant, 'UTC')}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
