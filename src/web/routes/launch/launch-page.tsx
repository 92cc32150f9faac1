import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../shared/i18n/runtime.ts';
import { marketName } from '../../../shared/market-name.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import type { Campaign } from '../../api/campaigns.ts';
import {
  type CreatorLaunch,
  type CreatorLaunchState,
  type Launch,
  type LaunchWindowWithActual,
  launchKeys,
  launchQuery,
  type MarketLaunch,
  type MarketLaunchState,
} from '../../api/launch.ts';
import type { User } from '../../api/types.ts';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { useCampaignEvents } from '../campaign/campaign-events.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { CommitmentBadge, FlagBadges } from '../creators/bits.tsx';
import { WindowRow } from './window-verdict.tsx';
import './launch.css';
import { formatDuration, minutesBetween } from '../../../shared/time/duration.ts';

// The server computes each state when asked; the screen ticks every minute in between, so a
// market turns from "due" to "late" (and a countdown runs down) without waiting for a change.
// These mirror the rules of GET /api/campaigns/:id/launch.

function marketState(market: MarketLaunch, now: Date): MarketLaunchState {
  if (market.actualAt) return 'live';
  if (!market.plannedAt) return 'no_plan';
  if (now.getTime() < new Date(market.plannedAt).getTime()) return 'upcoming';
  if (market.alertAt && now.getTime() < new Date(market.alertAt).getTime()) return 'due';
  return 'late';
}

function creatorState(creator: CreatorLaunch, now: Date, graceMinutes: number): CreatorLaunchState {
  // A creator who posted and was dropped afterwards did post: live wins, as on the server.
  if (creator.postedAt) return 'live';
  if (creator.state === 'out') return 'out';
  if (creator.state === 'late') return 'late';
  if (creator.plannedAt && minutesBetween(creator.plannedAt, now) >= graceMinutes) return 'late';
  return 'scheduled';
}

/** Minutes past the plan: when it went live, or until now while it has not. */
function lateMinutes(plannedAt: string | null, actualAt: string | null, now: Date): number | null {
  if (!plannedAt) return null;
  return minutesBetween(plannedAt, actualAt ?? now);
}

/** The viewer's zone and every market's, each once: markets first, the viewer's last. */
function zonesFor(campaign: Campaign, me: User): Array<{ zone: string; label: string }> {
  const seen = new Set<string>();
  const zones: Array<{ zone: string; label: string }> = [];
  for (const market of campaign.markets) {
    if (seen.has(market.timeZone)) continue;
    seen.add(market.timeZone);
    zones.push({ zone: market.timeZone, label: market.code });
  }
  if (!seen.has(me.timeZone)) zones.push({ zone: me.timeZone, label: '' });
  return zones;
}

const label = (instant: string, zone: string, locale: Locale) =>
  formatInZones(instant, [zone], locale)[0]?.label ?? instant;

