import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { usersQuery } from '../../api/queries.ts';
import {
  type ListSort,
  listQuery,
  TASK_STATUSES,
  type Task,
  type TaskFilters,
  type TaskStatus,
  tasksCsvUrl,
} from '../../api/tracker.ts';
import type { User } from '../../api/types.ts';
import { useDocumentTitle } from '../../document-title.ts';
import { useT } from '../../i18n/locale.tsx';
import { navigate, useLocation } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { CampaignLayout, useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { Board, columnTasks, type DropRequest, useBoardColumns } from './board.tsx';
import { ShortcutsDialog, useShortcuts } from './shortcuts.tsx';
import { useTaskActions } from './task-actions.ts';
import { assignable, TaskCreateDialog } from './task-create-dialog.tsx';
import { TaskDrawer } from './task-drawer.tsx';
import { TaskList } from './task-list.tsx';
import { TaskToolbar } from './task-toolbar.tsx';
import { useTrackerLiveUpdates } from './tracker-live.ts';
import {
  readTrackerState,
  type TrackerState,
  tasksPath,
  trackerSearch,
  writeTrackerState,
} from './tracker-state.ts';
import './tracker.css';
import { marketZones } from '../../time/zones.ts';

/** `/campaigns/:id/tasks` and `/campaigns/:id/tasks/:taskId`: the campaign's tracker, board or list. */
export function TasksPage({ me, campaignId, taskId }: { me: User; campaignId: string; taskId?: string }) {
  return (
    <CampaignLayout campaignId={campaignId} active="tasks">
      <Tracker me={me} campaignId={campaignId} taskId={taskId} />
    </CampaignLayout>
  );
}

/** Who may change tasks (the server checks again): staff, except stakeholders who read. */
export const mayWriteTasks = (me: User) => me.role !== 'creator' && me.role !== 'stakeholder';

function Tracker({ me, campaignId, taskId }: { me: User; campaignId: string; taskId?: string }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('tracker.title')} · ${campaign.name}`);
  useTrackerLiveUpdates(campaignId);
  const { search } = useLocation();
  const state = readTrackerState(search);
  const stateKey = trackerSearch(state);
  // Stable identities while the address does not change (query keys, callbacks).
  // biome-ignore lint/correctness/useExhaustiveDependencies: stateKey is the state, serialised
  const stable = useMemo(() => state, [stateKey]);
  const boardFilters: TaskFilters = useMemo(() => ({ ...stable.filters, statuses: [] }), [stable]);
  const now = useNow();
  const users = useQuery(usersQuery);
  const people = useMemo(() => assignable(users.data), [users.data]);
  const canWrite = mayWriteTasks(me);
  const zones = useMemo(() => marketZones(campaign.markets), [campaign.markets]);

  const columns = useBoardColumns(campaignId, boardFilters, stable.view === 'board');
  const list = useInfiniteQuery({
    ...listQuery(campaignId, stable.filters, stable.sort, stable.order),
    enabled: stable.view === 'list',
  });
  const actions = useTaskActions(campaignId, boardFilters);

  const [selectedId, setSelectedId] = useState<string | null>(taskId ?? null);
  const [creating, setCreating] = useState<TaskStatus | null>(null);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const visibleStatuses = stable.filters.statuses.length ? stable.filters.statuses : TASK_STATUSES;
  // Recomputed when a page arrives, not on every render.
  const datas = TASK_STATUSES.map((status) => columns[status].data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the five pages objects are the inputs
  const boardLists = useMemo(
    () => visibleStatuses.map((status) => columnTasks(columns[status])),
    [visibleStatuses, ...datas],
  );
  const listRows: Task[] = useMemo(() => list.data?.pages.flatMap((page) => page.tasks) ?? [], [list.data]);
  const allLoaded = useMemo(
    () => (stable.view === 'board' ? boardLists.flat() : listRows),
    [stable.view, boardLists, listRows],
  );
  const selected = selectedId ? allLoaded.find((task) => task.id === selectedId) : undefined;

  const labels = useMemo(() => {
    const seen = new Set<string>();
    for (const task of allLoaded.slice(0, 2000)) for (const label of task.labels) seen.add(label);
    return [...seen].sort().slice(0, 100);
  }, [allLoaded]);

  const update = useCallback(
    (patch: Partial<TrackerState>) => writeTrackerState(campaignId, { ...stable, ...patch }, taskId),
    [campaignId, stable, taskId],
  );
  const onFilters = useCallback((filters: TaskFilters) => update({ filters }), [update]);
  const onSort = (sort: ListSort) =>
    update(
      sort === stable.sort
        ? { order: stable.order === 'asc' ? 'desc' : 'asc' }
        : { sort, order: sort === 'title' || sort === 'due' ? 'asc' : 'desc' },
    );

  const open = (task: Task | undefined) => {
    if (!task) return;
    setSelectedId(task.id);
    navigate(tasksPath(campaignId, stable, task.id));
  };

  /** j/k within the column (board) or the rows (list); h/l to the next column at the same height. */
  const step = (delta: number, sideways = false) => {
    if (stable.view === 'list' || !sideways) {
      if (stable.view === 'list') {
        const index = listRows.findIndex((task) => task.id === selectedId);
        const next = listRows[index === -1 ? 0 : Math.min(Math.max(index + delta, 0), listRows.length - 1)];
        if (next) setSelectedId(next.id);
        return;
      }
      const column = boardLists.findIndex((tasks) => tasks.some((task) => task.id === selectedId));
      if (column === -1) {
        const first = boardLists.find((tasks) => tasks.length)?.[0];
        if (first) setSelectedId(first.id);
        return;
      }
      const tasks = boardLists[column]!;
      const index = tasks.findIndex((task) => task.id === selectedId);
      const next = tasks[Math.min(Math.max(index + delta, 0), tasks.length - 1)];
      if (next) setSelectedId(next.id);
      return;
    }
    const column = boardLists.findIndex((tasks) => tasks.some((task) => task.id === selectedId));
    const index = column === -1 ? 0 : boardLists[column]!.findIndex((task) => task.id === selectedId);
    for (let c = (column === -1 ? -1 : column) + delta; c >= 0 && c < boardLists.length; c += delta) {
      const tasks = boardLists[c]!;
      if (tasks.length) {
        setSelectedId(tasks[Math.min(index, tasks.length - 1)]!.id);
        return;
      }
    }
  };

  useShortcuts({
    create: canWrite ? () => setCreating(visibleStatuses[0] ?? 'todo') : undefined,
    search: () => searchRef.current?.focus(),
    next: () => step(1),
    previous: () => step(-1),
    left: stable.view === 'board' ? () => step(-1, true) : undefined,
    right: stable.view === 'board' ? () => step(1, true) : undefined,
    open: selected ? () => open(selected) : undefined,
    status:
      canWrite && selected
        ? (index) => {
            const status = TASK_STATUSES[index];
            if (status) void actions.setStatus(selected, status);
          }
        : undefined,
    help: () => setHelp(true),
    clear: selectedId ? () => setSelectedId(null) : undefined,
  });

  const onDrop = (request: DropRequest) => {
    setSelectedId(request.task.id);
    void actions.move({
      task: request.task,
      to: request.to,
      index: request.index,
      after: request.after,
      before: request.before,
    });
  };

  const context = useMemo(
    () => ({ campaignId, search: stateKey, viewerZone: me.timeZone, zones, now, canWrite }),
    [campaignId, stateKey, me.timeZone, zones, now, canWrite],
  );

  return (
    <div className="tk-tracker page-full-width">
      <TaskToolbar
        view={stable.view}
        onView={(view) => update({ view })}
        filters={stable.filters}
        onFilters={onFilters}
        markets={campaign.markets}
        users={people}
        someDeactivated={Boolean(users.data?.some((user) => !user.active))}
        labels={labels}
        searchRef={searchRef}
        csvUrl={
          stable.view === 'list' ? tasksCsvUrl(campaignId, stable.filters, stable.sort, stable.order) : null
        }
        onCreate={canWrite ? () => setCreating(visibleStatuses[0] ?? 'todo') : null}
        onHelp={() => setHelp(true)}
      />
      {stable.view === 'board' ? (
        <Board
          columns={columns}
          visibleStatuses={visibleStatuses}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onDrop={onDrop}
          onCreateIn={canWrite ? (status) => setCreating(status) : null}
          context={context}
        />
      ) : (
        <TaskList
          query={list}
          sort={stable.sort}
          order={stable.order}
          onSort={onSort}
          selectedId={selectedId}
          onSelect={setSelectedId}
          context={context}
        />
      )}
      <p className="tk-tracker-hint">{t('tracker.hint', { zone: me.timeZone })}</p>
      {creating ? (
        <TaskCreateDialog
          campaign={campaign}
          me={me}
          users={users.data}
          initialStatus={creating}
          onClose={() => setCreating(null)}
        />
      ) : null}
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
      {taskId ? (
        <TaskDrawer
          key={taskId}
          campaign={campaign}
          me={me}
          users={users.data}
          taskId={taskId}
          canWrite={canWrite}
          now={now}
          onClose={() => navigate(tasksPath(campaignId, stable))}
        />
      ) : null}
    </div>
  );
}
