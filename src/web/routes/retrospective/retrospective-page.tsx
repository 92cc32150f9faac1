import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Locale, MessageKey } from '../../../shared/i18n/runtime.ts';
import { marketName } from '../../../shared/market-name.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import {
  type LateItem,
  type LateKind,
  type Retrospective,
  retrospectiveCsvUrl,
  retrospectiveKeys,
  retrospectivePrintUrl,
  retrospectiveQuery,
} from '../../api/retrospective.ts';
import type { User } from '../../api/types.ts';
import { Badge, EmptyState, ErrorAlert, Select, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { useCampaignEvents } from '../campaign/campaign-events.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import './retrospective.css';
import { lateText } from '../../../shared/time/duration.ts';

const KINDS: readonly LateKind[] = [
  'task',
  'feedback',
  'creator_deadline',
  'agreement',
  'acknowledgement',
  'escalation',
];
/** Rows shown per kind before "Show all": a big campaign has thousands of late tasks. */
const FIRST_ROWS = 50;
/** The market filter's value for rows that belong to no market (a task for all of them). */
const CAMPAIGN_WIDE = '*';

const inZone = (instant: string, zone: string, locale: Locale) =>
  formatInZones(instant, [zone], locale)[0]?.label ?? instant;

/** `/campaigns/:id/retrospective`: the post-mortem — what was late, the launch, the feedback promise. */
export function RetrospectivePage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('retro.title')} · ${campaign.name}`);
  const retro = useQuery(retrospectiveQuery(campaign.id, locale));
  // Anything done in the campaign may close (or open) a late item.
  useCampaignEvents(campaign.id, () => {
    void queryClient.invalidateQueries({ queryKey: retrospectiveKeys.all(campaign.id) });
  });
  const [market, setMarket] = useState('');
  const [kind, setKind] = useState<LateKind | ''>('');
  const [openOnly, setOpenOnly] = useState(false);

  if (retro.isPending) {
    return (
      <div className="retro-center">
        <Spinner size="lg" label={t('common.loading')} />
      </div>
    );
  }
  if (retro.isError) return <ErrorAlert error={retro.error} />;
  const data = retro.data;
  const zoneOf = (code: string | null) =>
    data.launch.markets.find((m) => m.code === code)?.timeZone ?? me.timeZone;
  const shown = data.late.filter(
    (item) =>
      (market === '' || (item.marketCode ?? CAMPAIGN_WIDE) === market) &&
      (kind === '' || item.kind === kind) &&
      (!openOnly || item.open),
  );
  const countOf = (k: LateKind) =>
    data.late.filter((i) => i.kind === k && (market === '' || (i.marketCode ?? CAMPAIGN_WIDE) === market))
      .length;

  return (
    <div className="retro-page">
      <div className="section-header">
        <div>
          <h2 className="section-title">{t('retro.title')}</h2>
          <p className="section-description">{t('retro.intro')}</p>
        </div>
        <div className="retro-actions">
          <a className="button button-secondary" href={retrospectiveCsvUrl(campaign.id, locale)} download>
            {t('retro.downloadCsv')}
          </a>
          <a
            className="button button-secondary"
            href={retrospectivePrintUrl(campaign.id, locale)}
            target="_blank"
            rel="noopener"
          >
            {t('retro.print')}
          </a>
        </div>
      </div>
      <p className="retro-summary">
        <strong>{t('retro.summary', { count: data.totals.late, open: data.totals.open })}</strong>
        <span className="retro-muted"> · {t('retro.generated', { date: new Date(data.generatedAt) })}</span>
      </p>

      <LaunchSection data={data} locale={locale} />
      <FeedbackSection data={data} locale={locale} />

      <section className="card retro-late" aria-labelledby="retro-late-title">
        <h3 id="retro-late-title" className="retro-section-title">
          {t('retro.lateTitle')}
        </h3>
        <div className="retro-filters">
          <div className="retro-filter-market">
            <label htmlFor="retro-market">{t('retro.filter.market')}</label>
            <Select id="retro-market" value={market} onChange={(e) => setMarket(e.target.value)}>
              <option value="">{t('retro.filter.allMarkets')}</option>
              {data.markets.map((m) => (
                <option key={m.code} value={m.code}>
                  {`${m.code} — ${marketName(m, locale)}`}
                </option>
              ))}
              <option value={CAMPAIGN_WIDE}>{t('retro.campaignWide')}</option>
            </Select>
          </div>
          <fieldset className="retro-kinds" aria-label={t('retro.filter.kind')}>
            <button
              type="button"
              className="retro-kind"
              aria-pressed={kind === ''}
              onClick={() => setKind('')}
            >
              {t('retro.filter.allKinds')}
            </button>
            {KINDS.map((k) => (
              <button
                key={k}
                type="button"
                className="retro-kind"
                aria-pressed={kind === k}
                onClick={() => setKind(k)}
              >
                {t(`retro.kind.${k}` as MessageKey)} <span className="retro-count">{countOf(k)}</span>
              </button>
            ))}
          </fieldset>
          <label className="retro-open-only">
            <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
            {t('retro.filter.openOnly')}
          </label>
        </div>
        {shown.length === 0 ? (
          <EmptyState title={data.late.length === 0 ? t('retro.empty') : t('retro.emptyFiltered')} />
        ) : (
          KINDS.filter((k) => shown.some((i) => i.kind === k)).map((k) => (
            <KindGroup
              key={`${k}-${market}-${openOnly}`}
              kind={k}
              items={shown.filter((i) => i.kind === k)}
              zoneOf={zoneOf}
              locale={locale}
            />
          ))
        )}
      </section>
    </div>
  );
}

function KindGroup({
  kind,
  items,
  zoneOf,
  locale,
}: {
  kind: LateKind;
  items: LateItem[];
  zoneOf: (code: string | null) => string;
  locale: Locale;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const rows = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <div className="retro-group" data-kind={kind}>
      <h4 className="retro-group-title">
        {t(`retro.kind.${kind}` as MessageKey)} <span className="retro-count">{items.length}</span>
      </h4>
      <p className="retro-muted retro-hint">{t(`retro.kindHint.${kind}` as MessageKey)}</p>
      <div className="table-wrap table-wrap-flat">
        <table className="table retro-table">
          <thead>
            <tr>
              <th>{t('retro.column.item')}</th>
              <th>{t('retro.column.market')}</th>
              <th>{t('retro.column.owner')}</th>
              <th>{t('retro.column.due')}</th>
              <th>{t('retro.column.done')}</th>
              <th>{t('retro.column.late')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const zone = zoneOf(item.marketCode);
              return (
                <tr key={`${item.kind}:${item.entityId}:${item.ownerId ?? ''}`} className="retro-row">
                  <td data-label={t('retro.column.item')}>
                    {item.link ? <Link to={item.link}>{item.label}</Link> : item.label}
                    {item.detail ? <div className="retro-muted">{item.detail}</div> : null}
                  </td>
                  <td data-label={t('retro.column.market')}>{item.marketCode ?? t('retro.campaignWide')}</td>
                  <td data-label={t('retro.column.owner')}>{item.ownerName ?? t('retro.nobody')}</td>
                  <td data-label={t('retro.column.due')} className="retro-time">
                    {inZone(item.dueAt, zone, locale)}
                  </td>
                  <td data-label={t('retro.column.done')} className="retro-time">
                    {item.doneAt ? inZone(item.doneAt, zone, locale) : t('retro.notDone')}
                  </td>
                  <td
                    data-label={t('retro.column.late')}
                    className={item.open ? 'retro-bad' : 'retro-late-by'}
                  >
                    {lateText(t, item.lateMinutes, item.open)}
                    {item.open ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('retro.openBadge')}</Badge>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!all && items.length > FIRST_ROWS ? (
        <button type="button" className="button button-ghost retro-more" onClick={() => setAll(true)}>
          {t('retro.showAll', { count: items.length })}
        </button>
      ) : null}
    </div>
  );
}

function LaunchSection({ data, locale }: { data: Retrospective; locale: Locale }) {
  const t = useT();
  const { launch } = data;
  return (
    <section className="card retro-section" aria-labelledby="retro-launch-title">
      <h3 id="retro-launch-title" className="retro-section-title">
        {t('retro.launch.title')}
      </h3>
      <div className="table-wrap table-wrap-flat">
        <table className="table retro-table">
          <thead>
            <tr>
              <th>{t('retro.launch.market')}</th>
              <th>{t('retro.launch.planned')}</th>
              <th>{t('retro.launch.actual')}</th>
              <th>{t('retro.launch.result')}</th>
            </tr>
          </thead>
          <tbody>
            {launch.markets.map((m) => {
              const late = m.lateMinutes ?? 0;
              const result = !m.plannedAt
                ? t('retro.launch.noPlan')
                : m.actualAt
                  ? late > 0
                    ? lateText(t, late, false)
                    : t('retro.launch.onTime')
                  : late > 0
                    ? lateText(t, late, true)
                    : t('retro.launch.notLive');
              return (
                <tr key={m.code} data-market={m.code}>
                  <td data-label={t('retro.launch.market')}>{`${m.code} — ${marketName(m, locale)}`}</td>
                  <td data-label={t('retro.launch.planned')} className="retro-time">
                    {m.plannedAt ? inZone(m.plannedAt, m.timeZone, locale) : '—'}
                  </td>
                  <td data-label={t('retro.launch.actual')} className="retro-time">
                    {m.actualAt ? (
                      <>
                        {inZone(m.actualAt, m.timeZone, locale)}
                        <div className="retro-muted">
                          {t(`retro.launch.source.${m.source ?? 'post'}` as MessageKey)}
                        </div>
                      </>
                    ) : (
                      t('retro.launch.notLive')
                    )}
                  </td>
                  <td data-label={t('retro.launch.result')} className={late > 0 ? 'retro-bad' : 'retro-good'}>
                    {result}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="retro-spreads">
        {launch.plannedSpreadHours !== null ? (
          <li className={launch.plannedOk ? '' : 'retro-bad'}>
            {t('retro.launch.plannedSpread', {
              hours: launch.plannedSpreadHours,
              limit: launch.limitHours,
              ok: launch.plannedOk ? 'yes' : 'no',
            })}
          </li>
        ) : null}
        <li className={launch.actualOk === false ? 'retro-bad' : ''}>
          {launch.actualSpreadHours !== null
            ? t('retro.launch.actualSpread', {
                hours: launch.actualSpreadHours,
                ok: launch.actualOk ? 'yes' : 'no',
              })
            : launch.actualOk === false
              ? t('retro.launch.actualBroken', { limit: launch.limitHours })
              : t('retro.launch.actualPending')}
        </li>
      </ul>
    </section>
  );
}

function FeedbackSection({ data, locale }: { data: Retrospective; locale: Locale }) {
  const t = useT();
  const hours = (value: number | null) =>
    value === null ? '—' : t('retro.feedback.hours', { hours: value });
  return (
    <section className="card retro-section" aria-labelledby="retro-feedback-title">
      <h3 id="retro-feedback-title" className="retro-section-title">
        {t('retro.feedback.title')}
      </h3>
      <div className="table-wrap table-wrap-flat">
        <table className="table retro-table">
          <thead>
            <tr>
              <th>{t('retro.feedback.market')}</th>
              <th>{t('retro.feedback.promise')}</th>
              <th className="retro-n">{t('retro.feedback.answered')}</th>
              <th className="retro-n">{t('retro.feedback.onTime')}</th>
              <th className="retro-n">{t('retro.feedback.median')}</th>
              <th className="retro-n">{t('retro.feedback.worst')}</th>
              <th className="retro-n">{t('retro.feedback.openOverdue')}</th>
              <th>{t('retro.feedback.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {data.markets.map((m) => {
              const f = data.byMarket[m.code]?.feedback;
              if (!f) return null;
              return (
                <tr key={m.code} data-market={m.code}>
                  <td data-label={t('retro.feedback.market')}>{`${m.code} — ${marketName(m, locale)}`}</td>
                  <td data-label={t('retro.feedback.promise')}>
                    {f.policyHours === null
                      ? '—'
                      : t('retro.feedback.promiseHours', { hours: f.policyHours })}
                  </td>
                  <td data-label={t('retro.feedback.answered')} className="retro-n">
                    {f.answered}
                  </td>
                  <td data-label={t('retro.feedback.onTime')} className="retro-n">
                    {f.answeredOnTime}
                  </td>
                  <td data-label={t('retro.feedback.median')} className="retro-n">
                    {hours(f.medianHours)}
                  </td>
                  <td data-label={t('retro.feedback.worst')} className="retro-n">
                    {hours(f.worstHours)}
                  </td>
                  <td data-label={t('retro.feedback.openOverdue')} className="retro-n">
                    {f.openOverdue}
                  </td>
                  <td data-label={t('retro.feedback.verdict')}>
                    {f.kept === null ? (
                      <span className="retro-muted">{t('retro.feedback.nothing')}</span>
                    ) : f.kept ? (
                      <Badge tone="success">{t('retro.feedback.kept')}</Badge>
                    ) : (
                      <Badge tone="danger">{t('retro.feedback.broken')}</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