/** `/campaigns/:id/launch`: launch day on one screen. */
export function LaunchPage({ me }: { me: User }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('launchUi.title')} · ${campaign.name}`);
  const launch = useQuery(launchQuery(campaign.id));
  const now = useNow();
  // Any committed change may move a go-live, a post or a status: the answer is one cheap query.
  useCampaignEvents(campaign.id, () => {
    void queryClient.invalidateQueries({ queryKey: launchKeys.detail(campaign.id) });
  });

  if (launch.isPending) {
    return (
      <div className="lc-center">
        <Spinner size="lg" label={t('common.loading')} />
      </div>
    );
  }
  if (launch.isError) return <ErrorAlert error={launch.error} />;
  const data = launch.data;
  const planned = data.markets.some((market) => market.plannedAt);

  return (
    <div className="lc-page">
      <div className="section-header">
        <div>
          <h2 className="section-title">{t('launchUi.title')}</h2>
          <p className="section-description">{t('launchUi.description')}</p>
        </div>
      </div>
      {planned ? (
        <WindowVerdict window={data.launchWindow} limitHours={data.limitHours} />
      ) : (
        <section className="card">
          <EmptyState title={t('launchUi.empty.title')}>
            <p>{t('launchUi.empty.text')}</p>
            <Link className="button button-secondary" to={`/campaigns/${campaign.id}/timeline`}>
              {t('launchUi.toTimeline')}
            </Link>
          </EmptyState>
        </section>
      )}
      <div className="lc-markets">
        {data.markets.map((market) => (
          <MarketCard
            key={market.code}
            market={market}
            source={data.launchWindow.actual.markets[market.code]?.source ?? null}
            campaign={campaign}
            me={me}
            now={now}
          />
        ))}
      </div>
      <CreatorsTable launch={data} campaign={campaign} me={me} now={now} />
    </div>
  );
}

/** The launch-window rule on plan and on fact: how far apart the markets go live, against the limit. */
function WindowVerdict({ window, limitHours }: { window: LaunchWindowWithActual; limitHours: number }) {
  const t = useT();
  return (
    <section className="card lc-window" aria-label={t('launchUi.window.label')}>
      <p className="lc-window-limit">{t('launchUi.window.limit', { limit: limitHours })}</p>
      <dl className="lc-window-rows">
        <WindowRow kind="planned" window={window} />
        <WindowRow kind="actual" window={window} />
      </dl>
    </section>
  );
}

function MarketCard({
  market,
  source,
  campaign,
  me,
  now,
}: {
  market: MarketLaunch;
  /** Where its actual go-live came from (the launch window's `actual.markets`). */
  source: 'post' | 'milestone' | null;
  campaign: Campaign;
  me: User;
  now: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  const state = marketState(market, now);
  const late = lateMinutes(market.plannedAt, market.actualAt, now);
  const zones = zonesFor(campaign, me);
  let headline: string | null = null;
  if (state === 'upcoming' && market.plannedAt)
    headline = t('launchUi.market.countdown', {
      duration: formatDuration(t, Math.ceil((new Date(market.plannedAt).getTime() - now.getTime()) / 60_000)),
    });
  else if (state === 'due' && market.alertAt)
    headline = t('launchUi.market.due', { time: label(market.alertAt, me.timeZone, locale) });
  else if (state === 'late' && late !== null)
    headline = t('launchUi.market.late', { duration: formatDuration(t, late) });
  else if (state === 'live' && market.actualAt) {
    const time = label(market.actualAt, market.timeZone, locale);
    headline =
      late !== null && late > 0
        ? t('launchUi.market.liveLate', { time, duration: formatDuration(t, late) })
        : t('launchUi.market.liveOnTime', { time });
  }
  return (
    <section
      className={`card lc-market lc-market-${state}`}
      data-market={market.code}
      data-state={state}
      aria-label={`${market.code} · ${marketName(market, locale)}`}
    >
      <header className="lc-market-head">
        <span className="market-badge">{market.code}</span>
        <span className="lc-market-name">{marketName(market, locale)}</span>
        <span className={`lc-pill lc-pill-${state}`}>{t(`launchUi.market.state.${state}`)}</span>
      </header>
      {headline ? (
        <p className={`lc-headline lc-headline-${state}`} data-testid="market-headline">
          {headline}
        </p>
      ) : (
        <p className="muted">{t('launchUi.market.noPlan')}</p>
      )}
      {source && market.actualAt ? (
        <p className="lc-source muted">{t(`launchUi.market.source.${source}`)}</p>
      ) : null}
      {market.plannedAt ? (
        <div className="lc-planned">
          <p className="lc-planned-title">{t('launchUi.market.planned')}</p>
          <ul className="lc-zones">
            {zones.map((zone) => (
              <li key={zone.zone} data-zone={zone.zone}>
                <span className="lc-zone-tag">{zone.label || t('launchUi.market.you')}</span>
                <span>{label(market.plannedAt as string, zone.zone, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="lc-count" data-testid="creators-live">
        {t('launchUi.market.creators', { live: market.creatorsLive, total: market.creatorsTotal })}
      </p>
    </section>
  );
}

function CreatorsTable({
  launch,
  campaign,
  me,
  now,
}: {
  launch: Launch;
  campaign: Campaign;
  me: User;
  now: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  const zoneLines = (instant: string, zone: string) => {
    const zones = zone === me.timeZone ? [zone] : [zone, me.timeZone];
    return formatInZones(instant, zones, locale).map((display) => (
      <span key={display.zone} className="lc-time-line">
        {display.label}
      </span>
    ));
  };
  return (
    <section className="card lc-creators">
      <div className="card-header">
        <h2 className="card-title">{t('launchUi.creators.title')}</h2>
      </div>
      {launch.creators.length === 0 ? (
        <div className="card-body">
          <p className="muted">{t('launchUi.creators.none')}</p>
        </div>
      ) : (
        <table className="table lc-table">
          <caption className="visually-hidden">{t('launchUi.creators.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('launchUi.creators.col.creator')}</th>
              <th scope="col">{t('launchUi.creators.col.planned')}</th>
              <th scope="col">{t('launchUi.creators.col.posted')}</th>
              <th scope="col">{t('launchUi.creators.col.state')}</th>
              <th scope="col">{t('launchUi.creators.col.late')}</th>
              <th scope="col">{t('launchUi.creators.col.commitment')}</th>
            </tr>
          </thead>
          <tbody>
            {launch.creators.map((creator) => {
              const state = creatorState(creator, now, launch.graceMinutes);
              const late = state === 'out' ? null : lateMinutes(creator.plannedAt, creator.postedAt, now);
              return (
                <tr key={creator.engagementId} data-engagement={creator.engagementId} data-state={state}>
                  <th scope="row" data-label={t('launchUi.creators.col.creator')}>
                    <Link to={`/campaigns/${campaign.id}/creators/${creator.engagementId}`}>
                      {creator.name}
                    </Link>
                    <span className="market-badge lc-row-market">{creator.marketCode}</span>
                  </th>
                  <td data-label={t('launchUi.creators.col.planned')}>
                    {creator.plannedAt ? (
                      <span className="lc-times">{zoneLines(creator.plannedAt, creator.timeZone)}</span>
                    ) : (
                      <span className="muted">{t('launchUi.creators.notPlanned')}</span>
                    )}
                  </td>
                  <td data-label={t('launchUi.creators.col.posted')}>
                    {creator.postedAt ? (
                      <span className="lc-times">
                        {creator.postUrl ? (
                          <a href={creator.postUrl} target="_blank" rel="noreferrer noopener">
                            {t('launchUi.creators.openPost')} ↗
                          </a>
                        ) : null}
                        {zoneLines(creator.postedAt, creator.timeZone)}
                      </span>
                    ) : (
                      <span className="muted">{t('launchUi.creators.notPosted')}</span>
                    )}
                  </td>
                  <td data-label={t('launchUi.creators.col.state')}>
                    <span className={`lc-pill lc-pill-${state}`}>
                      {t(`launchUi.creators.state.${state}`)}
                    </span>
                  </td>
                  <td data-label={t('launchUi.creators.col.late')} data-testid="late">
                    {late === null || state === 'scheduled' ? (
                      <span className="muted">—</span>
                    ) : late > 0 ? (
                      <span className={state === 'late' ? 'lc-late' : undefined}>
                        {formatDuration(t, late)}
                      </span>
                    ) : (
                      <span>{t('launchUi.creators.onTime')}</span>
                    )}
                  </td>
                  <td data-label={t('launchUi.creators.col.commitment')}>
                    <span className="lc-flags">
                      {creator.commitment === 'maybe' ? (
                        <CommitmentBadge commitment={creator.commitment} />
                      ) : (
                        <span className="muted">{t('launchUi.creators.signed')}</span>
                      )}
                      <FlagBadges flags={creator.flags} className="lc-flag" />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
