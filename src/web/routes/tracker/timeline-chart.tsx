import { addDays, isoDate } from '../../../shared/time/index.ts';
import type { Campaign } from '../../api/campaigns.ts';
import type { LaunchWindow, Milestone } from '../../api/tracker.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Tooltip } from './bits.tsx';
import { inZonesLabel, marketZones, plainDateLabel, startOfDay, weekdayLabel } from './time.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The milestones on a horizontal date axis (days start at midnight in the viewer's zone), one
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

  // Day ticks at local midnight in the viewer's zone; sparser as the range grows.
  const days = (end - start) / DAY;
  const step = days <= 16 ? 1 : days <= 35 ? 2 : days <= 120 ? 7 : 30;
  const ticks: Array<{ date: string; at: number }> = [];
  for (let date = isoDate(new Date(start), viewerZone), i = 0; i < 400; date = addDays(date, step), i++) {
    const at = startOfDay(date, viewerZone);
    if (at > end) break;
    if (at >= start) ticks.push({ date, at });
  }

  const lanes: Array<{ code: string | null; label: string }> = campaign.markets.map((market) => ({
    code: market.code,
    label: market.code,
  }));
  if (milestones.some((m) => m.marketCode === null))
    lanes.unshift({ code: null, label: t('tracker.market.allShort') });

  const latest = launchWindow.latest ? new Date(launchWindow.latest).getTime() : null;
  const nowAt = now.getTime();

  return (
    <figure className="tl-chart" aria-label={t('timeline.chart.label')}>
      <div className="tl-chart-grid">
        <div className="tl-lane-labels" aria-hidden="true">
          <span className="tl-axis-spacer" />
          {lanes.map((lane) => (
            <span key={lane.code ?? 'all'} className="tl-lane-label">
              {lane.label}
            </span>
          ))}
        </div>
        <div className="tl-plot">
          <div className="tl-axis" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick.date} className="tl-tick" style={{ left: `${x(tick.at)}%` }}>
                <span className="tl-tick-day">{plainDateLabel(tick.date, locale)}</span>
                <span className="tl-tick-weekday">{weekdayLabel(tick.date, locale)}</span>
              </span>
            ))}
          </div>
          <div className="tl-lanes">
            {ticks.map((tick) => (
              <span
                key={tick.date}
                className="tl-gridline"
                style={{ left: `${x(tick.at)}%` }}
                aria-hidden="true"
              />
            ))}
            {earliest !== null && windowEnd !== null ? (
              <span
                className={`tl-window${launchWindow.ok ? '' : ' tl-window-breached'}`}
                style={{ left: `${x(earliest)}%`, width: `${x(windowEnd) - x(earliest)}%` }}
                aria-hidden="true"
              >
                <span className="tl-window-label">
                  {t('timeline.chart.window', { hours: launchWindow.limitHours })}
                </span>
              </span>
            ) : null}
            {nowAt > start && nowAt < end ? (
              <span className="tl-now" style={{ left: `${x(nowAt)}%` }} aria-hidden="true">
                <span className="tl-now-label">{t('timeline.chart.now')}</span>
              </span>
            ) : null}
            {lanes.map((lane) => (
              <div key={lane.code ?? 'all'} className="tl-lane">
                {milestones
                  .filter((m) => m.marketCode === lane.code)
                  .map((m) => {
                    const at = new Date(m.at).getTime();
                    const outside = m.kind === 'go_live' && windowEnd !== null && at > windowEnd;
                    return (
                      <span
                        key={m.id}
                        className={`tl-marker tl-marker-${m.kind}${outside ? ' tl-marker-outside' : ''}${x(at) > 72 ? ' tl-marker-flip' : ''}`}
                        style={{ left: `${x(at)}%` }}
                      >
                        <Tooltip
                          content={`${m.title} — ${t(`timeline.kind.${m.kind}`)} · ${inZonesLabel(m.at, zones, locale)}`}
                        >
                          <span className="tl-marker-dot" />
                        </Tooltip>
                        {m.kind === 'go_live' ? <span className="tl-marker-label">{m.title}</span> : null}
                      </span>
                    );
                  })}
              </div>
            ))}
          </div>
        </div>
      </div>
      {latest !== null && earliest !== null && latest !== earliest ? (
        <figcaption className="tl-chart-caption">
          {t('timeline.chart.caption', {
            first: inZonesLabel(new Date(earliest).toISOString(), [viewerZone], locale),
            last: inZonesLabel(new Date(latest).toISOString(), [viewerZone], locale),
          })}
        </figcaption>
      ) : null}
    </figure>
  );
}
