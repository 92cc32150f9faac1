import { useEffect, useRef, useState } from 'react';
import type { Campaign } from '../../api/campaigns.ts';
import type { LaunchWindow, Milestone } from '../../api/tracker.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { inZonesLabel, plainDateLabel, weekdayLabel } from '../../time/format.ts';
import { marketZones } from '../../time/zones.ts';
import { Tooltip } from './bits.tsx';
import { dayAxis, estimateLabelWidth } from './timeline-axis.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The plot's width before it has been measured (the chart's minimum width less the lane labels). */
const FALLBACK_PLOT_WIDTH = 596;

/** The width of an element in px, following resizes (0 until measured). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The milestones on a horizontal date axis (days start at midnight in the viewer's zone and each
 * label sits over the middle of its day, thinned out to the width available), one
 * lane per market plus one for milestones of all markets. The launch window is shaded from the
 * earliest go-live for `limitHours`; a go-live outside it is drawn in red.
 */
export function TimelineChart({
  campaign,
  milestones,
  launchWindow,
  viewerZone,
  now,
}: {
  campaign: Campaign;
  milestones: Milestone[];
  launchWindow: LaunchWindow;
  viewerZone: string;
  now: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  const zones = marketZones(campaign.markets);
  const times = milestones.map((m) => new Date(m.at).getTime());
  const earliest = launchWindow.earliest ? new Date(launchWindow.earliest).getTime() : null;
  const windowEnd = earliest !== null ? earliest + launchWindow.limitHours * HOUR : null;
  if (windowEnd !== null) times.push(windowEnd);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 2 * DAY);
  const start = min - span * 0.06 - (max - min < 2 * DAY ? (2 * DAY - (max - min)) / 2 : 0);
  const end = start + span * 1.12;
  const x = (time: number) => ((time - start) / (end - start)) * 100;

  const [plotRef, measured] = useWidth<HTMLDivElement>();
  const plotWidth = measured || FALLBACK_PLOT_WIDTH;
  // Wide enough for the longest day label of any month ("28 Sept", "28 нояб.").
  const labelWidth = estimateLabelWidth(
    Array.from({ length: 12 }, (_, m) => plainDateLabel(`2026-${String(m + 1).padStart(2, '0')}-28`, locale)),
  );
  const axis = dayAxis({ start, end, zone: viewerZone, plotWidth, labelWidth });

  const lanes: Array<{ code: string | null; label: string }> = campaign.markets.map((market) => ({
    code: market.code,
    label: market.code,
  }));
  if (milestones.some((m) => m.marketCode === null))
    lanes.unshift({ code: null, label: t('tracker.market.allShort') });

  const latest = launchWindow.latest ? new Date(launchWindow.latest).getTime() : null;
  const nowAt = now.getTime();

  return (
    <figure className="tk-tl-chart" aria-label={t('timeline.chart.label')}>
      <div className="tk-tl-chart-grid">
        <div className="tk-tl-lane-labels" aria-hidden="true">
          <span className="tl-axis-spacer" />
          {lanes.map((lane) => (
            <span key={lane.code ?? 'all'} className="tk-tl-lane-label">
              {lane.label}
            </span>
          ))}
        </div>
        <div className="tk-tl-plot" ref={plotRef}>
          <div className="tk-tl-axis" aria-hidden="true">
            {axis.labels.map((tick) => (
              <span
                key={tick.date}
                className="tk-tl-tick"
                data-date={tick.date}
                style={{ left: `${x(tick.at)}%` }}
              >
                <span className="tk-tl-tick-day">{plainDateLabel(tick.date, locale)}</span>
                <span className="tk-tl-tick-weekday">{weekdayLabel(tick.date, locale)}</span>
              </span>
            ))}
          </div>
          <div className="tk-tl-lanes">
            {axis.boundaries.map((at) => (
              <span key={at} className="tk-tl-gridline" style={{ left: `${x(at)}%` }} aria-hidden="true" />
            ))}
            {earliest !== null && windowEnd !== null ? (
              <span
                className={`tk-tl-window${launchWindow.ok ? '' : ' tk-tl-window-breached'}`}
                style={{ left: `${x(earliest)}%`, width: `${x(windowEnd) - x(earliest)}%` }}
                aria-hidden="true"
              >
                <span className="tk-tl-window-label">
                  {t('timeline.chart.window', { hours: launchWindow.limitHours })}
                </span>
              </span>
            ) : null}
            {nowAt > start && nowAt < end ? (
              <span className="tk-tl-now" style={{ left: `${x(nowAt)}%` }} aria-hidden="true">
                <span className="tk-tl-now-label">{t('timeline.chart.now')}</span>
              </span>
            ) : null}
            {lanes.map((lane) => (
              <div key={lane.code ?? 'all'} className="tk-tl-lane">
                {milestones
                  .filter((m) => m.marketCode === lane.code)
                  .map((m) => {
                    const at = new Date(m.at).getTime();
                    const outside = m.kind === 'go_live' && windowEnd !== null && at > windowEnd;
                    return (
                      <span
                        key={m.id}
                        className={`tk-tl-marker tk-tl-marker-${m.kind}${outside ? ' tk-tl-marker-outside' : ''}${x(at) > 72 ? ' tk-tl-marker-flip' : ''}`}
                        style={{ left: `${x(at)}%` }}
                      >
                        <Tooltip
                          content={`${m.title} — ${t(`timeline.kind.${m.kind}`)} · ${inZonesLabel(m.at, zones, locale)}`}
                        >
                          <span className="tk-tl-marker-dot" />
                        </Tooltip>
                        {m.kind === 'go_live' ? <span className="tk-tl-marker-label">{m.title}</span> : null}
                      </span>
                    );
                  })}
              </div>
            ))}
          </div>
        </div>
      </div>
      {latest !== null && earliest !== null && latest !== earliest ? (
        <figcaption className="tk-tl-chart-caption">
          {t('timeline.chart.caption', {
            first: inZonesLabel(new Date(earliest).toISOString(), [viewerZone], locale),
            last: inZonesLabel(new Date(latest).toISOString(), [viewerZone], locale),
          })}
        </figcaption>
      ) : null}
    </figure>
  );
}
