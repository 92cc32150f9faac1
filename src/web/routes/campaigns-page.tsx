import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Campaign, campaignsQuery, type LoadedDemo } from '../api/campaigns.ts';
import type { User } from '../api/types.ts';
import { CampaignIcon, PlusIcon } from '../components/icons.tsx';
import { EmptyState, ErrorAlert, PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { Link } from '../router/router.tsx';
import { useNow } from '../time/use-now.ts';
import { describeZone, splitZone } from '../time/zones.ts';
import { languageName } from './campaign/market-options.ts';
import { DemoLoadedDialog, LoadDemoButton, mayLoadDemo } from './load-demo.tsx';

/** Mirrors the server's rule for creating campaigns; the server decides. */
export const mayCreateCampaign = (me: User) =>
  me.role === 'owner' || me.role === 'admin' || me.role === 'market_lead';

function NewCampaignLink() {
  const t = useT();
  return (
    <Link to="/campaigns/new" className="button button-primary">
      <PlusIcon />
      {t('campaigns.newCampaign')}
    </Link>
  );
}

export function CampaignsPage({ me }: { me: User }) {
  const t = useT();
  useDocumentTitle(t('nav.campaigns'));
  // Creators are guests: the campaign list is the teams' (the server refuses it to them).
  const campaigns = useQuery({ ...campaignsQuery, enabled: me.role !== 'creator' });
  const canCreate = mayCreateCampaign(me);
  const hasAny = Boolean(campaigns.data?.length);
  const [demo, setDemo] = useState<LoadedDemo | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.campaigns')}
        description={
          hasAny ? t('campaigns.count', { count: campaigns.data?.length ?? 0 }) : t('campaigns.description')
        }
        actions={canCreate && hasAny ? <NewCampaignLink /> : null}
      />
      <ErrorAlert error={campaigns.error} />
      {campaigns.isPending && me.role !== 'creator' ? (
        <div className="campaign-grid" aria-hidden="true">
          {[0, 1].map((i) => (
            <div key={i} className="campaign-card campaign-card-skeleton">
              <span className="skeleton skeleton-title" />
              <span className="skeleton" />
              <span className="skeleton" />
            </div>
          ))}
        </div>
      ) : null}
      {(campaigns.data && campaigns.data.length === 0) || me.role === 'creator' ? (
        <div className="card">
          <EmptyState icon={<CampaignIcon width={28} height={28} />} title={t('campaigns.emptyTitle')}>
            <p>{canCreate ? t('campaigns.emptyText') : t('campaigns.emptyTextReadOnly')}</p>
            <div className="empty-actions">
              {canCreate ? <NewCampaignLink /> : null}
              {mayLoadDemo(me.role) ? <LoadDemoButton onLoaded={setDemo} /> : null}
            </div>
          </EmptyState>
        </div>
      ) : null}
      {demo ? <DemoLoadedDialog loaded={demo} onClose={() => setDemo(null)} /> : null}
      {hasAny ? (
        <ul className="campaign-grid">
          {campaigns.data?.map((campaign) => (
            <li key={campaign.id}>
              <CampaignCard campaign={campaign} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [locale] = useLocale();
  const now = useNow();
  const languages = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    campaign.languages.map((code) => languageName(code, locale)),
  );
  return (
    // The whole card is clickable (the name's link covers it), but the link's accessible name holds
    // only the campaign's name, so what a voice-control user reads out matches what the link says.
    <div className="campaign-card">
      <div className="campaign-card-head">
        <div className="campaign-card-titles">
          <Link
            to={`/campaigns/${campaign.id}/brief`}
            className="campaign-card-name campaign-card-link"
            aria-label={t('campaigns.openCampaign', { name: campaign.name })}
          >
            {campaign.name}
          </Link>
          <span className="campaign-card-brand">{campaign.brand}</span>
        </div>
        <span
          className="window-pill"
          title={t('campaigns.launchWindow', { count: campaign.launchWindowHours })}
        >
          {t('campaigns.hours', { count: campaign.launchWindowHours })}
        </span>
      </div>
      <ul className="campaign-card-markets">
        {campaign.markets.map((market) => {
          const zone = describeZone(market.timeZone, locale, now);
          return (
            <li key={market.code} className="campaign-card-market">
              <span className="market-code">{market.code}</span>
              <span className="campaign-card-zone">
                <span className="campaign-card-city">{splitZone(market.timeZone, locale).city}</span>
                {zone ? (
                  <span className="campaign-card-time">
                    {t('campaigns.localTime', { time: zone.time, zone: zone.abbreviation })}
                  </span>
                ) : null}
              </span>
              <span className={`objective-tag objective-${market.objective}`}>
                {t(`brief.objective.${market.objective}`)}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="campaign-card-foot">
        <span>{t('campaigns.launchWindow', { count: campaign.launchWindowHours })}</span>
        <span aria-hidden="true">·</span>
        <span>{t('campaigns.languages', { languages })}</span>
      </div>
    </div>
  );
}
