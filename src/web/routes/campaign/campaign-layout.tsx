import { useQuery } from '@tanstack/react-query';
import { createContext, lazy, type ReactNode, Suspense, useContext, useState } from 'react';
import { type Campaign, campaignQuery } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { CampaignIcon, SettingsIcon } from '../../components/icons.tsx';
import { PageSuspense } from '../../components/page-suspense.tsx';
import { Button, EmptyState, ErrorAlert } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { useCampaignLiveUpdates } from './campaign-events.ts';
import { MarketClocks } from './market-clocks.tsx';
import { CAMPAIGN_TABS } from './tabs.ts';

// Opened now and then: its code (markets editor, launch settings) loads on the first opening.
const CampaignSettingsDialog = lazy(() =>
  import('./campaign-settings-dialog.tsx').then((m) => ({ default: m.CampaignSettingsDialog })),
);

const CampaignContext = createContext<Campaign | null>(null);

/** The campaign the surrounding `CampaignLayout` shows (loaded, current, live). */
export function useLayoutCampaign(): Campaign {
  const campaign = useContext(CampaignContext);
  if (!campaign) throw new Error('useLayoutCampaign is used outside CampaignLayout');
  return campaign;
}

/** Mirrors the server's rule (admins, and leads of one of the campaign's markets); the server decides. */
export function mayEditCampaign(me: User | null | undefined, campaign: Campaign): boolean {
  if (!me) return false;
  if (me.role === 'owner' || me.role === 'admin') return true;
  return me.role === 'market_lead' && campaign.markets.some((m) => me.markets.includes(m.code));
}

/**
 * The frame of every campaign page: name, brand and markets with their local clocks, the tabs
 * (CAMPAIGN_TABS), campaign settings, and the live stream that keeps the campaign's data current
 * on every open screen. Pages render inside it; `useLayoutCampaign()` gives them the campaign.
 */
export function CampaignLayout({
  campaignId,
  active,
  children,
}: {
  campaignId: string;
  active: string;
  children: ReactNode;
}) {
  const t = useT();
  const campaign = useQuery(campaignQuery(campaignId));
  const me = useQuery(meQuery).data;
  const now = useNow();
  const [settingsOpen, setSettingsOpen] = useState(false);
  useCampaignLiveUpdates(campaignId);

  if (campaign.isPending) {
    return (
      <div className="campaign" aria-busy="true">
        <div className="cp-header">
          <span className="skeleton cp-skeleton-crumb" />
          <span className="skeleton skeleton-title" />
          <span className="skeleton cp-skeleton-line" />
        </div>
      </div>
    );
  }

  if (campaign.isError) {
    // A malformed id in the address is as missing as an unknown one.
    const missing =
      campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 400);
    return (
      <div className="card">
        {missing ? (
          <EmptyState icon={<CampaignIcon width={28} height={28} />} title={t('campaigns.notFoundTitle')}>
            <p>{t('campaigns.notFoundText')}</p>
            <Link className="button button-secondary" to="/campaigns">
              {t('campaigns.backToList')}
            </Link>
          </EmptyState>
        ) : (
          <div className="card-body">
            <ErrorAlert error={campaign.error} />
          </div>
        )}
      </div>
    );
  }

  const data = campaign.data;
  return (
    <CampaignContext.Provider value={data}>
      <div className="campaign">
        <header className="cp-header">
          <nav className="cp-breadcrumbs" aria-label={t('campaigns.breadcrumbs')}>
            <Link to="/campaigns">{t('nav.campaigns')}</Link>
            <span aria-hidden="true" className="breadcrumbs-sep">
              /
            </span>
            <span className="cp-breadcrumbs-current">{data.name}</span>
          </nav>
          <div className="cp-title-row">
            <div className="cp-title-block">
              <h1 className="page-title">{data.name}</h1>
              <p className="cp-meta">
                <span>{data.brand}</span>
                <span aria-hidden="true">·</span>
                <span>{t('campaigns.launchWindowShort', { count: data.launchWindowHours })}</span>
              </p>
            </div>
            {mayEditCampaign(me, data) ? (
              <Button onClick={() => setSettingsOpen(true)}>
                <SettingsIcon />
                {t('campaigns.settings.open')}
              </Button>
            ) : null}
          </div>
          <MarketClocks markets={data.markets} now={now} />
          <nav className="cp-tabs" aria-label={t('campaigns.tabsLabel')}>
            {CAMPAIGN_TABS.map((tab) => {
              const current = tab.key === active;
              return (
                <Link
                  key={tab.key}
                  to={tab.path(data.id)}
                  className={`cp-tab${current ? ' cp-tab-active' : ''}`}
                  aria-current={current ? 'page' : undefined}
                >
                  {t(tab.label)}
                </Link>
              );
            })}
          </nav>
        </header>
        <div className="cp-body">
          <PageSuspense>{children}</PageSuspense>
        </div>
        {settingsOpen ? (
          <Suspense fallback={null}>
            <CampaignSettingsDialog campaign={data} onClose={() => setSettingsOpen(false)} />
          </Suspense>
        ) : null}
      </div>
    </CampaignContext.Provider>
  );
}
