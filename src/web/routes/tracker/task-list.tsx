import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ListSort, Task, TaskPages } from '../../api/tracker.ts';
import { StatusIcon } from '../../components/icons.tsx';
import { ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link, navigate } from '../../router/router.tsx';
import { instantLabel, shortInstantLabel } from '../../time/format.ts';
import { Avatar, DueDate, LabelChips, MarketBadge } from './bits.tsx';

const ROW_HEIGHT = 44;

interface ListContext {
  campaignId: string;
  search: string;
  viewerZone: string;
  zones: string[];
  now: Date;
}

export function TaskList({
  query,
  sort,
  order,
  onSort,
  selectedId,
  onSelect,
  context,
}: {
  query: UseInfiniteQueryResult<TaskPages>;
  sort: ListSort;
  order: 'asc' | 'desc';
  onSort: (sort: ListSort) => void;
  selectedId: string | null;
  onSelect: (taskId: string) => void;
  context: ListContext;
}) {
  const t = useT();
  const [locale] = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tasks: Task[] = query.data?.pages.flatMap((page) => page.tasks) ?? [];
  const more = Boolean(query.hasNextPage);

  const virtualizer = useVirtualizer({
    count: tasks.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => tasks[index]?.id ?? 'more',
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    if (more && !isFetchingNextPage && lastIndex >= tasks.length - 30) void fetchNextPage();
  }, [more, isFetchingNextPage, lastIndex, tasks.length, fetchNextPage]);

  const selectedIndex = selectedId ? tasks.findIndex((task) => task.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  const header = (key: ListSort | null, label: string, className: string) => {
    const active = key !== null && key === sort;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        {key ? (
          <button
            type="button"
            className={`tk-sort-button${active ? ' tk-sort-button-active' : ''}`}
            onClick={() => onSort(key)}
          >
            {label}
            <span className="tk-sort-arrow" aria-hidden="true">
              {active ? (order === 'asc' ? '↑' : '↓') : '↕'}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <div className="tk-task-table-scroll" ref={scrollRef}>
      <table className="tk-task-table" aria-rowcount={more ? -1 : tasks.length}>
        <colgroup>
          <col className="tk-col-number" />
          <col className="tk-col-title" />
          <col className="tk-col-status" />
          <col className="tk-col-owner" />
          <col className="tk-col-market" />
          <col className="tk-col-due" />
          <col className="tk-col-date" />
          <col className="tk-col-date" />
        </colgroup>
        <thead>
          <tr>
            {header('number', t('tracker.list.number'), 'cell-number')}
            {header('title', t('tracker.list.title'), '')}
            {header(null, t('tracker.list.status'), '')}
            {header(null, t('tracker.list.owner'), '')}
            {header(null, t('tracker.list.market'), '')}
            {header('due', t('tracker.list.due'), '')}
            {header('created', t('tracker.list.created'), '')}
            {header('updated', t('tracker.list.updated'), '')}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr className="tk-spacer-row">
              <td colSpan={8} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const task = tasks[item.index];
            if (!task) {
              return (
                <tr key={item.key} className="tk-task-row-more">
                  <td colSpan={8}>
                    <Spinner size="sm" label={t('common.loading')} />
                  </td>
                </tr>
              );
            }
            const href = `/campaigns/${context.campaignId}/tasks/${task.id}${context.search}`;
            return (
              <tr
                key={item.key}
                className={`tk-task-row${task.id === selectedId ? ' tk-task-row-selected' : ''}`}
                onMouseDown={() => onSelect(task.id)}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a, button')) return;
                  navigate(href);
                }}
                data-task-id={task.id}
              >
                <td className="cell-number">
                  <span className="tk-task-number">#{task.number}</span>
                </td>
                <td>
                  <span className="tk-task-row-title">
                    <Link to={href} className="tk-task-row-link">
                      {task.title}
                    </Link>
                    <LabelChips labels={task.labels} />
                  </span>
                </td>
                <td>
                  <span className="tk-status-pill">
                    <StatusIcon status={task.status} />
                    {t(`tracker.status.${task.status}`)}
                  </span>
                </td>
                <td>
                  <span className="tk-owner-cell">
                    <Avatar name={task.ownerName} size="xs" />
                    <span className="tk-owner-name">
                      {task.ownerActive
                        ? task.ownerName
                        : t('tracker.ownerDeactivated', { name: task.ownerName })}
                    </span>
                  </span>
                </td>
                <td>
                  <MarketBadge code={task.marketCode} />
                </td>
                <td>
                  <DueDate
                    task={task}
                    viewerZone={context.viewerZone}
                    zones={context.zones}
                    now={context.now}
                  />
                </td>
                <td
                  className="tk-cell-date"
                  title={instantLabel(task.createdAt, context.viewerZone, locale, context.now)}
                >
                  {shortInstantLabel(task.createdAt, context.viewerZone, locale, context.now)}
                </td>
                <td
                  className="tk-cell-date"
                  title={instantLabel(task.updatedAt, context.viewerZone, locale, context.now)}
                >
                  {shortInstantLabel(task.updatedAt, context.viewerZone, locale, context.now)}
                </td>
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr className="tk-spacer-row">
              <td colSpan={8} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {query.isPending ? (
        <div className="tk-task-table-state">
          <Spinner label={t('common.loading')} />
        </div>
      ) : query.isError ? (
        <div className="tk-task-table-state">
          <ErrorAlert error={query.error} />
        </div>
      ) : tasks.length === 0 ? (
        <div className="tk-task-table-state">
          <p className="muted">{t('tracker.list.empty')}</p>
        </div>
      ) : null}
    </div>
  );
}
