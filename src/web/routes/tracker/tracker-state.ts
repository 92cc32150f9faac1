import {
  LIST_SORTS,
  type ListSort,
  NO_FILTERS,
  TASK_STATUSES,
  type TaskFilters,
  type TaskStatus,
} from '../../api/tracker.ts';
import { navigate } from '../../router/router.tsx';

// The tracker's view, filters and order live in the address, so a filtered list can be
// bookmarked, sent to a colleague, and survives opening a task and coming back.

export type TrackerView = 'board' | 'list';

export interface TrackerState {
  view: TrackerView;
  filters: TaskFilters;
  sort: ListSort;
  order: 'asc' | 'desc';
}

const isStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value);
const isSort = (value: string | null): value is ListSort =>
  value !== null && (LIST_SORTS as readonly string[]).includes(value);

export function readTrackerState(search: URLSearchParams): TrackerState {
  return {
    view: search.get('view') === 'list' ? 'list' : 'board',
    filters: {
      ownerId: search.get('owner') ?? '',
      marketCode: search.get('market') ?? '',
      statuses: (search.get('status') ?? '').split(',').filter(isStatus),
      label: search.get('label') ?? '',
      overdue: search.get('overdue') === '1',
      needsOwner: search.get('needsOwner') === '1',
      q: search.get('q') ?? '',
    },
    sort: isSort(search.get('sort')) ? (search.get('sort') as ListSort) : 'number',
    order: search.get('order') === 'desc' ? 'desc' : search.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export function trackerSearch(state: TrackerState): string {
  const params = new URLSearchParams();
  if (state.view === 'list') params.set('view', 'list');
  const { filters } = state;
  if (filters.ownerId) params.set('owner', filters.ownerId);
  if (filters.marketCode) params.set('market', filters.marketCode);
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.label) params.set('label', filters.label);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.needsOwner) params.set('needsOwner', '1');
  if (filters.q) params.set('q', filters.q);
  if (state.view === 'list') {
    if (state.sort !== 'number') params.set('sort', state.sort);
    if (state.order !== 'desc') params.set('order', state.order);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function tasksPath(campaignId: string, state: TrackerState, taskId?: string) {
  return `/campaigns/${campaignId}/tasks${taskId ? `/${taskId}` : ''}${trackerSearch(state)}`;
}

export function writeTrackerState(campaignId: string, state: TrackerState, taskId?: string) {
  navigate(tasksPath(campaignId, state, taskId), { replace: true });
}

export const emptyState: TrackerState = { view: 'board', filters: NO_FILTERS, sort: 'number', order: 'desc' };
