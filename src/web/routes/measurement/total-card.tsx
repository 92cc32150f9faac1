import { useId } from 'react';
import { formatCount, formatKpi, formatMoney, formatRate } from '../../../shared/figures.ts';
import type { Locale, MessageKey } from '../../../shared/i18n/index.ts';
import type { Report } from '../../api/insights.ts';
import { useT } from '../../i18n/locale.tsx';

/**
 * The joint total: every market together, money converted to the campaign's base currency where a
 * rate exists, with the rates it used and those it lacks written beside it.
 */
export function TotalCard({ report, locale }: { report: Report; locale: Locale }) {
  const t = useT();
  const titleId = useId();
  const { total } = report;
  const base = total.currency;
  const figures: Array<[metric: string, label: MessageKey, text: string]> = [
    ['reach', 'brief.kpi.reach', formatCount(total.reach, locale)],
    [
      'engagement_rate',
      'brief.kpi.engagement_rate',
      formatKpi('engagement_rate', total.engagementRate, base, locale),
    ],
    ['orders', 'brief.kpi.orders', formatCount(total.orders, locale)],
    ['cost', 'report.csv.cost', formatMoney(total.cost, base, locale)],
    ['revenue', 'brief.kpi.revenue', formatMoney(total.revenue, base, locale)],
    ['cpa', 'brief.kpi.cpa', formatKpi('cpa', total.cpa, base, locale)],
    ['roas', 'brief.kpi.roas', formatKpi('roas', total.roas, base, locale)],
  ];
  const rates = total.ratesUsed.map((r) => formatRate(r.currency, r.rate, base, locale)).join('; ');
  return (
    <section
      className="card ms-total"
      aria-labelledby={titleId}
      data-testid="joint-total"
      data-currency={base}
    >
      <div className="card-header">
        <div>
          <h3 className="card-title" id={titleId}>
            {t('measurement.total.title')}
          </h3>
          <p className="card-description">{t('measurement.total.hint', { currency: base })}</p>
        </div>
      </div>
      <div className="card-body">
        <dl className="ms-total-figures">
          {figures.map(([metric, label, text]) => (
            <div key={metric} data-total={metric}>
              <dt>{t(label)}</dt>
              <dd className="num">{text}</dd>
            </div>
          ))}
        </dl>
        {total.ratesUsed.length ? (
          <p className="text-sm muted" data-testid="rates-used">
            {t('measurement.total.ratesUsed', { rates })}
          </p>
        ) : total.missingRates.length === 0 ? (
          <p className="text-sm muted" data-testid="rates-used">
            {t('measurement.total.noConversion', { currency: base })}
          </p>
        ) : null}
        {total.missingRates.length ? (
          <p className="text-sm ms-total-missing" data-testid="rates-missing">
            {t('measurement.total.ratesMissing', {
              count: total.missingRates.length,
              currencies: total.missingRates.join(', '),
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
