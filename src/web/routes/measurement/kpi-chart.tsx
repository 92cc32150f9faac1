import type { Locale } from '../../../shared/i18n/runtime.ts';
import { marketName } from '../../../shared/market-name.ts';
import type { MarketReport } from '../../api/insights.ts';
import { useT } from '../../i18n/locale.tsx';
import { formatKpi, formatShare, kpiLabel, LOWER_IS_BETTER } from './format.ts';

const W = 360;
const H = 170;
const PAD = { left: 40, right: 14, top: 14, bottom: 26 };

/**
 * Actual vs target over the checkpoints (go-live + N days) and now, as a share of each KPI's
 * target, so figures in different units share one axis; the dashed line is the target. Costs
 * (CPM, CPA, CPE: lower is better) stay in the list above.
 */
export function KpiChart({ market, locale }: { market: MarketReport; locale: Locale }) {
  const t = useT();
  const series = market.kpis.filter((k) => k.target && !LOWER_IS_BETTER.has(k.metric));
  const days = [...new Set(series.flatMap((k) => k.checkpoints.map((c) => c.days)))].sort((a, b) => a - b);
  const columns: Array<{ key: string; label: string }> = [
    ...days.map((d) => ({ key: `d${d}`, label: t('measurement.kpi.checkpoint', { days: d }) })),
    { key: 'now', label: t('measurement.chart.now') },
  ];
  if (!series.length) {
    return <p className="ms-market-chart-empty muted">{t('measurement.chart.noTargets')}</p>;
  }
  const points = series.map((kpi) => ({
    kpi,
    values: columns.map((column) => {
      if (column.key === 'now') return kpi.actual;
      const c = kpi.checkpoints.find((x) => `d${x.days}` === column.key);
      return c?.at && Date.parse(c.at) <= Date.now() ? c.actual : null;
    }),
  }));
  const shares = points.flatMap((p) => p.values.map((v) => (v === null ? null : v / (p.kpi.target ?? 1))));
  const top = Math.min(
    3,
    Math.max(1.2, ...shares.filter((s): s is number => s !== null).map((s) => s * 1.1)),
  );
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (columns.length === 1 ? plotW / 2 : (i / (columns.length - 1)) * plotW);
  const y = (share: number) => PAD.top + plotH - (Math.min(share, top) / top) * plotH;
  const ticks = [0, 0.5, 1, 1.5, 2, 2.5, 3].filter((v) => v <= top + 0.001);
  const summary = points
    .map(
      (p) =>
        `${kpiLabel(t, p.kpi.metric)}: ${p.values
          .map((v, i) => `${columns[i]?.label} ${formatKpi(p.kpi.metric, v, market.currency, locale)}`)
          .join(', ')}`,
    )
    .join('; ');

  return (
    <figure className="ms-market-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('measurement.chart.label', { market: marketName(market, locale), summary })}
        className="ms-market-chart-svg"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className={tick === 1 ? 'ms-chart-target' : 'ms-chart-grid'}
            />
            <text x={PAD.left - 6} y={y(tick) + 3.5} className="ms-chart-axis" textAnchor="end">
              {formatShare(tick, locale)}
            </text>
          </g>
        ))}
        {columns.map((column, i) => {
          const last = i === columns.length - 1 && columns.length > 1;
          return (
            <text
              key={column.key}
              x={last ? x(i) + 6 : x(i)}
              y={H - 8}
              className="ms-chart-axis"
              textAnchor={last ? 'end' : 'middle'}
            >
              {column.label}
            </text>
          );
        })}
        {points.map((p, s) => {
          const coords = p.values
            .map((v, i) => (v === null ? null : ([x(i), y(v / (p.kpi.target ?? 1))] as const)))
            .filter((c): c is readonly [number, number] => c !== null);
          return (
            <g key={p.kpi.metric} className={`ms-chart-series ms-chart-series-${s % 6}`}>
              {coords.length > 1 ? (
                <polyline points={coords.map(([a, b]) => `${a},${b}`).join(' ')} fill="none" />
              ) : null}
              {p.values.map((v, i) =>
                v === null ? null : (
                  <circle key={columns[i]?.key} cx={x(i)} cy={y(v / (p.kpi.target ?? 1))} r={3.2}>
                    <title>
                      {`${kpiLabel(t, p.kpi.metric)} · ${columns[i]?.label}: ${formatKpi(p.kpi.metric, v, market.currency, locale)} (${formatShare(v / (p.kpi.target ?? 1), locale)})`}
                    </title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="ms-chart-legend">
        {points.map((p, s) => (
          <span key={p.kpi.metric} className={`ms-chart-key ms-chart-series-${s % 6}`}>
            <span className="ms-chart-key-dot" aria-hidden="true" />
            {kpiLabel(t, p.kpi.metric)}
          </span>
        ))}
        <span className="ms-chart-key chart-key-target">
          <span className="ms-chart-key-dash" aria-hidden="true" />
          {t('measurement.chart.target')}
        </span>
      </figcaption>
    </figure>
  );
}
