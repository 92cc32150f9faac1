import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';
import { parseLocalTime } from '../../shared/time/index.ts';
import { api } from '../api/client.ts';
import { keys, usersQuery } from '../api/queries.ts';
import type { AuditEvent, AuditPage as AuditPageData, User } from '../api/types.ts';
import { AuditIcon } from '../components/icons.tsx';
import {
  Button,
  EmptyState,
  ErrorAlert,
  Field,
  PageHeader,
  Select,
  SkeletonRows,
  TextInput,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { type Translate, useLocale, useT } from '../i18n/locale.tsx';
import { auditActionLabel, entityTypeLabel } from '../labels.ts';
import { navigate, useLocation } from '../router/router.tsx';
import { formatInstant } from '../time/zones.ts';

/** Entity types the filter offers; features add theirs (and an `audit.entity.*` label). */
const ENTITY_TYPES = ['user', 'invite', 'api_token'] as const;
const PAGE_SIZE = 50;

interface Filters {
  entityType: string;
  entityId: string;
  actorId: string;
  /** Wall-clock times in the viewer's zone, `YYYY-MM-DDTHH:mm`, as datetime-local inputs give them. */
  from: string;
  to: string;
}

const FILTER_NAMES = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;

function readFilters(search: URLSearchParams): Filters {
  return {
    entityType: search.get('entityType') ?? '',
    entityId: search.get('entityId') ?? '',
    actorId: search.get('actorId') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  };
}

/** The filters live in the address, so a filtered log can be bookmarked or sent to a colleague. */
function writeFilters(filters: Filters) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
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
  const users = useQuery(usersQuery);
  const from = toInstant(filters.from, me.timeZone);
  const to = toInstant(filters.to, me.timeZone);

  const events = useInfiniteQuery({
    queryKey: [...keys.audit, { ...filters, zone: me.timeZone }],
    queryFn: ({ pageParam, signal }) =>
      api<AuditPageData>('GET', '/api/audit', {
        query: {
          entityType: filters.entityType,
          entityId: filters.entityId,
          actorId: filters.actorId,
          from,
          to,
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const set = (patch: Partial<Filters>) => writeFilters({ ...filters, ...patch });
  const filtered = FILTER_NAMES.some((name) => filters[name]);

  return (
    <>
      <PageHeader title={t('nav.audit')} description={t('audit.description', { zone: me.timeZone })} />
      <section className="card" aria-label={t('audit.filtersLabel')}>
        <div className="filters">
          <Field label={t('audit.filterEntity')}>
            {(control) => (
              <Select
                {...control}
                value={filters.entityType}
                onChange={(e) => set({ entityType: e.target.value })}
              >
                <option value="">{t('audit.allEntities')}</option>
                {ENTITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {entityTypeLabel(t, type)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('audit.filterActor')}>
            {(control) => (
              <Select {...control} value={filters.actorId} onChange={(e) => set({ actorId: e.target.value })}>
                <option value="">{t('audit.anyone')}</option>
                {users.data?.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
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
              <TextInput
                {...control}
                type="datetime-local"
                value={filters.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('audit.filterTo')} error={filters.to && !to ? t('audit.invalidTime') : undefined}>
            {(control) => (
              <TextInput
                {...control}
                type="datetime-local"
                value={filters.to}
                onChange={(e) => set({ to: e.target.value })}
              />
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
            <span className="filter-chip">
              {t('audit.entityFilter', { id: filters.entityId.slice(0, 8) })}
              <button
                type="button"
                className="filter-chip-remove"
                onClick={() => set({ entityId: '' })}
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
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.colDetails')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.isPending ? <SkeletonRows columns={5} rows={6} /> : null}
                {rows.map((event) => (
                  <AuditRow
                    key={event.id}
                    event={event}
                    time={formatInstant(event.at, me.timeZone, locale, true)}
                    onEntity={() => set({ entityId: event.entityId, entityType: event.entityType })}
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

function AuditRow({ event, time, onEntity }: { event: AuditEvent; time: string; onEntity: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const hasDetails = event.before != null || event.after != null;
  return (
    <Fragment>
      <tr className={open ? 'row-open' : undefined}>
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
          <div>{entityTypeLabel(t, event.entityType)}</div>
          <button
            type="button"
            className="link-button mono cell-secondary"
            onClick={onEntity}
            title={t('audit.showEntityHistory')}
          >
            {event.entityId.slice(0, 8)}
          </button>
        </td>
        <td className="cell-actions">
          {hasDetails ? (
            <Button
              size="sm"
              variant="ghost"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((v) => !v)}
            >
              {open ? t('audit.hideChanges') : t('audit.showChanges')}
            </Button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="row-details" id={detailsId}>
          <td colSpan={5}>
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
