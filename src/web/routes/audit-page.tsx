import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { marketName } from '../../shared/market-name.ts';
import { parseLocalTime } from '../../shared/time/index.ts';
import { type AuditFilters, auditEventsQuery, auditFacetsQuery, type ExplorerEvent } from '../api/audit.ts';
import { campaignsQuery } from '../api/campaigns.ts';
import type { User } from '../api/types.ts';
import { DateInput } from '../components/date-input.tsx';
import { AuditIcon, DownloadIcon } from '../components/icons.tsx';
import {
  Button,
  EmptyState,
  ErrorAlert,
  Field,
  PageHeader,
  Select,
  SkeletonRows,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { type Translate, useLocale, useT } from '../i18n/locale.tsx';
import { auditActionLabel, entityTypeLabel } from '../labels.ts';
import { Link, navigate, useLocation } from '../router/router.tsx';
import { formatInstant } from '../time/format.ts';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_FILTER_NAMES,
  type AuditFilterName,
  auditEntityHref,
} from './audit-links.ts';

/**
 * The filters live in the address, so a filtered log can be bookmarked or sent to a colleague.
 * `from`/`to` are wall-clock times in the viewer's zone (`YYYY-MM-DDTHH:mm`, as datetime-local
 * inputs give them); the API gets instants.
 */
type Filters = Record<AuditFilterName, string>;

function readFilters(search: URLSearchParams): Filters {
  return Object.fromEntries(AUDIT_FILTER_NAMES.map((name) => [name, search.get(name) ?? ''])) as Filters;
}

function filterQuery(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  return params;
}

function writeFilters(filters: Filters) {
  const query = filterQuery(filters).toString();
  navigate(`/audit${query ? `?${query}` : ''}`, { replace: true });
}

/** A local time in the viewer's zone → UTC instant for the API (a skipped hour resolves forward). */
function toInstant(local: string, zone: string): string | null {
  if (!local) return null;
  const parsed = parseLocalTime(local, zone, 'later');
  return parsed.ok ? parsed.instant : null;
}

