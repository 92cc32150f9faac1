import { useState } from 'react';
import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';
import type { CreatorReport, Report } from '../../api/insights.ts';
import { SortIcon } from '../../components/icons.tsx';
import { useT } from '../../i18n/locale.tsx';
import { formatCount, formatMoney, formatPercent, formatRatio } from './format.ts';

type SortKey = 'name' | 'marketCode' | Column['key'];
type Column = {
  key: 'reach' | 'engagementRate' | 'clicks' | 'orders' | 'revenue' | 'cpm' | 'cpa' | 'roas' | 'cost';
  label: MessageKey;
  /** A shorter header, the full name as its tooltip. */
  short?: MessageKey;
  /** The figure shown and sorted on: money in the creator's market currency (`local`). */
  value: (c: CreatorReport) => number | null;
  format: (c: CreatorReport, locale: Locale) => string;
};

const COLUMNS: Column[] = [
  {
    key: 'reach',
    label: 'brief.kpi.reach',
    value: (c) => c.reach,
    format: (c, l) => formatCount(c.reach, l),
  },
  {
    key: 'engagementRate',
    label: 'brief.kpi.engagement_rate',
    short: 'measurement.creators.er',
    value: (c) => c.engagementRate,
    format: (c, l) => formatPercent(c.engagementRate, l),
  },
  {
    key: 'clicks',
    label: 'brief.kpi.clicks',
    value: (c) => c.clicks,
    format: (c, l) => formatCount(c.clicks, l),
  },
  {
    key: 'orders',
    label: 'brief.kpi.orders',
    value: (c) => c.orders,
    format: (c, l) => formatCount(c.orders, l),
  },
  {
    key: 'revenue',
    label: 'brief.kpi.revenue',
    value: (c) => c.local.revenue,
    format: (c, l) => formatMoney(c.local.revenue, c.local.currency, l),
  },
  {
    key: 'cpm',
    label: 'brief.kpi.cpm',
    value: (c) => c.local.cpm,
    format: (c, l) => formatMoney(c.local.cpm, c.local.currency, l),
  },
  {
    key: 'cpa',
    label: 'brief.kpi.cpa',
    value: (c) => c.local.cpa,
    format: (c, l) => formatMoney(c.local.cpa, c.local.currency, l),
  },
  {
    key: 'roas',
    label: 'brief.kpi.roas',
    value: (c) => c.local.roas,
    format: (c, l) => formatRatio(c.local.roas, l),
  },
  {
    key: 'cost',
    label: 'report.csv.cost',
    value: (c) => c.local.cost,
    format: (c, l) => formatMoney(c.local.cost, c.local.currency, l),
  },
];

const sortValue = (c: CreatorReport, key: SortKey): string | number | null =>
  key === 'name' || key === 'marketCode'
    ? c[key]
    : (COLUMNS.find((col) => col.key === key)?.value(c) ?? null);

/** Per-creator figures, sortable by any column, filterable by market. */
export function CreatorsTable({ report, locale }: { report: Report; locale: Locale }) {
  const t = useT();
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({
    key: 'reach',
    direction: 'desc',
  });
  const [market, setMarket] = useState('all');
  const rows = report.creators
    .filter((c) => market === 'all' || c.marketCode === market)
    .sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
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
  const toggle = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'name' || key === 'marketCode' ? 'asc' : 'desc' },
    );
  const header = (key: SortKey, label: string, numeric = true, short?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        key={key}
        className={numeric ? 'num ms-col-num' : undefined}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="ms-th-sort"
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
          <p className="card-description">{t('measurement.creators.localHint')}</p>
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
        <div className="table-wrap ms-creators-wrap">
          <table className="table table-cells-stacked ms-creators-table">
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
                    <span className="cell-primary ms-creator-name">{c.name}</span>
                    {c.promoCode ? <span className="cell-secondary mono">{c.promoCode}</span> : null}
                  </td>
                  <td>
                    <span className="market-code ms-creator-market">{c.marketCode}</span>
                  </td>
                  {COLUMNS.map((column) => (
                    <td key={column.key} className="num" data-column={column.key}>
                      {column.format(c, locale)}
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
