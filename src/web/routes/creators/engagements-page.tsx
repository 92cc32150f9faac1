import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { deliverableAmount } from '../../../shared/deliverable-format.ts';
import type { Locale } from '../../../shared/i18n/runtime.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import { type Engagement, engagementsQuery } from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { ChevronIcon, CreatorsIcon, PlusIcon, WarningIcon } from '../../components/icons.tsx';
import { Badge, Button, ErrorAlert, SkeletonRows } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link, navigate } from '../../router/router.tsx';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { AddEngagementDialog } from './add-engagement-dialog.tsx';
import { CommitmentBadge, FlagBadges, ScoreButton, StatusPill } from './bits.tsx';
import { PlatformMark } from './channels.tsx';
import { compactNumber, money } from './labels.ts';
import { useCreatorsLiveUpdates } from './live.ts';
import { MarketRulesPanel } from './policies.tsx';
import { mayManageCreators } from './roster-page.tsx';

/** The next deliverable still to come (else the last one), as the creator's clock shows it. */
export function nextDue(
  engagement: Pick<Engagement, 'deliverables'>,
  zone: string,
  locale: Locale,
  now = Date.now(),
) {
  const dated = engagement.deliverables
    .filter((d) => d.dueAt)
    .sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  const next = dated.find((d) => Date.parse(d.dueAt ?? '') >= now) ?? dated.at(-1);
  if (!next?.dueAt) return null;
  return {
    deliverable: next,
    label: formatInZones(next.dueAt, [zone], locale)[0]?.label ?? '',
    past: Date.parse(next.dueAt) < now,
  };
}

function topChannel(engagement: Engagement) {
  return [...engagement.creator.channels].sort((a, b) => (b.followers ?? 0) - (a.followers ?? 0))[0];
}

