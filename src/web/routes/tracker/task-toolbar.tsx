import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import type { Market } from '../../api/campaigns.ts';
import {
  ALL_MARKETS,
  hasFilters,
  NO_FILTERS,
  TASK_STATUSES,
  type TaskFilters,
  type TaskStatus,
} from '../../api/tracker.ts';
import type { TeamMember } from '../../api/types.ts';
import { ChevronIcon, DownloadIcon, PlusIcon, SearchIcon, StatusIcon } from '../../components/icons.tsx';
import { useDismiss } from '../../components/popover.tsx';
import { Button } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import type { TrackerView } from './tracker-state.ts';

/** A button that opens a small panel; closes on Escape or a press outside. */
function Popover({ label, active, children }: { label: ReactNode; active: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useDismiss(ref, open, () => setOpen(false), { onEscape: 'stop' });
  return (
    <div className="tk-popover" ref={ref}>
      <button
        type="button"
        className={`tk-filter-button${active ? ' tk-filter-button-active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <ChevronIcon width={14} height={14} />
      </button>
      {open ? (
        <div className="tk-popover-panel" id={panelId}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function TaskToolbar({
  view,
  onView,
  filters,
  onFilters,
  markets,
  users,
  someDeactivated,
  labels,
  searchRef,
  csvUrl,
  onCreate,
  onHelp,
}: {
  view: TrackerView;
  onView: (view: TrackerView) => void;
  filters: TaskFilters;
  onFilters: (filters: TaskFilters) => void;
  markets: readonly Market[];
  users: TeamMember[];
  /** Someone in the workspace was deactivated: their tasks may need a new owner. */
  someDeactivated: boolean;
  labels: string[];
  searchRef: RefObject<HTMLInputElement | null>;
  csvUrl: string | null;
  onCreate: (() => void) | null;
  onHelp: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const labelListId = useId();
  const viewName = useId();
  // Typing updates the address (and the query) once the typist pauses.
  const [q, setQ] = useState(filters.q);
  const latest = useRef(filters);
  latest.current = filters;
  useEffect(() => {
    setQ(filters.q);
  }, [filters.q]);
  useEffect(() => {
    if (q === latest.current.q) return;
    const timer = window.setTimeout(() => onFilters({ ...latest.current, q }), 250);
    return () => window.clearTimeout(timer);
  }, [q, onFilters]);

  const set = (patch: Partial<TaskFilters>) => onFilters({ ...filters, ...patch });
  const toggleStatus = (status: TaskStatus) =>
    set({
      statuses: filters.statuses.includes(status)
        ? filters.statuses.filter((s) => s !== status)
        : TASK_STATUSES.filter((s) => s === status || filters.statuses.includes(s)),
    });

  return (
    <div className="tk-tracker-toolbar">
      <div className="tk-tracker-toolbar-row">
        <fieldset className="tk-view-switch">
          <legend className="visually-hidden">{t('tracker.view.label')}</legend>
          <span className="segmented">
            {(['board', 'list'] as const).map((value) => (
              <label key={value} className="segment">
                <input
                  type="radio"
                  className="segment-input"
                  name={viewName}
                  value={value}
                  checked={view === value}
                  onChange={() => onView(value)}
                />
                {t(`tracker.view.${value}`)}
              </label>
            ))}
          </span>
        </fieldset>
        <label className="tk-search-box">
          <SearchIcon className="tk-search-box-icon" />
          <span className="visually-hidden">{t('tracker.filter.search')}</span>
          <input
            ref={searchRef}
            type="search"
            className="tk-search-box-input"
            placeholder={t('tracker.filter.searchPlaceholder')}
            value={q}
            maxLength={200}
            onChange={(event) => setQ(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.currentTarget.blur();
              }
            }}
          />
          <span className="tk-search-box-kbd" aria-hidden="true">
            /
          </span>
        </label>
        <div className="tk-tracker-toolbar-spacer" />
        {csvUrl ? (
          <a className="button button-ghost button-sm" href={csvUrl} download>
            <DownloadIcon width={16} height={16} />
            {t('tracker.list.export')}
          </a>
        ) : null}
        <Button
          variant="ghost"
          size="sm"
          onClick={onHelp}
          aria-label={t('tracker.shortcuts.title')}
          title={t('tracker.shortcuts.title')}
        >
          <kbd className="tk-kbd">?</kbd>
        </Button>
        {onCreate ? (
          <Button variant="primary" size="sm" onClick={onCreate}>
            <PlusIcon width={16} height={16} />
            {t('tracker.create.open')}
            <kbd className="tk-kbd tk-kbd-on-primary">C</kbd>
          </Button>
        ) : null}
      </div>
      <fieldset className="tk-tracker-toolbar-row tracker-filters">
        <legend className="visually-hidden">{t('tracker.filter.label')}</legend>
        <select
          className={`tk-filter-select${filters.ownerId ? ' tk-filter-button-active' : ''}`}
          value={filters.ownerId}
          aria-label={t('tracker.filter.owner')}
          onChange={(event) => set({ ownerId: event.target.value })}
        >
          <option value="">{t('tracker.filter.anyOwner')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        <select
          className={`tk-filter-select${filters.marketCode ? ' tk-filter-button-active' : ''}`}
          value={filters.marketCode}
          aria-label={t('tracker.filter.market')}
          onChange={(event) => set({ marketCode: event.target.value })}
        >
          <option value="">{t('tracker.filter.anyMarket')}</option>
          <option value={ALL_MARKETS}>{t('tracker.filter.allMarkets')}</option>
          {markets.map((market) => (
            <option key={market.code} value={market.code}>
              {market.code} · {marketName(market, locale)}
            </option>
          ))}
        </select>
        <Popover
          active={filters.statuses.length > 0}
          label={
            filters.statuses.length
              ? t('tracker.filter.statusCount', { count: filters.statuses.length })
              : t('tracker.filter.anyStatus')
          }
        >
          <fieldset className="tk-status-options">
            <legend className="visually-hidden">{t('tracker.filter.status')}</legend>
            {TASK_STATUSES.map((status) => (
              <label key={status} className="tk-status-option">
                <input
                  type="checkbox"
                  checked={filters.statuses.includes(status)}
                  onChange={() => toggleStatus(status)}
                />
                <StatusIcon status={status} />
                {t(`tracker.status.${status}`)}
              </label>
            ))}
          </fieldset>
        </Popover>
        <input
          className={`tk-filter-input${filters.label ? ' tk-filter-button-active' : ''}`}
          list={labelListId}
          value={filters.label}
          placeholder={t('tracker.filter.labelName')}
          aria-label={t('tracker.filter.labelName')}
          maxLength={40}
          onChange={(event) => set({ label: event.target.value.trim() })}
        />
        <datalist id={labelListId}>
          {labels.map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <label className={`tk-filter-toggle${filters.overdue ? ' tk-filter-button-active' : ''}`}>
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => set({ overdue: event.target.checked })}
          />
          {t('tracker.filter.overdue')}
        </label>
        {filters.needsOwner || someDeactivated ? (
          <label className={`tk-filter-toggle${filters.needsOwner ? ' tk-filter-button-active' : ''}`}>
            <input
              type="checkbox"
              checked={filters.needsOwner}
              onChange={(event) => set({ needsOwner: event.target.checked })}
            />
            {t('tracker.filter.needsOwner')}
          </label>
        ) : null}
        {hasFilters(filters) ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setQ('');
              onFilters(NO_FILTERS);
            }}
          >
            {t('tracker.filter.clear')}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
