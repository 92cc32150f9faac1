import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type Task,
  type TaskFilters,
  type TaskPages,
  type TaskStatus,
  type TaskUpdate,
  trackerKeys,
  updateTask,
} from '../../api/tracker.ts';
import { showToast } from '../../components/toast.tsx';
import { useErrorMessage } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { applyServerTask, cachedColumns, findCachedTask, withoutTask, withTaskAt } from './task-cache.ts';

// Moving a card, changing its status: shown at once (optimistic), then confirmed by the server.
// A stale version (someone else changed the task first) undoes the move, says so, and refreshes.

// Writes to one task go out one after another, each with the version the previous one produced.
const chains = new Map<string, Promise<unknown>>();
function serially<T>(taskId: string, run: () => Promise<T>): Promise<T> {
  const previous = chains.get(taskId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  chains.set(taskId, next);
  void next.finally(() => {
    if (chains.get(taskId) === next) chains.delete(taskId);
  });
  return next;
}

const sameFilters = (a: TaskFilters, b: TaskFilters) => JSON.stringify(a) === JSON.stringify(b);

interface Move {
  task: Task;
  to: TaskStatus;
  /** Position in the target column as shown, without the moved card; null: at the end. */
  index: number | null;
  after?: string | null;
  before?: string | null;
}

function snapshotColumns(queryClient: QueryClient, campaignId: string) {
  return cachedColumns(queryClient, campaignId).map((column) => [column.key, column.data] as const);
}

export function useTaskActions(campaignId: string, filters: TaskFilters) {
  const queryClient = useQueryClient();
  const t = useT();
  const errorMessage = useErrorMessage();

  return useMemo(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: trackerKeys.tasks(campaignId) });

    const failed = (error: unknown, task: Task) => {
      if (error instanceof ApiError && error.status === 409) {
        showToast(t('tracker.toast.conflict', { number: task.number }), 'error');
      } else {
        showToast(errorMessage(error), 'error');
      }
      refresh();
    };

    /** Drag and drop (and keyboard status changes): the card moves now; the server confirms. */
    const move = ({ task, to, index, after, before }: Move) => {
      const snapshot = snapshotColumns(queryClient, campaignId);
      void queryClient.cancelQueries({ queryKey: trackerKeys.board(campaignId) });
      const moved: Task = { ...task, status: to };
      for (const column of cachedColumns(queryClient, campaignId)) {
        if (!column.data) continue;
        let next = withoutTask(column.data, task.id);
        if (column.status === to && sameFilters(column.filters, filters)) {
          const more = Boolean(next.pages.at(-1)?.nextCursor);
          if (index !== null) next = withTaskAt(next, moved, index);
          else if (!more) next = withTaskAt(next, moved, Number.POSITIVE_INFINITY);
        }
        if (next !== column.data) queryClient.setQueryData<TaskPages>(column.key, next);
      }
      return serially(task.id, async () => {
        const version = findCachedTask(queryClient, campaignId, task.id)?.version ?? task.version;
        const body: TaskUpdate = { version, status: to };
        if (after !== undefined) body.after = after;
        if (before !== undefined) body.before = before;
        try {
          const saved = await updateTask(task.id, body);
          applyServerTask(queryClient, campaignId, saved);
          void queryClient.invalidateQueries({ queryKey: trackerKeys.myTasks });
          return saved;
        } catch (error) {
          for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
          failed(error, task);
          return null;
        }
      });
    };

    const setStatus = (task: Task, to: TaskStatus) => {
      if (task.status === to) return Promise.resolve(task);
      return move({ task, to, index: null });
    };

    return { move, setStatus, refresh };
  }, [queryClient, campaignId, filters, t, errorMessage]);
}
