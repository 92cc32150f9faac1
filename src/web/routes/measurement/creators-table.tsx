import { useState } from 'react';
import type { Locale, MessageKey } from '../../../shared/i18n/index.ts';
import type { CreatorReport, Report } from '../../api/insights.ts';
import { useT } from '../../i18n/locale.tsx';
import { SortIcon } from '../insights/bits.tsx';
import { formatCount, formatMoney, formatPercent, formatRatio } from '../insights/format.ts';

type Column = {
  key: keyof CreatorReport;
  label: MessageKey;
  /** A shorter header, the full name as its tooltip. */
  short?: MessageKey;
  format: (c: CreatorReport, currency: string, locale: Locale) => string;
};

const COLUMNS: Column[] = [
  { key: 'reach', label: 'brief.kpi.reach', format: (c, _, l) => formatCount(c.reach, l) },
  {
    key: 'engagementRate',
    label: 'brief.kpi.engagement_rate',
    short: 'measurement.creators.er',
    format: (c, _, l) => formatPercent(c.engagementRate, l),
  },
  { key: 'clicks', label: 'brief.kpi.clicks', format: (c, _, l) => formatCount(c.clicks, l) },
  { key: 'orders', label: 'brief.kpi.orders', format: (c, _, l) => formatCount(c.orders, l) },
  { key: 'revenue', label: 'brief.kpi.revenue', format: (c, cur, l) => formatMoney(c.revenue, cur, l) },
  { key: 'cpm', label: 'brief.kpi.cpm', format: (c, cur, l) => formatMoney(c.cpm, cur, l) },
  { key: 'cpa', label: 'brief.kpi.cpa', format: (c, cur, l) => formatMoney(c.cpa, cur, l) },
  { key: 'roas', label: 'brief.kpi.roas', format: (c, _, l) => formatRatio(c.roas, l) },
  { key: 'cost', label: 'report.csv.cost', format: (c, cur, l) => formatMoney(c.cost, cur, l) },
];

/** Per-creator figures, sortable by any column, filterable by market. */
export function CreatorsTable({ report, locale }: { report: Report; locale: Locale }) {
  const t = useT();
  const [sort, setSort] = useState<{ key: keyof CreatorReport; direction: 'asc' | 'desc' }>({
    key: 'reach',
    direction: 'desc',
  });
  const [market, setMarket] = useState('all');
  const rows = report.creators
    .filter((c) => market === 'all' || c.marketCode === market)
    .sort((a, b) => {
      const va = a[sort.key];
      const vb = b[sort.key];
      // Empty figures (no rate, no orders) sort last whichever the direction.
      if (va === null && vb === null) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      const order =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb), locale);
      return sort.direction === 'asc' ? order : -order;
    });
  const toggle = (key: keyof CreatorReport) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'name' || key === 'marketCode' ? 'asc' : 'desc' },
    );
  const header = (key: keyof CreatorReport, label: string, numeric = true, short?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        key={key}
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="th-sort"
          onClick={() => toggle(key)}
          title={short ? label : undefined}
        >
          {short ? <abbr title={label}>{short}</abbr> : label}
          <SortIcon sorted={active ? sort.direction : null} />
        </button>
      </th>
    );
  };
  const markets = [...new Set(report.creators.map((c) => c.marketCode))];

  return (
    <section className="card" aria-labelledby="creators-table-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="creators-table-title">
            {t('report.creatorsTitle')}
          </h3>
          <p className="card-description">{t('measurement.creators.hint', { currency: report.currency })}</p>
        </div>
        {markets.length > 1 ? (
          <div
            className="segmented segmented-sm"
            role="radiogroup"
            aria-label={t('measurement.creators.market')}
          >
            {['all', ...markets].map((code) => (
              <label key={code} className="segment">
                <input
                  type="radio"
                  className="segment-input"
                  name="creators-market"
                  checked={market === code}
                  onChange={() => setMarket(code)}
                />
                {code === 'all' ? t('measurement.creators.all') : code}
              </label>
            ))}
          </div>
        ) : null}
      </div>
      {report.creators.length === 0 ? (
        <div className="card-body">
          <p className="muted">{t('measurement.creators.empty')}</p>
        </div>
      ) : (
        <div className="table-wrap cr-table-wrap">
          <table className="table cr-table">
            <caption className="visually-hidden">{t('report.creatorsTitle')}</caption>
            <thead>
              <tr>
                {header('name', t('report.csv.creator'), false)}
                {header('marketCode', t('report.csv.market'), false)}
                {COLUMNS.map((column) =>
                  header(column.key, t(column.label), true, column.short ? t(column.short) : undefined),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.engagementId} data-creator={c.name}>
                  <td>
                    <span className="cell-primary">{c.name}</span>
                    {c.promoCode ? <span className="cell-secondary mono">{c.promoCode}</span> : null}
                  </td>
                  <td>
                    <span className="market-code">{c.marketCode}</span>
                  </td>
                  {COLUMNS.map((column) => (
                    <td key={column.key} className="num">
                      {column.format(c, report.currency, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
