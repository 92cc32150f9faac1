import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatInZones } from '../../../shared/time/index.ts';
import { deleteMilestone, type Milestone, timelineQuery, trackerKeys } from '../../api/tracker.ts';
import type { User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { CheckIcon, FlagIcon, PencilIcon, PlusIcon } from '../../components/icons.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, EmptyState, ErrorAlert, SkeletonRows, useErrorMessage } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { useNow } from '../../time/use-now.ts';
import { splitZone } from '../../time/zones.ts';
import { CampaignLayout, useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { GoLiveActuals, MarkDoneDialog, MilestoneDone } from '../launch/go-live-actuals.tsx';
import { MarketBadge } from './bits.tsx';
import { MilestoneDialog } from './milestone-dialog.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { useTrackerLiveUpdates } from './tracker-live.ts';
import './tracker.css';
import { plainDateLabel } from '../../time/format.ts';

/** `/campaigns/:id/timeline`: milestones side by side in every market's zone, and the launch window. */
export function TimelinePage({ me, campaignId }: { me: User; campaignId: string }) {
  return (
    <CampaignLayout campaignId={campaignId} active="timeline">
      <TimelineView me={me} campaignId={campaignId} />
    </CampaignLayout>
  );
}

/** Milestones are planned by those who write the brief (the server checks again). */
const mayPlan = (me: User) => ['owner', 'admin', 'market_lead', 'member'].includes(me.role);

const roundHours = (hours: number) => Math.round(hours * 10) / 10;

function TimelineView({ me, campaignId }: { me: User; campaignId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('timeline.title')} · ${campaign.name}`);
  useTrackerLiveUpdates(campaignId);
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const timeline = useQuery(timelineQuery(campaignId));
  const now = useNow();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);
  const [marking, setMarking] = useState<Milestone | null>(null);
  const canPlan = mayPlan(me);
  const viewerCity = splitZone(me.timeZone, locale).city;
  const viewerIsMarketZone = campaign.markets.some((market) => market.timeZone === me.timeZone);

  const remove = async (milestone: Milestone) => {
    try {
      await deleteMilestone(milestone.id);
      showToast(t('timeline.deleted', { title: milestone.title }), 'success');
    } catch (error) {
      showToast(errorMessage(error), 'error');
    }
    setDeleting(null);
    void queryClient.invalidateQueries({ queryKey: trackerKeys.timeline(campaignId) });
  };

  const data = timeline.data;
  const launch = data?.launchWindow;
  const goLives = data?.milestones.filter((m) => m.kind === 'go_live') ?? [];
  const columns = 3 + campaign.markets.length + (viewerIsMarketZone ? 0 : 1) + (canPlan ? 1 : 0);

  return (
    <div className="tk-timeline page-full-width">
      <div className="section-header">
        <div>
          <h2 className="section-title">{t('timeline.title')}</h2>
          <p className="section-description">{t('timeline.description', { zone: viewerCity })}</p>
        </div>
        {canPlan ? (
          <Button variant="primary" onClick={() => setEditing('new')}>
            <PlusIcon width={16} height={16} />
            {t('timeline.add')}
          </Button>
        ) : null}
      </div>

      {launch ? (
        <section
          className={`tk-launch-window card${launch.ok ? '' : ' tk-launch-window-breached'}`}
          aria-label={t('timeline.window.label')}
        >
          <span
            className={`tk-launch-window-icon${launch.ok ? '' : ' tk-launch-window-icon-bad'}`}
            aria-hidden="true"
          >
            {launch.ok ? <CheckIcon /> : <FlagIcon />}
          </span>
          <div className="tk-launch-window-text">
            <p className="tk-launch-window-spread" data-testid="launch-window-spread">
              {launch.spreadHours === null
                ? t('timeline.window.noGoLives', { limit: launch.limitHours })
                : goLives.length < 2
                  ? t('timeline.window.oneGoLive', { limit: launch.limitHours })
                  : t('timeline.window.spread', {
                      spread: roundHours(launch.spreadHours),
                      limit: launch.limitHours,
                    })}
            </p>
            <p className="tk-launch-window-note">
              {launch.ok
                ? t('timeline.window.ok', { limit: launch.limitHours })
                : t('timeline.window.breached', {
                    over: roundHours((launch.spreadHours ?? 0) - launch.limitHours),
                  })}
              {launch.marketsWithoutGoLive.length
                ? ` ${t('timeline.window.missing', { markets: launch.marketsWithoutGoLive.join(', '), count: launch.marketsWithoutGoLive.length })}`
                : ''}
            </p>
          </div>
          {launch.ok ? null : (
            <span className="badge badge-danger tk-launch-window-flag">{t('timeline.window.flag')}</span>
          )}
        </section>
      ) : null}

      {launch?.actual ? <GoLiveActuals campaign={campaign} launchWindow={launch} me={me} /> : null}

      {data?.milestones.length ? (
        <section className="card tk-tl-chart-card" data-scroll-region>
          <TimelineChart
            campaign={campaign}
            milestones={data.milestones}
            launchWindow={data.launchWindow}
            viewerZone={me.timeZone}
            now={now}
          />
        </section>
      ) : null}

      <section className="card">
        {timeline.isError ? (
          <div className="card-body">
            <ErrorAlert error={timeline.error} />
          </div>
        ) : data && data.milestones.length === 0 ? (
          <EmptyState icon={<FlagIcon width={28} height={28} />} title={t('timeline.emptyTitle')}>
            <p>{t('timeline.emptyText')}</p>
            {canPlan ? (
              <Button variant="primary" onClick={() => setEditing('new')}>
                <PlusIcon width={16} height={16} />
                {t('timeline.add')}
              </Button>
            ) : null}
          </EmptyState>
        ) : (
          <div className="table-wrap tk-tl-table-wrap">
            <table className="table tk-tl-table">
              <caption className="visually-hidden">{t('timeline.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('timeline.field.title')}</th>
                  <th scope="col">{t('timeline.field.kind')}</th>
                  <th scope="col">{t('timeline.field.market')}</th>
                  {campaign.markets.map((market) => (
                    <th scope="col" key={market.code} className="tl-zone-col">
                      <span className="tk-tl-zone-head">
                        <span className="market-badge">{market.code}</span>
                        {splitZone(market.timeZone, locale).city}
                      </span>
                    </th>
                  ))}
                  {viewerIsMarketZone ? null : (
                    <th scope="col" className="tl-zone-col">
                      <span className="tk-tl-zone-head">{t('timeline.yourZone', { city: viewerCity })}</span>
                    </th>
                  )}
                  {canPlan ? (
                    <th scope="col" className="cell-actions">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {timeline.isPending ? <SkeletonRows rows={3} columns={columns} /> : null}
                {data?.milestones.map((milestone) => {
                  const viewer = formatInZones(milestone.at, [me.timeZone], locale)[0];
                  return (
                    <tr key={milestone.id} data-milestone={milestone.title}>
                      <td className="cell-primary">
                        {milestone.title}
                        <MilestoneDone milestone={milestone} zone={me.timeZone} />
                      </td>
                      <td>
                        <span className={`tk-kind-tag tk-kind-${milestone.kind}`}>
                          {t(`timeline.kind.${milestone.kind}`)}
                        </span>
                      </td>
                      <td>
                        <MarketBadge code={milestone.marketCode} />
                      </td>
                      {campaign.markets.map((market) => {
                        const local = milestone.local[market.code];
                        const agreed = market.timeZone === milestone.timeZone;
                        return (
                          <td
                            key={market.code}
                            className={`tk-tl-zone-cell${agreed ? ' tk-tl-zone-agreed' : ''}`}
                            data-market={market.code}
                            title={agreed ? t('timeline.agreedHint') : undefined}
                          >
                            {local ? (
                              <>
                                <span className="tk-tl-cell-date">{plainDateLabel(local.date, locale)}</span>{' '}
                                <span className="tk-tl-cell-time">
                                  {local.time} {local.abbreviation}
                                </span>
                              </>
                            ) : null}
                          </td>
                        );
                      })}
                      {viewerIsMarketZone || !viewer ? null : (
                        <td className="tk-tl-zone-cell" data-market="viewer">
                          <span className="tk-tl-cell-date">{plainDateLabel(viewer.date, locale)}</span>{' '}
                          <span className="tk-tl-cell-time">
                            {viewer.time} {viewer.abbreviation}
                          </span>
                        </td>
                      )}
                      {canPlan ? (
                        <td className="cell-actions">
                          <span className="tk-row-actions">
                            <button
                              type="button"
                              className="icon-button"
                              onClick={() => setMarking(milestone)}
                              aria-label={t('launchUi.timeline.markDoneTitle', { title: milestone.title })}
                              title={t('launchUi.timeline.markDoneTitle', { title: milestone.title })}
                            >
                              <CheckIcon width={16} height={16} />
                            </button>
                            <button
                              type="button"
                              className="icon-button"
                              onClick={() => setEditing(milestone)}
                              aria-label={t('timeline.edit', { title: milestone.title })}
                              title={t('timeline.edit', { title: milestone.title })}
                            >
                              <PencilIcon width={16} height={16} />
                            </button>
                            <button
                              type="button"
                              className="icon-button tk-icon-button-danger"
                              onClick={() => setDeleting(milestone)}
                              aria-label={t('timeline.delete', { title: milestone.title })}
                              title={t('timeline.delete', { title: milestone.title })}
                            >
                              <span aria-hidden="true">×</span>
                            </button>
                          </span>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="tk-tracker-hint">{t('timeline.hint')}</p>

      {editing ? (
        <MilestoneDialog
          campaign={campaign}
          me={me}
          milestone={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {marking ? (
        <MarkDoneDialog campaignId={campaignId} milestone={marking} onClose={() => setMarking(null)} />
      ) : null}
      {deleting ? (
        <Dialog
          title={t('timeline.deleteTitle')}
          description={deleting.title}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => void remove(deleting)}>
                {t('timeline.deleteConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('timeline.deleteText')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
