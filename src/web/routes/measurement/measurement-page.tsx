import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { type Paper, reportCsvUrl, reportPrintUrl, reportQuery } from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { ChartIcon, ChevronIcon, DownloadIcon, PencilIcon, PrintIcon } from '../../components/icons.tsx';
import { Popover } from '../../components/popover.tsx';
import { Button, EmptyState, ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { formatInstant } from '../../time/format.ts';
import { mayEditCampaign, useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { languageName } from '../campaign/market-options.ts';
import { CreatorsTable } from './creators-table.tsx';
import { FxDialog } from './fx-dialog.tsx';
import { ManualEntryDialog } from './manual-entry-dialog.tsx';
import { MarketCard } from './market-card.tsx';
import { TotalCard } from './total-card.tsx';

/** Importing and typing figures is for the team (not stakeholders); the server checks again. */
export const mayImport = (me: User) => ['owner', 'admin', 'market_lead', 'member'].includes(me.role);

/** Letter where the browser says it is in North America, A4 everywhere else. */
function defaultPaper(): Paper {
  const region = /-(US|CA|MX)$/i.exec(navigator.language ?? '');
  return region ? 'letter' : 'a4';
}

function ExportMenu({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const [paper, setPaper] = useState<Paper>(defaultPaper);
  const languages = ['en', 'ru'] as const;
  return (
    <Popover
      buttonClassName="button button-secondary"
      panelLabel={t('measurement.export.label')}
      label={
        <>
          <DownloadIcon width={16} height={16} />
          {t('measurement.export.label')}
          <ChevronIcon width={14} height={14} />
        </>
      }
    >
      <div className="menu-group">
        <p className="menu-group-title">
          <PrintIcon width={15} height={15} />
          {t('measurement.export.print')}
        </p>
        <p className="menu-group-hint">{t('measurement.export.printHint')}</p>
        <fieldset className="menu-paper">
          <legend>{t('measurement.export.paper')}</legend>
          {(['a4', 'letter'] as const).map((size) => (
            <label key={size} className="menu-paper-option">
              <input
                type="radio"
                name="report-paper"
                value={size}
                checked={paper === size}
                onChange={() => setPaper(size)}
              />
              {t(size === 'a4' ? 'measurement.export.paperA4' : 'measurement.export.paperLetter')}
            </label>
          ))}
        </fieldset>
        <div className="menu-choices">
          {[...languages, 'both' as const].map((code) => (
            <a
              key={code}
              className="menu-choice"
              href={reportPrintUrl(campaignId, code, paper)}
              target="_blank"
              rel="noopener"
            >
              {code === 'both' ? t('measurement.export.both') : languageName(code, locale)}
            </a>
          ))}
        </div>
      </div>
      <div className="menu-group">
        <p className="menu-group-title">
          <DownloadIcon width={15} height={15} />
          {t('measurement.export.csv')}
        </p>
        <p className="menu-group-hint">{t('measurement.export.csvHint')}</p>
        <div className="menu-choices">
          {languages.map((code) => (
            <a key={code} className="menu-choice" href={reportCsvUrl(campaignId, code)} download>
              {languageName(code, locale)}
            </a>
          ))}
        </div>
      </div>
    </Popover>
  );
}

/** The frame of both measurement screens: title, sub-navigation, the actions. */
export function MeasurementFrame({
  me,
  active,
  children,
  missingRates = [],
}: {
  me: User;
  active: 'dashboard' | 'data';
  children: ReactNode;
  missingRates?: string[];
}) {
  const t = useT();
  const campaign = useLayoutCampaign();
  const [fxOpen, setFxOpen] = useState(false);
  const [manualOpen, setManualOpen] = useState(false);
  const base = `/campaigns/${campaign.id}/measurement`;
  const tabs = [
    { key: 'dashboard', to: base, label: t('measurement.nav.dashboard') },
    { key: 'data', to: `${base}/data`, label: t('measurement.nav.data') },
  ];
  return (
    <div className="tab-page measurement">
      <div className="tab-page-head">
        <div>
          <h2 className="tab-page-title">{t('measurement.title')}</h2>
          <p className="tab-page-text">{t('measurement.description')}</p>
        </div>
        <div className="tab-page-actions">
          {mayImport(me) ? (
            <Button onClick={() => setManualOpen(true)}>
              <PencilIcon width={16} height={16} />
              {t('measurement.manual.open')}
            </Button>
          ) : null}
          {mayEditCampaign(me, campaign) ? (
            <Button onClick={() => setFxOpen(true)}>{t('measurement.fx.open')}</Button>
          ) : null}
          <ExportMenu campaignId={campaign.id} />
        </div>
      </div>
      <nav className="ms-subnav" aria-label={t('measurement.nav.label')}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            className={`ms-subnav-link${tab.key === active ? ' ms-subnav-active' : ''}`}
            aria-current={tab.key === active ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {missingRates.length ? (
        <div className="alert alert-warning ms-alert-row" role="alert" data-testid="missing-rates">
          <p>
            {t('measurement.missingRates', {
              currencies: missingRates.join(', '),
              count: missingRates.length,
            })}
          </p>
          {mayEditCampaign(me, campaign) ? (
            <Button size="sm" onClick={() => setFxOpen(true)}>
              {t('measurement.fx.setRates')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {children}
      {fxOpen ? (
        <FxDialog missing={missingRates} viewerZone={me.timeZone} onClose={() => setFxOpen(false)} />
      ) : null}
      {manualOpen ? <ManualEntryDialog me={me} onClose={() => setManualOpen(false)} /> : null}
    </div>
  );
}

/** `/campaigns/:id/measurement`: awareness beside conversion, per market, and per creator. */
export function DashboardView({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('measurement.title')} · ${campaign.name}`);
  const report = useQuery(reportQuery(campaign.id));
  const data = report.data;

  return (
    <MeasurementFrame me={me} active="dashboard" missingRates={data?.missingRates ?? []}>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.isPending ? <Spinner label={t('common.loading')} /> : null}
      {data ? (
        <>
          <p className="text-sm muted ms-generated">
            {t('measurement.generatedAt', { when: formatInstant(data.generatedAt, me.timeZone, locale) })}
          </p>
          {data.markets.length === 0 ? (
            <div className="card">
              <EmptyState icon={<ChartIcon width={28} height={28} />} title={t('measurement.empty.title')}>
                <p>{t('measurement.empty.text')}</p>
              </EmptyState>
            </div>
          ) : (
            <div
              className="ms-market-grid"
              style={{ ['--ms-market-columns' as string]: Math.min(data.markets.length, 3) }}
            >
              {data.markets.map((market) => (
                <MarketCard
                  key={market.code}
                  market={market}
                  currency={market.currency}
                  locale={locale}
                  viewerZone={me.timeZone}
                  zone={campaign.markets.find((m) => m.code === market.code)?.timeZone ?? me.timeZone}
                />
              ))}
            </div>
          )}
          {data.creators.length === 0 && data.markets.length ? (
            <div className="card">
              <EmptyState icon={<ChartIcon width={28} height={28} />} title={t('measurement.noData.title')}>
                <p>{t('measurement.noData.text')}</p>
                <Link className="button button-secondary" to={`/campaigns/${campaign.id}/measurement/data`}>
                  {t('measurement.noData.action')}
                </Link>
              </EmptyState>
            </div>
          ) : (
            <CreatorsTable report={data} locale={locale} />
          )}
          {data.markets.length ? <TotalCard report={data} locale={locale} /> : null}
        </>
      ) : null}
    </MeasurementFrame>
  );
}
