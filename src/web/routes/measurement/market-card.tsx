import { useId } from 'react';
import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';
import { marketName } from '../../../shared/market-name.ts';
import type { KpiReport, MarketReport } from '../../api/insights.ts';
import { InfoIcon } from '../../components/icons.tsx';
import { Popover } from '../../components/popover.tsx';
import { useT } from '../../i18n/locale.tsx';
import { formatInstant } from '../../time/format.ts';
import { formatKpi, formatShare, kpiLabel, LOWER_IS_BETTER } from './format.ts';
import { KpiChart } from './kpi-chart.tsx';

/** What the figures mean (metrics/README.md), for the market's engagement-rate basis and currency. */
export function Definitions({ basis, currency }: { basis: string; currency: string }) {
  const t = useT();
  const items: Array<[MessageKey, MessageKey]> = [
    ['brief.kpi.reach', 'measurement.def.reach'],
    ['brief.kpi.impressions', 'measurement.def.impressions'],
    ['brief.kpi.engagements', 'measurement.def.engagements'],
    ['brief.kpi.engagement_rate', 'measurement.def.engagementRate'],
    ['brief.kpi.cpm', 'measurement.def.cpm'],
    ['brief.kpi.cpe', 'measurement.def.cpe'],
    ['brief.kpi.cpa', 'measurement.def.cpa'],
    ['brief.kpi.roas', 'measurement.def.roas'],
    ['brief.kpi.conversion_rate', 'measurement.def.conversionRate'],
    ['measurement.def.costTerm', 'measurement.def.cost'],
    ['measurement.def.checkpointsTerm', 'measurement.def.checkpoints'],
  ];
  return (
    <div className="ms-defs">
      <p className="ms-defs-title">{t('measurement.def.title')}</p>
      <dl className="ms-defs-list">
        {items.map(([term, text]) => (
          <div key={text}>
            <dt>{t(term)}</dt>
            <dd>
              {t(text, {
                basis: t(`report.basis.${basis}` as MessageKey),
                currency,
              })}
            </dd>
          </div>
        ))}
      </dl>
      <p className="ms-defs-foot">{t('measurement.def.emv')}</p>
    </div>
  );
}

function KpiRow({ kpi, currency, locale }: { kpi: KpiReport; currency: string; locale: Locale }) {
  const t = useT();
  const lower = LOWER_IS_BETTER.has(kpi.metric);
  const progress = kpi.progress;
  const onTarget = progress !== null && (lower ? progress <= 1 : progress >= 1);
  const fill = progress === null ? 0 : Math.min(1, progress);
  const labelId = useId();
  return (
    <li className="ms-kpi" data-kpi={kpi.metric}>
      <div className="ms-kpi-head">
        <span className="ms-kpi-label" id={labelId}>
          {kpiLabel(t, kpi.metric)}
          {lower ? <span className="ms-kpi-lower">{t('measurement.kpi.lowerIsBetter')}</span> : null}
        </span>
        <span className="ms-kpi-values">
          <span className="ms-kpi-actual" data-testid="kpi-actual">
            {formatKpi(kpi.metric, kpi.actual, currency, locale)}
          </span>
          {kpi.target !== null ? (
            <span className="ms-kpi-target">
              {t('measurement.kpi.target', { target: formatKpi(kpi.metric, kpi.target, currency, locale) })}
            </span>
          ) : null}
        </span>
      </div>
      {kpi.target !== null ? (
        <div
          className={`ms-kpi-bar${onTarget ? ' ms-kpi-bar-done' : ''}${lower && progress !== null && progress > 1 ? ' ms-kpi-bar-over' : ''}`}
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress === null ? undefined : Math.round(Math.min(progress, 10) * 100)}
          aria-valuetext={
            progress === null
              ? t('measurement.kpi.noActual')
              : t('measurement.kpi.progress', { share: formatShare(progress, locale) })
          }
        >
          <span style={{ width: `${fill * 100}%` }} />
        </div>
      ) : null}
      <div className="ms-kpi-foot">
        <span className={`kpi-share${onTarget ? ' ms-kpi-share-done' : ''}`}>
          {progress === null
            ? kpi.target === null
              ? t('measurement.kpi.noTarget')
              : t('measurement.kpi.noActual')
            : lower
              ? onTarget
                ? t('measurement.kpi.withinTarget')
                : t('measurement.kpi.overTarget', { share: formatShare(progress - 1, locale) })
              : t('measurement.kpi.progress', { share: formatShare(progress, locale) })}
        </span>
        {kpi.checkpoints.length ? (
          <span className="ms-kpi-checkpoints">
            {kpi.checkpoints.map((c) => (
              <span key={c.days} className="kpi-checkpoint" title={c.at ?? undefined}>
                <span className="ms-kpi-checkpoint-day">
                  {t('measurement.kpi.checkpoint', { days: c.days })}
                </span>{' '}
                {c.at === null
                  ? '—'
                  : Date.parse(c.at) > Date.now()
                    ? t('measurement.kpi.pending')
                    : formatKpi(kpi.metric, c.actual, currency, locale)}
              </span>
            ))}
          </span>
        ) : null}
      </div>
    </li>
  );
}

/** One market: its objective, its KPIs (actual vs target, checkpoints), the ER definition, a chart. */
export function MarketCard({
  market,
  currency,
  locale,
  viewerZone,
  zone,
}: {
  market: MarketReport;
  currency: string;
  locale: Locale;
  viewerZone: string;
  zone: string;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="card ms-market-card" aria-labelledby={titleId} data-market={market.code}>
      <header className="ms-market-head">
        <div className="ms-market-title-row">
          <span className="market-code">{market.code}</span>
          <h3 className="ms-market-title" id={titleId}>
            {marketName(market, locale)}
          </h3>
          <span className={`objective-tag objective-${market.objective}`}>
            {t(`brief.objective.${market.objective}` as MessageKey)}
          </span>
        </div>
        <p className="ms-market-meta">
          <span>{t('report.creatorsCount', { count: market.creators })}</span>
          {market.goLive ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{t('measurement.goLive', { when: formatInstant(market.goLive, zone, locale) })}</span>
              {zone !== viewerZone ? (
                <span className="muted">({formatInstant(market.goLive, viewerZone, locale)})</span>
              ) : null}
            </>
          ) : null}
        </p>
        {market.goLive ? null : (
          <p className="ms-market-meta ms-market-meta-quiet">{t('measurement.noGoLive')}</p>
        )}
        <div className="ms-market-basis">
          <span className="ms-market-basis-text" data-testid="er-basis">
            {t('measurement.erBasis', {
              basis: t(`report.basis.${market.engagementRateBasis}` as MessageKey),
            })}
          </span>
          <Popover
            label={
              <>
                <InfoIcon width={16} height={16} />
                {t('measurement.def.open')}
              </>
            }
            panelLabel={t('measurement.def.title')}
            wide
          >
            <Definitions basis={market.engagementRateBasis} currency={currency} />
          </Popover>
        </div>
      </header>
      <ul className="ms-kpi-list">
        {market.kpis.map((kpi) => (
          <KpiRow key={kpi.metric} kpi={kpi} currency={currency} locale={locale} />
        ))}
      </ul>
      <KpiChart market={market} locale={locale} />
    </section>
  );
}
