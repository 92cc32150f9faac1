import { type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type DragEvent, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  columnQuery,
  TASK_STATUSES,
  type Task,
  type TaskFilters,
  type TaskPages,
  type TaskStatus,
} from '../../api/tracker.ts';
import { PlusIcon, StatusIcon } from '../../components/icons.tsx';
import { Spinner } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { Avatar, DueDate, LabelChips, MarketBadge } from './bits.tsx';

export type ColumnResult = UseInfiniteQueryResult<TaskPages>;

/** One paged query per status column (a constant five, in board order). */
export function useBoardColumns(campaignId: string, filters: TaskFilters, enabled: boolean) {
  const results = {} as Record<TaskStatus, ColumnResult>;
  for (const status of TASK_STATUSES) {
    // biome-ignore lint/correctness/useHookAtTopLevel: TASK_STATUSES is a constant list, the order never changes
    results[status] = useInfiniteQuery({ ...columnQuery(campaignId, status, filters), enabled });
  }
  return results;
}

export const columnTasks = (column: ColumnResult | undefined): Task[] =>
  column?.data?.pages.flatMap((page) => page.tasks) ?? [];

interface DragState {
  task: Task;
  from: TaskStatus;
}

export interface DropRequest {
  task: Task;
  to: TaskStatus;
  /** Position in the target column without the dragged card. */
  index: number;
  after: string | null;
  before: string | null;
}

interface CardContext {
  campaignId: string;
  search: string;
  viewerZone: string;
  zones: string[];
  now: Date;
  canWrite: boolean;
}

const GAP = 8;

export function Board({
  columns,
  visibleStatuses,
  selectedId,
  onSelect,
  onDrop,
  onCreateIn,
  context,
}: {
  columns: Record<TaskStatus, ColumnResult>;
  visibleStatuses: readonly TaskStatus[];
  selectedId: string | null;
  onSelect: (taskId: string) => void;
  onDrop: (request: DropRequest) => void;
  onCreateIn: ((status: TaskStatus) => void) | null;
  context: CardContext;
}) {
  const t = useT();
  const drag = useRef<DragState | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  return (
    <section className="tk-board" data-scroll-region aria-label={t('tracker.board.label')}>
      {visibleStatuses.map((status) => (
        <BoardColumn
          key={status}
          status={status}
          column={columns[status]}
          selectedId={selectedId}
          onSelect={onSelect}
          drag={drag}
          dragging={dragging}
          setDragging={setDragging}
          onDrop={onDrop}
          onCreate={onCreateIn ? () => onCreateIn(status) : null}
          context={context}
        />
      ))}
    </section>
  );
}

