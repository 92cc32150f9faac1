// Tracker and timeline data for the web app: response types (from the server's Zod schemas,
// type-only imports), query keys, query options, the filters of the task list and the writes.
import { type InfiniteData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createTaskBody,
  TASK_SORTS,
  taskDetailSchema,
  taskPageSchema,
  taskSchema,
  updateTaskBody,
} from '../../server/modules/tasks/schema.ts';
import type { TaskStatus } from '../../server/modules/tasks/tables.ts';
import type {
  createMilestoneBody,
  launchWindowSchema,
  milestoneSchema,
  timelineSchema,
  updateMilestoneBody,
} from '../../server/modules/timeline/schema.ts';
import type { MILESTONE_KINDS } from '../../server/modules/timeline/tables.ts';
import { api } from './client.ts';

export type Task = z.infer<typeof taskSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type TaskComment = TaskDetail['comments'][number];
export type TaskPage = z.infer<typeof taskPageSchema>;
export type TaskPages = InfiniteData<TaskPage>;
export type TaskSort = (typeof TASK_SORTS)[number];
export type { TaskStatus };
export type Milestone = z.infer<typeof milestoneSchema>;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type LaunchWindow = z.infer<typeof launchWindowSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type TaskInput = z.input<typeof createTaskBody>;
export type TaskUpdate = z.input<typeof updateTaskBody>;
/** A change to a task, before the version it was made on is added. */
export type TaskPatch = Omit<TaskUpdate, 'version'>;
export type MilestoneInput = z.input<typeof createMilestoneBody>;
export type MilestoneUpdate = z.input<typeof updateMilestoneBody>;

// Mirror the server's lists (src/server/modules/tasks/tables.ts, timeline/tables.ts); the server validates again.
export const TASK_STATUSES = [
  'todo',
  'in_progress',
  'blocked',
  'in_review',
  'done',
] as const satisfies readonly TaskStatus[];
export const MILESTONE_KINDS_LIST = [
  'go_live',
  'deadline',
  'review',
  'other',
] as const satisfies readonly MilestoneKind[];
export const LIST_SORTS = [
  'due',
  'created',
  'updated',
  'title',
  'number',
] as const satisfies readonly TaskSort[];
export type ListSort = (typeof LIST_SORTS)[number];

/** `marketCode` filter value meaning "tasks for all markets" (no market of their own). */
export const ALL_MARKETS = 'ALL';

export const BOARD_PAGE_SIZE = 200;
export const LIST_PAGE_SIZE = 100;

/** What the board and the list are narrowed to; the same query parameters as the API's. */
export interface TaskFilters {
  ownerId: string;
  marketCode: string;
  statuses: TaskStatus[];
  label: string;
  overdue: boolean;
  /** Only tasks whose owner was deactivated: they need a new owner. */
  needsOwner: boolean;
  q: string;
}

export const NO_FILTERS: TaskFilters = {
  ownerId: '',
  marketCode: '',
  statuses: [],
  label: '',
  overdue: false,
  needsOwner: false,
  q: '',
};

export function hasFilters(filters: TaskFilters): boolean {
  return Boolean(
    filters.ownerId ||
      filters.marketCode ||
      filters.statuses.length ||
      filters.label ||
      filters.overdue ||
      filters.needsOwner ||
      filters.q,
  );
}

/** The filters as GET /api/campaigns/:id/tasks (and tasks.csv) query parameters. */
export function filterQuery(filters: TaskFilters): Record<string, string | undefined> {
  return {
    ownerId: filters.ownerId || undefined,
    marketCode: filters.marketCode || undefined,
    status: filters.statuses.length ? filters.statuses.join(',') : undefined,
    label: filters.label || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    ownerActive: filters.needsOwner ? 'false' : undefined,
    q: filters.q.trim() || undefined,
  };
}

/** The same test the server applies, for placing a task that changed elsewhere without a refetch. */
export function matchesFilters(task: Task, filters: TaskFilters, now = Date.now()): boolean {
  if (filters.ownerId && task.ownerId !== filters.ownerId) return false;
  if (filters.marketCode === ALL_MARKETS && task.marketCode !== null) return false;
  if (filters.marketCode && filters.marketCode !== ALL_MARKETS && task.marketCode !== filters.marketCode)
    return false;
  if (filters.statuses.length && !filters.statuses.includes(task.status)) return false;
  if (filters.label && !task.labels.includes(filters.label)) return false;
  if (filters.overdue && !isOverdue(task, now)) return false;
  if (filters.needsOwner && task.ownerActive) return false;
  const q = filters.q.trim().toLocaleLowerCase();
  if (q && !`${task.title}\n${task.description}`.toLocaleLowerCase().includes(q)) return false;
  return true;
}

/** Overdue now (the server's flag is as of when the task was read). */
export function isOverdue(task: Pick<Task, 'dueAt' | 'status'>, now = Date.now()): boolean {
  return task.dueAt !== null && task.status !== 'done' && new Date(task.dueAt).getTime() < now;
}

