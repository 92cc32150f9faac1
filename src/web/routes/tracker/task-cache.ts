import type { QueryClient } from '@tanstack/react-query';
import {
  matchesFilters,
  type Task,
  type TaskDetail,
  type TaskFilters,
  type TaskPages,
  type TaskStatus,
  trackerKeys,
} from '../../api/tracker.ts';

// Edits to the cached pages of the board's columns and of the list, so a change (ours, or one
// announced by the campaign stream) shows at once without refetching thousands of cards.

const flatten = (data: TaskPages | undefined): Task[] => data?.pages.flatMap((page) => page.tasks) ?? [];

/** The pages without the task (unchanged object when it was not there). */
export function withoutTask(data: TaskPages, taskId: string): TaskPages {
  if (!data.pages.some((page) => page.tasks.some((task) => task.id === taskId))) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.tasks.some((task) => task.id === taskId)
        ? { ...page, tasks: page.tasks.filter((task) => task.id !== taskId) }
        : page,
    ),
  };
}

/** The pages with `task` at position `index` of the flattened list (past the end: appended). */
export function withTaskAt(data: TaskPages, task: Task, index: number): TaskPages {
  if (data.pages.length === 0)
    return { pages: [{ tasks: [task], nextCursor: null, total: 1 }], pageParams: [undefined] };
  let offset = 0;
  let placed = false;
  const pages = data.pages.map((page, pageIndex) => {
    if (placed) return page;
    const last = pageIndex === data.pages.length - 1;
    const end = offset + page.tasks.length;
    if (index < end || last) {
      placed = true;
      const at = Math.min(Math.max(index - offset, 0), page.tasks.length);
      return { ...page, tasks: [...page.tasks.slice(0, at), task, ...page.tasks.slice(at)] };
    }
    offset = end;
    return page;
  });
  return { ...data, pages };
}

/**
 * The pages with `task` placed by its board rank. A task ranked after the last loaded card of a
 * column that has more pages is left out: it shows when those pages load.
 */
export function withTaskByRank(data: TaskPages, task: Task): TaskPages {
  const tasks = flatten(data);
  const index = tasks.findIndex(
    (other) => other.rank > task.rank || (other.rank === task.rank && other.id > task.id),
  );
  if (index === -1) {
    const more = Boolean(data.pages.at(-1)?.nextCursor);
    return more ? data : withTaskAt(data, task, tasks.length);
  }
  return withTaskAt(data, task, index);
}

/** The pages with the task replaced where it stands (lists: the order is the server's). */
export function withTaskReplaced(data: TaskPages, task: Task): TaskPages {
  if (!data.pages.some((page) => page.tasks.some((other) => other.id === task.id))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      tasks: page.tasks.map((other) => (other.id === task.id ? task : other)),
    })),
  };
}

type ColumnKey = ReturnType<typeof trackerKeys.column>;

/** Every cached board column of the campaign, with its status and filters. */
export function cachedColumns(queryClient: QueryClient, campaignId: string) {
  return queryClient
    .getQueriesData<TaskPages>({ queryKey: trackerKeys.board(campaignId) })
    .map(([key, data]) => {
      const [, , , , status, filters] = key as unknown as ColumnKey;
      return {
        key: key as unknown as ColumnKey,
        status: status as TaskStatus,
        filters: filters as TaskFilters,
        data,
      };
    });
}

/** The task as the caches know it (board, list or detail), for comparing versions. */
export function findCachedTask(
  queryClient: QueryClient,
  campaignId: string,
  taskId: string,
): Task | undefined {
  const detail = queryClient.getQueryData<TaskDetail>(trackerKeys.task(campaignId, taskId));
  let best: Task | undefined = detail;
  for (const [, data] of queryClient.getQueriesData<TaskPages>({ queryKey: trackerKeys.tasks(campaignId) })) {
    for (const task of flatten(data)) {
      if (task.id === taskId && (!best || task.version > best.version)) best = task;
    }
  }
  return best;
}

/**
 * Puts the server's current version of a task into every cache: out of the column it left, into
 * the column it is in (by rank, when it passes that column's filters), replaced in lists and in
 * its detail.
 */
export function applyServerTask(queryClient: QueryClient, campaignId: string, task: Task) {
  const now = Date.now();
  for (const column of cachedColumns(queryClient, campaignId)) {
    if (!column.data) continue;
    let next = withoutTask(column.data, task.id);
    if (column.status === task.status && matchesFilters(task, column.filters, now))
      next = withTaskByRank(next, task);
    if (next !== column.data) queryClient.setQueryData<TaskPages>(column.key, next);
  }
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({
    queryKey: trackerKeys.lists(campaignId),
  })) {
    if (!data) continue;
    const next = withTaskReplaced(data, task);
    if (next !== data) queryClient.setQueryData<TaskPages>(key, next);
  }
  queryClient.setQueryData<TaskDetail>(trackerKeys.task(campaignId, task.id), (detail) =>
    detail ? { ...detail, ...task } : detail,
  );
}

/** Takes a deleted task out of every cache. */
export function removeTaskEverywhere(queryClient: QueryClient, campaignId: string, taskId: string) {
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({
    queryKey: trackerKeys.tasks(campaignId),
  })) {
    if (!data) continue;
    const next = withoutTask(data, taskId);
    if (next !== data) queryClient.setQueryData<TaskPages>(key, next);
  }
  queryClient.removeQueries({ queryKey: trackerKeys.task(campaignId, taskId) });
}
