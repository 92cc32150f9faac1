import { CampaignIcon } from '../components/icons.tsx';
import { EmptyState, PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useT } from '../i18n/locale.tsx';

export function CampaignsPage() {
  const t = useT();
  useDocumentTitle(t('nav.campaigns'));
  return (
    <>
      <PageHeader title={t('nav.campaigns')} description={t('campaigns.description')} />
      <div className="card">
        <EmptyState icon={<CampaignIcon width={28} height={28} />} title={t('campaigns.comingTitle')}>
          <p>{t('campaigns.comingText')}</p>
          <ul className="feature-list">
            <li>{t('campaigns.featureBrief')}</li>
            <li>{t('campaigns.featureTracker')}</li>
            <li>{t('campaigns.featureTimeline')}</li>
          </ul>
        </EmptyState>
      </div>
    </>
  );
}
