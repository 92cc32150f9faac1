import { useQuery } from '@tanstack/react-query';
import { type PortalEngagement, portalQuery } from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { ChevronIcon, PortalIcon } from '../../components/icons.tsx';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { zonedLabel } from '../../time/format.ts';
import { describeZone, splitZone } from '../../time/zones.ts';
import { StatusPill } from '../creators/bits.tsx';
import { money } from '../creators/labels.ts';
import { nextStep } from './next-step.ts';

function nextDeadline(engagement: PortalEngagement) {
  const upcoming = engagement.deliverables
    .filter((d) => d.dueAt && d.dueLocal)
    .sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  return upcoming.find((d) => Date.parse(d.dueAt ?? '') >= Date.now()) ?? upcoming.at(-1) ?? null;
}

/** `/portal`: a creator's own collaborations, nothing else. */
export function PortalListPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  useDocumentTitle(t('portal.title'));
  const engagements = useQuery(portalQuery);
  const zone = describeZone(me.timeZone, locale);

  return (
    <>
      <PageHeader
        title={t('portal.title')}
        description={t('portal.description', {
          city: splitZone(me.timeZone, locale).city,
          zone: zone?.abbreviation ?? me.timeZone,
        })}
      />
      <ErrorAlert error={engagements.error} />
      {engagements.isPending ? (
        <div className="cr-portal-list">
          {[0, 1].map((n) => (
            <div key={n} className="cr-portal-card cr-portal-skeleton skeleton" />
          ))}
        </div>
      ) : null}
      {engagements.data && engagements.data.length === 0 ? (
        <div className="card">
          <EmptyState icon={<PortalIcon width={26} height={26} />} title={t('portal.emptyTitle')}>
            <p>{t('portal.emptyText')}</p>
          </EmptyState>
        </div>
      ) : null}
      <ul className="cr-portal-list">
        {engagements.data?.map((engagement) => {
          const due = nextDeadline(engagement);
          const step = nextStep(engagement);
          return (
            <li key={engagement.id}>
              <Link
                to={`/portal/${engagement.id}`}
                className="cr-portal-card"
                data-engagement={engagement.id}
              >
                <div className="cr-portal-card-main">
                  <span className="cr-portal-brand">{engagement.campaign.brand}</span>
                  <span className="cr-portal-campaign">{engagement.campaign.name}</span>
                  <span className="cr-portal-step">{t(step.key, step.values)}</span>
                </div>
                <div className="cr-portal-card-meta">
                  <StatusPill status={engagement.status} />
                  {due?.dueLocal ? (
                    <span className="cr-portal-due">
                      {t('portal.nextDeadline', { when: zonedLabel(due.dueLocal, locale) })}
                    </span>
                  ) : null}
                  <span className="muted">
                    {money(engagement.fee.amount, engagement.fee.currency, locale)}
                  </span>
                </div>
                <ChevronIcon className="cr-chevron-right" />
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