/** `/campaigns/:id/creators`: the shortlist and everyone engaged, best score first, with the market rules. */
export function EngagementsPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('campaign.tab.creators')} · ${campaign.name}`);
  useCreatorsLiveUpdates(campaign.id);
  const engagements = useQuery(engagementsQuery(campaign.id));
  const [market, setMarket] = useState('');
  const [adding, setAdding] = useState(false);
  const canManage = mayManageCreators(me);

  const all = engagements.data ?? [];
  const shown = market ? all.filter((e) => e.creator.marketCode === market) : all;
  const flagged = all.filter((e) => e.flags.includes('unsigned_close_to_go_live'));
  const counts = {
    committed: all.filter((e) => e.commitment === 'committed').length,
    maybe: all.filter((e) => e.commitment === 'maybe').length,
    out: all.filter((e) => e.commitment === 'out').length,
  };
  const detail = (e: Engagement) => `/campaigns/${campaign.id}/creators/${e.id}`;

  return (
    <div className="cr-page">
      <div className="cr-tab-head">
        <div className="cr-summary" aria-live="polite">
          {engagements.data ? (
            <>
              <span className="cr-summary-total">{t('engagement.list.count', { count: all.length })}</span>
              <span className="cr-summary-item cr-summary-committed">
                {t('engagement.list.committed', { count: counts.committed })}
              </span>
              <span className="cr-summary-item cr-summary-maybe">
                {t('engagement.list.maybe', { count: counts.maybe })}
              </span>
              {counts.out ? (
                <span className="cr-summary-item cr-summary-out">
                  {t('engagement.list.out', { count: counts.out })}
                </span>
              ) : null}
            </>
          ) : null}
        </div>
        <div className="cr-tab-actions">
          <fieldset className="cr-segmented">
            <legend className="visually-hidden">{t('engagement.list.filterMarket')}</legend>
            {['', ...campaign.markets.map((m) => m.code)].map((code) => (
              <button
                key={code || 'all'}
                type="button"
                className="cr-segment"
                aria-pressed={market === code}
                onClick={() => setMarket(code)}
              >
                {code || t('engagement.list.allMarkets')}
                <span className="cr-segment-count">
                  {code ? all.filter((e) => e.creator.marketCode === code).length : all.length}
                </span>
              </button>
            ))}
          </fieldset>
          {canManage ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              <PlusIcon />
              {t('engagement.add.open')}
            </Button>
          ) : null}
        </div>
      </div>

      {flagged.length ? (
        <div className="alert alert-warning cr-flag-alert" role="status">
          <WarningIcon className="alert-icon cr-flag-alert-icon" />
          <div>
            <p className="alert-title">{t('engagement.list.flaggedTitle', { count: flagged.length })}</p>
            <p>
              {t('engagement.list.flaggedText', {
                names: flagged.map((e) => e.creator.name).join(', '),
              })}
            </p>
          </div>
        </div>
      ) : null}

      <section className="card" aria-label={t('engagement.list.label')}>
        <ErrorAlert error={engagements.error} />
        {engagements.data && all.length === 0 ? (
          <div className="empty-state">
            <div className="empty-icon">
              <CreatorsIcon width={26} height={26} />
            </div>
            <p className="empty-title">{t('engagement.list.emptyTitle')}</p>
            <div className="empty-text">
              <p>{t('engagement.list.emptyText')}</p>
              {canManage ? (
                <Button variant="primary" onClick={() => setAdding(true)}>
                  <PlusIcon />
                  {t('engagement.add.open')}
                </Button>
              ) : null}
            </div>
          </div>
        ) : (
          <div className="table-wrap cr-table-wrap">
            <table className="table cr-engagements">
              <thead>
                <tr>
                  <th scope="col" className="cr-col-score">
                    {t('engagement.list.score')}
                  </th>
                  <th scope="col">{t('engagement.list.creator')}</th>
                  <th scope="col">{t('engagement.list.status')}</th>
                  <th scope="col">{t('engagement.list.fee')}</th>
                  <th scope="col">{t('engagement.list.nextDue')}</th>
                  <th scope="col">{t('engagement.list.goLive')}</th>
                  <th scope="col" className="cell-actions">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {engagements.isPending ? <SkeletonRows columns={7} rows={4} /> : null}
                {shown.map((e) => {
                  const zone = e.creator.timeZone;
                  const due = nextDue(e, zone, locale);
                  const channel = topChannel(e);
                  return (
                    <tr
                      key={e.id}
                      className={`cr-row-link${e.commitment === 'out' ? ' cr-row-out' : ''}`}
                      data-engagement={e.id}
                      onClick={(event) => {
                        const target = event.target as HTMLElement;
                        if (target.closest('a,button,.cr-popover')) return;
                        navigate(detail(e));
                      }}
                    >
                      <td className="cr-col-score">
                        <ScoreButton score={e.score} />
                      </td>
                      <td>
                        <div className="cr-name-cell">
                          <span className="avatar cr-avatar" aria-hidden="true">
                            {e.creator.name.trim().charAt(0).toUpperCase()}
                          </span>
                          <div>
                            <div className="cr-name-line">
                              <Link to={detail(e)} className="cell-primary cr-name-link">
                                {e.creator.name}
                              </Link>
                              <Badge className="cr-name-badge">{e.creator.marketCode}</Badge>
                            </div>
                            <div className="cell-secondary cr-creator-sub">
                              {channel ? (
                                <span className="cr-sub-channel">
                                  <PlatformMark platform={channel.platform} />
                                  {channel.handle}
                                  {channel.followers !== undefined
                                    ? ` · ${compactNumber(channel.followers, locale)}`
                                    : ''}
                                </span>
                              ) : null}
                            </div>
                          </div>
                        </div>
                      </td>
                      <td>
                        <div className="cr-status-cell">
                          <StatusPill status={e.status} />
                          <CommitmentBadge commitment={e.commitment} />
                          <FlagBadges flags={e.flags} />
                        </div>
                      </td>
                      <td className="cell-nowrap">
                        <div>{money(e.fee.amount, e.fee.currency, locale)}</div>
                        {e.promoCode ? <div className="cell-secondary cr-mono">{e.promoCode}</div> : null}
                      </td>
                      <td className="cell-nowrap">
                        {due ? (
                          <>
                            <div className={due.past ? 'cr-past' : undefined}>{due.label}</div>
                            <div className="cell-secondary">
                              {deliverableAmount(t, due.deliverable.count, due.deliverable.format)}
                            </div>
                          </>
                        ) : (
                          <span className="muted">{t('engagement.list.noDeadline')}</span>
                        )}
                      </td>
                      <td className="cell-nowrap">
                        {e.goLive ? (
                          formatInZones(e.goLive, [zone], locale)[0]?.label
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="cell-actions">
                        <Link
                          to={detail(e)}
                          className="icon-button cr-open"
                          aria-label={t('engagement.list.open', { name: e.creator.name })}
                        >
                          <ChevronIcon className="cr-chevron-right" />
                        </Link>
                      </td>
                    </tr>
                  );
                })}
                {engagements.data && all.length > 0 && shown.length === 0 ? (
                  <tr>
                    <td colSpan={7} className="cr-no-match">
                      {t('engagement.list.noneInMarket', { market })}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <MarketRulesPanel campaign={campaign} me={me} />

      {adding ? (
        <AddEngagementDialog
          campaign={campaign}
          engaged={all.map((e) => e.creator.id)}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}
