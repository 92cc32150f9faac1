import { EmptyState, PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useT } from '../i18n/locale.tsx';
import { Link } from '../router/router.tsx';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('common.notFoundTitle'));
  return (
    <>
      <PageHeader title={t('common.notFoundTitle')} />
      <div className="card">
        <EmptyState title={t('common.notFoundText')}>
          <Link to="/campaigns" className="button button-secondary">
            {t('common.backToCampaigns')}
          </Link>
        </EmptyState>
      </div>
    </>
  );
}