function BoardColumn({
  status,
  column,
  selectedId,
  onSelect,
  drag,
  dragging,
  setDragging,
  onDrop,
  onCreate,
  context,
}: {
  status: TaskStatus;
  column: ColumnResult;
  selectedId: string | null;
  onSelect: (taskId: string) => void;
  drag: { current: DragState | null };
  dragging: string | null;
  setDragging: (id: string | null) => void;
  onDrop: (request: DropRequest) => void;
  onCreate: (() => void) | null;
  context: CardContext;
}) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = column.data;
  const tasks = useMemo(() => data?.pages.flatMap((page) => page.tasks) ?? [], [data]);
  const more = Boolean(column.hasNextPage);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const headingId = `column-${status}`;

  const virtualizer = useVirtualizer({
    count: tasks.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 8,
    gap: GAP,
    paddingStart: 2,
    paddingEnd: 12,
    getItemKey: useCallback((index: number) => tasks[index]?.id ?? 'more', [tasks]),
  });
  const items = virtualizer.getVirtualItems();

  // Load the next page as the end of the loaded cards comes into view.
  const lastIndex = items.at(-1)?.index ?? 0;
  const { fetchNextPage, isFetchingNextPage } = column;
  useEffect(() => {
    if (more && !isFetchingNextPage && lastIndex >= tasks.length - 20) void fetchNextPage();
  }, [more, isFetchingNextPage, lastIndex, tasks.length, fetchNextPage]);

  // Keyboard selection scrolls into view.
  const selectedIndex = selectedId ? tasks.findIndex((task) => task.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // Stable handlers, so the memoised cards do not re-render on every scroll frame.
  const onCardDragStart = useCallback(
    (task: Task, event: DragEvent<HTMLDivElement>) => {
      drag.current = { task, from: status };
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', `#${task.number} ${task.title}`);
      setDragging(task.id);
    },
    [drag, status, setDragging],
  );
  const onCardDragEnd = useCallback(() => {
    drag.current = null;
    setDragging(null);
    setDropIndex(null);
  }, [drag, setDragging]);

  /** Where the pointer would drop: the index before which the card goes (0…tasks.length). */
  const indexAt = (clientY: number) => {
    const element = scrollRef.current;
    if (!element) return tasks.length;
    const y = clientY - element.getBoundingClientRect().top + element.scrollTop;
    const visible = virtualizer.getVirtualItems().filter((item) => item.index < tasks.length);
    for (const item of visible) if (y < item.start + item.size / 2) return item.index;
    return visible.length ? visible.at(-1)!.index + 1 : 0;
  };

  const indicatorTop = (() => {
    if (dropIndex === null) return null;
    const measurements = virtualizer.measurementsCache;
    if (dropIndex < tasks.length && measurements[dropIndex])
      return measurements[dropIndex]!.start - GAP / 2 - 1;
    const last = measurements[tasks.length - 1];
    return last ? last.end + GAP / 2 - 1 : 2;
  })();

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const index = indexAt(event.clientY);
    if (index !== dropIndex) setDropIndex(index);
  };

  const onDropHere = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const state = drag.current;
    setDropIndex(null);
    drag.current = null;
    setDragging(null);
    if (!state) return;
    const raw = indexAt(event.clientY);
    const from = tasks.findIndex((task) => task.id === state.task.id);
    const rest = tasks.filter((task) => task.id !== state.task.id);
    const index = from !== -1 && from < raw ? raw - 1 : raw;
    if (state.from === status && from === index) return;
    onDrop({
      task: state.task,
      to: status,
      index,
      after: rest[index - 1]?.id ?? null,
      before: rest[index]?.id ?? null,
    });
  };

  return (
    <section className={`tk-board-column tk-board-column-${status}`} aria-labelledby={headingId}>
      <header className="tk-board-column-header">
        <StatusIcon status={status} />
        <h2 className="tk-board-column-title" id={headingId}>
          {t(`tracker.status.${status}`)}
        </h2>
        <span className="tk-board-column-count" aria-hidden="true">
          {more ? `${tasks.length}+` : tasks.length}
        </span>
        <span className="visually-hidden">
          {t('tracker.board.count', { count: tasks.length, more: more ? 'yes' : 'no' })}
        </span>
        {onCreate ? (
          <button
            type="button"
            className="icon-button tk-board-column-add"
            onClick={onCreate}
            aria-label={t('tracker.board.addIn', { status: t(`tracker.status.${status}`) })}
            title={t('tracker.board.addIn', { status: t(`tracker.status.${status}`) })}
          >
            <PlusIcon width={16} height={16} />
          </button>
        ) : null}
      </header>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone of drag and drop; the keyboard sets statuses with 1–5 */}
      <div
        ref={scrollRef}
        className={`tk-board-column-body${dropIndex !== null ? ' tk-board-column-drop' : ''}`}
        data-status={status}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropIndex(null);
        }}
        onDrop={onDropHere}
      >
        {column.isPending ? (
          <div className="tk-board-column-loading">
            {[0, 1, 2].map((n) => (
              <div key={n} className="tk-task-card tk-task-card-skeleton">
                <span className="skeleton tk-card-skeleton-line" />
                <span className="skeleton tk-card-skeleton-line tk-skeleton-short" />
              </div>
            ))}
          </div>
        ) : column.isError ? (
          <p className="tk-board-column-empty">{t('tracker.board.loadFailed')}</p>
        ) : tasks.length === 0 ? (
          <p className="tk-board-column-empty">{t('tracker.board.empty')}</p>
        ) : null}
        <ul className="tk-board-column-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const task = tasks[item.index];
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="tk-board-column-item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {task ? (
                  <TaskCard
                    task={task}
                    selected={task.id === selectedId}
                    dragging={task.id === dragging}
                    onSelect={onSelect}
                    onDragStart={onCardDragStart}
                    onDragEnd={onCardDragEnd}
                    context={context}
                  />
                ) : (
                  <div className="tk-board-column-more">
                    <Spinner size="sm" label={t('common.loading')} />
                  </div>
                )}
              </li>
            );
          })}
          {indicatorTop !== null ? (
            <li className="tk-drop-indicator" style={{ top: indicatorTop }} aria-hidden="true" />
          ) : null}
        </ul>
      </div>
    </section>
  );
}

const TaskCard = memo(function TaskCard({
  task,
  selected,
  dragging,
  onSelect,
  onDragStart,
  onDragEnd,
  context,
}: {
  task: Task;
  selected: boolean;
  dragging: boolean;
  onSelect: (taskId: string) => void;
  onDragStart: (task: Task, event: DragEvent<HTMLDivElement>) => void;
  onDragEnd: () => void;
  context: CardContext;
}) {
  const t = useT();
  const href = `/campaigns/${context.campaignId}/tasks/${task.id}${context.search}`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drag source; its title is the link, 1–5 set the status by keyboard
    <div
      className={`tk-task-card${selected ? ' tk-task-card-selected' : ''}${dragging ? ' tk-task-card-dragging' : ''}`}
      draggable={context.canWrite}
      onDragStart={(event) => onDragStart(task, event)}
      onDragEnd={onDragEnd}
      onMouseDown={() => onSelect(task.id)}
      data-task-id={task.id}
      data-number={task.number}
    >
      <div className="tk-task-card-top">
        <span className="tk-task-number">#{task.number}</span>
        <MarketBadge code={task.marketCode} />
        <span
          className={task.ownerActive ? 'tk-task-card-owner' : 'tk-task-card-owner tk-owner-deactivated'}
          title={task.ownerActive ? task.ownerName : t('tracker.ownerDeactivated', { name: task.ownerName })}
        >
          <Avatar name={task.ownerName} size="xs" />
        </span>
      </div>
      <Link to={href} className="tk-task-card-title" draggable={false}>
        {task.title}
      </Link>
      {task.labels.length || task.dueAt ? (
        <div className="tk-task-card-meta">
          <LabelChips labels={task.labels} />
          <DueDate task={task} viewerZone={context.viewerZone} zones={context.zones} now={context.now} />
        </div>
      ) : null}
      {task.ownerActive ? (
        <span className="visually-hidden">{task.ownerName}</span>
      ) : (
        <span className="tk-task-card-needs-owner">
          {t('tracker.needsNewOwner', { name: task.ownerName })}
        </span>
      )}
    </div>
  );
});