export function AuditPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  useDocumentTitle(t('nav.audit'));
  const { search } = useLocation();
  const filters = readFilters(search);
  const campaigns = useQuery(campaignsQuery);
  const facets = useQuery(auditFacetsQuery(filters.campaignId));
  const from = toInstant(filters.from, me.timeZone);
  const to = toInstant(filters.to, me.timeZone);
  const apiFilters: AuditFilters = {
    campaignId: filters.campaignId || undefined,
    marketCode: filters.marketCode || undefined,
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId || undefined,
    from: from ?? undefined,
    to: to ?? undefined,
  };

  const events = useInfiniteQuery(auditEventsQuery(apiFilters, me.timeZone));

  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const set = (patch: Partial<Filters>) => writeFilters({ ...filters, ...patch });
  const filtered = AUDIT_FILTER_NAMES.some((name) => filters[name]);
  const campaign = campaigns.data?.find((c) => c.id === filters.campaignId);
  // The campaign's markets when one is chosen, else the markets present in the log.
  const marketOptions = campaign
    ? campaign.markets.map((m) => ({ code: m.code, name: `${marketName(m, locale)} (${m.code})` }))
    : (facets.data?.marketCodes ?? []).map((code) => ({ code, name: code }));
  const actionOptions = [
    ...new Set([...(facets.data?.actions ?? []), ...(filters.action ? [filters.action] : [])]),
  ]
    .map((action) => ({ action, label: auditActionLabel(t, action) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const entityLabel = filters.label || rows.find((e) => e.entityId === filters.entityId)?.entityLabel || null;

  const csvParams = new URLSearchParams();
  for (const [name, value] of Object.entries(apiFilters)) if (value) csvParams.set(name, value);
  csvParams.set('language', locale);
  csvParams.set('timeZone', me.timeZone);
  const csvUrl = `/api/audit/export.csv?${csvParams}`;

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        description={t('audit.description', { zone: me.timeZone })}
        actions={
          <a className="button button-secondary" href={csvUrl} download data-testid="audit-csv">
            <DownloadIcon width={16} height={16} />
            {t('audit.downloadCsv')}
          </a>
        }
      />
      <section className="card" aria-label={t('audit.filtersLabel')}>
        <div className="filters">
          <Field label={t('audit.filterCampaign')}>
            {(control) => (
              <Select
                {...control}
                value={filters.campaignId}
                onChange={(e) => set({ campaignId: e.target.value, marketCode: '' })}
              >
                <option value="">{t('audit.allCampaigns')}</option>
                {campaigns.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('audit.filterMarket')}>
            {(control) => (
              <Select
                {...control}
                value={filters.marketCode}
                onChange={(e) => set({ marketCode: e.target.value })}
              >
                <option value="">{t('audit.allMarkets')}</option>
                {marketOptions.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('audit.filterActor')}>
            {(control) => (
              <Select {...control} value={filters.actorId} onChange={(e) => set({ actorId: e.target.value })}>
                <option value="">{t('audit.anyone')}</option>
                {facets.data?.actors.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('audit.filterAction')}>
            {(control) => (
              <Select {...control} value={filters.action} onChange={(e) => set({ action: e.target.value })}>
                <option value="">{t('audit.allActions')}</option>
                {actionOptions.map((option) => (
                  <option key={option.action} value={option.action}>
                    {option.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('audit.filterEntity')}>
            {(control) => (
              <Select
                {...control}
                value={filters.entityType}
                onChange={(e) => set({ entityType: e.target.value, entityId: '', label: '' })}
              >
                <option value="">{t('audit.allEntities')}</option>
                {AUDIT_ENTITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {entityTypeLabel(t, type)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label={t('audit.filterFrom')}
            error={filters.from && !from ? t('audit.invalidTime') : undefined}
          >
            {(control) => (
              <DateInput
                {...control}
                kind="datetime"
                value={filters.from}
                onChange={(v) => set({ from: v })}
              />
            )}
          </Field>
          <Field label={t('audit.filterTo')} error={filters.to && !to ? t('audit.invalidTime') : undefined}>
            {(control) => (
              <DateInput {...control} kind="datetime" value={filters.to} onChange={(v) => set({ to: v })} />
            )}
          </Field>
          <div className="filters-actions">
            <Button
              variant="ghost"
              disabled={!filtered}
              onClick={() => writeFilters(readFilters(new URLSearchParams()))}
            >
              {t('audit.clearFilters')}
            </Button>
          </div>
        </div>
        {filters.entityId ? (
          <div className="filter-chip-row">
            <span className="filter-chip" data-testid="audit-entity-chip">
              {t('audit.entityFilterLabel', {
                label: entityLabel ?? entityTypeLabel(t, filters.entityType || 'task'),
              })}
              <button
                type="button"
                className="filter-chip-remove"
                onClick={() => set({ entityId: '', label: '' })}
                aria-label={t('audit.removeEntityFilter')}
              >
                ×
              </button>
            </span>
          </div>
        ) : null}

        <ErrorAlert error={events.error} />
        {events.isSuccess && rows.length === 0 ? (
          <EmptyState
            icon={<AuditIcon width={24} height={24} />}
            title={t(filtered ? 'audit.emptyFiltered' : 'audit.empty')}
          />
        ) : (
          <div className="table-wrap">
            <table className="table table-audit">
              <caption className="visually-hidden">{t('nav.audit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.colTime')}</th>
                  <th scope="col">{t('audit.colActor')}</th>
                  <th scope="col">{t('audit.colAction')}</th>
                  <th scope="col">{t('audit.colEntity')}</th>
                  <th scope="col">{t('audit.colMarket')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.colDetails')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.isPending ? <SkeletonRows columns={6} rows={6} /> : null}
                {rows.map((event) => (
                  <AuditRow
                    key={event.id}
                    event={event}
                    time={formatInstant(event.at, me.timeZone, locale, true)}
                    onHistory={() =>
                      set({
                        entityId: event.entityId,
                        entityType: event.entityType,
                        label: event.entityLabel ?? '',
                      })
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="table-footer">
          <span className="muted" aria-live="polite">
            {events.isSuccess ? t('audit.shown', { count: rows.length }) : null}
          </span>
          {events.hasNextPage ? (
            <Button onClick={() => events.fetchNextPage()} pending={events.isFetchingNextPage}>
              {t('audit.loadMore')}
            </Button>
          ) : null}
        </div>
      </section>
    </>
  );
}

function AuditRow({ event, time, onHistory }: { event: ExplorerEvent; time: string; onHistory: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const hasDetails = event.before != null || event.after != null;
  const typeName = entityTypeLabel(t, event.entityType);
  // Never a raw id: an entity nothing names is called by its type.
  const label = event.entityLabel ?? typeName;
  const href = auditEntityHref(event);
  const changed = changedFields(event.before, event.after);
  return (
    <Fragment>
      <tr className={open ? 'row-open' : undefined} data-testid="audit-row">
        <td className="cell-nowrap">
          <time dateTime={event.at} title={event.at}>
            {time}
          </time>
        </td>
        <td>{event.actor ? event.actor.name : <span className="muted">{t('audit.system')}</span>}</td>
        <td>
          <div className="cell-primary">{auditActionLabel(t, event.action)}</div>
          <div className="cell-secondary mono">{event.action}</div>
        </td>
        <td>
          <div className="cell-primary" data-testid="audit-entity">
            {href ? (
              <Link to={href} title={t('audit.openEntity', { type: typeName, label })}>
                {label}
              </Link>
            ) : (
              label
            )}
          </div>
          <button
            type="button"
            className="link-button cell-secondary"
            onClick={onHistory}
            title={t('audit.showEntityHistory')}
          >
            {typeName}
          </button>
        </td>
        <td className="cell-nowrap">
          {event.marketCode ?? <span className="muted">{t('audit.wholeCampaign')}</span>}
        </td>
        <td className="cell-actions">
          {hasDetails ? (
            <Button
              size="sm"
              variant="ghost"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((v) => !v)}
              title={changed > 0 ? t('audit.changedFields', { count: changed }) : undefined}
            >
              {open ? t('audit.hideChanges') : t('audit.showChanges')}
            </Button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="row-details" id={detailsId}>
          <td colSpan={6}>
            {changed > 0 ? <p className="muted">{t('audit.changedFields', { count: changed })}</p> : null}
            <Changes before={event.before} after={event.after} t={t} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value, null, 1));

/** How many fields differ between the two sides (0 when either side is not an object). */
function changedFields(before: unknown, after: unknown): number {
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) return 0;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  ).length;
}

/** Field by field: what it was, what it became. */
function Changes({ before, after, t }: { before: unknown; after: unknown; t: Translate }) {
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return (
      <div className="changes-raw">
        <pre>{show(before)}</pre>
        <pre>{show(after)}</pre>
      </div>
    );
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <table className="changes">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const changed = JSON.stringify(b[field]) !== JSON.stringify(a[field]);
          return (
            <tr key={field} className={changed ? 'changed' : undefined}>
              <th scope="row" className="mono">
                {field}
              </th>
              <td className="mono">{field in b ? show(b[field]) : '—'}</td>
              <td className="mono">{field in a ? show(a[field]) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
