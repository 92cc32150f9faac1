import { HistoryIcon } from '../components/icons.tsx';
import './history-link.css';
import { useT } from '../i18n/locale.tsx';
import { Link } from '../router/router.tsx';
import { auditHistoryHref } from './audit-links.ts';

/**
 * "History": every entity page links to its own story in the audit explorer, pre-filtered to it
 * (or, for a campaign, to the whole campaign). Staff only: creators have no audit log.
 */
export function HistoryLink({
  entityType,
  entityId,
  campaignId,
  label,
  className,
}: {
  entityType: string;
  entityId: string;
  campaignId?: string | null | undefined;
  label: string;
  className?: string;
}) {
  const t = useT();
  const to =
    entityType === 'campaign'
      ? `/audit?campaignId=${encodeURIComponent(entityId)}`
      : auditHistoryHref({ entityType, entityId, campaignId, label });
  return (
    <Link
      to={to}
      className={`history-link ${className ?? ''}`.trim()}
      title={t('audit.historyOf', { label })}
      data-testid="history-link"
    >
      <HistoryIcon width={14} height={14} aria-hidden="true" />
      {t('audit.history')}
    </Link>
  );
}