/**
 * Query keys. Everything of one campaign sits under `['campaign', id]` (the campaign stream's
 * reconnect refetches it all); tasks under `['campaign', id, 'tasks']`.
 */
export const trackerKeys = {
  tasks: (campaignId: string) => ['campaign', campaignId, 'tasks'] as const,
  board: (campaignId: string) => ['campaign', campaignId, 'tasks', 'board'] as const,
  column: (campaignId: string, status: TaskStatus, filters: TaskFilters) =>
    ['campaign', campaignId, 'tasks', 'board', status, filters] as const,
  lists: (campaignId: string) => ['campaign', campaignId, 'tasks', 'list'] as const,
  list: (campaignId: string, filters: TaskFilters, sort: ListSort, order: 'asc' | 'desc') =>
    ['campaign', campaignId, 'tasks', 'list', filters, sort, order] as const,
  task: (campaignId: string, taskId: string) => ['campaign', campaignId, 'task', taskId] as const,
  timeline: (campaignId: string) => ['campaign', campaignId, 'timeline'] as const,
  myTasks: ['my-tasks'] as const,
};

export const columnQuery = (campaignId: string, status: TaskStatus, filters: TaskFilters) => ({
  queryKey: trackerKeys.column(campaignId, status, filters),
  queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
    api<TaskPage>('GET', `/api/campaigns/${campaignId}/tasks`, {
      query: {
        ...filterQuery(filters),
        status,
        sort: 'board',
        limit: BOARD_PAGE_SIZE,
        cursor: pageParam,
      },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: TaskPage) => last.nextCursor ?? undefined,
});

export const listQuery = (
  campaignId: string,
  filters: TaskFilters,
  sort: ListSort,
  order: 'asc' | 'desc',
) => ({
  queryKey: trackerKeys.list(campaignId, filters, sort, order),
  queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
    api<TaskPage>('GET', `/api/campaigns/${campaignId}/tasks`, {
      query: { ...filterQuery(filters), sort, order, limit: LIST_PAGE_SIZE, cursor: pageParam },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: TaskPage) => last.nextCursor ?? undefined,
});

/** One task with its comments and watchers. */
export const fetchTask = (id: string, signal?: AbortSignal) =>
  api<TaskDetail>('GET', `/api/tasks/${id}`, { signal });

export const taskQuery = (campaignId: string, taskId: string) =>
  queryOptions({
    queryKey: trackerKeys.task(campaignId, taskId),
    queryFn: ({ signal }) => fetchTask(taskId, signal),
  });

export const timelineQuery = (campaignId: string) =>
  queryOptions({
    queryKey: trackerKeys.timeline(campaignId),
    queryFn: ({ signal }) => api<Timeline>('GET', `/api/campaigns/${campaignId}/timeline`, { signal }),
  });

export const myTasksQuery = queryOptions({
  queryKey: trackerKeys.myTasks,
  queryFn: ({ signal }) =>
    api<TaskPage>('GET', '/api/me/tasks', {
      query: { status: 'todo,in_progress,blocked,in_review', sort: 'due', limit: 500 },
      signal,
    }),
});

/** Export link with the list's filters and order. */
export function tasksCsvUrl(campaignId: string, filters: TaskFilters, sort: ListSort, order: 'asc' | 'desc') {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filterQuery(filters), sort, order })) {
    if (value) params.set(key, value);
  }
  return `/api/campaigns/${campaignId}/tasks.csv?${params}`;
}

// Writes: one function per route, its body typed by the server's Zod schema.

export const createTask = (campaignId: string, body: TaskInput) =>
  api<Task>('POST', `/api/campaigns/${campaignId}/tasks`, { body });

/** Fields, status or board position; 409 with `details.current` when `version` is stale. */
export const updateTask = (id: string, body: TaskUpdate) => api<Task>('PATCH', `/api/tasks/${id}`, { body });

export const deleteTask = (id: string) => api<void>('DELETE', `/api/tasks/${id}`);

/** Creates or replaces the signed-in user's iCalendar subscription URL (tasks due, milestones). */
export const createCalendarFeed = () => api<{ url: string }>('POST', '/api/me/calendar-feed');

export const addTaskComment = (taskId: string, body: string) =>
  api<TaskComment>('POST', `/api/tasks/${taskId}/comments`, { body: { body } });

/** Adds or removes a watcher of a task. */
export const setWatching = (taskId: string, userId: string, on: boolean) =>
  on
    ? api<void>('POST', `/api/tasks/${taskId}/watchers`, { body: { userId } })
    : api<void>('DELETE', `/api/tasks/${taskId}/watchers/${userId}`);

export const createMilestone = (campaignId: string, body: MilestoneInput) =>
  api<Milestone>('POST', `/api/campaigns/${campaignId}/milestones`, { body });

export const updateMilestone = (id: string, body: MilestoneUpdate) =>
  api<Milestone>('PATCH', `/api/milestones/${encodeURIComponent(id)}`, { body });

export const deleteMilestone = (id: string) => api<void>('DELETE', `/api/milestones/${id}`);
