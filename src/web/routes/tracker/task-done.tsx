import { formatDuration, minutesBetween } from '../../../shared/time/duration.ts';
import type { Task } from '../../api/tracker.ts';
import type { TeamMember } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { instantLabel } from '../../time/format.ts';

/**
 * When a done task was finished and by whom ("Done 5 Mar 18:04 MSK by Anna"), and how late when
 * that was after its due time ("finished 2 days late"): the post-mortem's question, answered on the task.
 */
export function TaskDone({
  task,
  users,
  zone,
}: {
  task: Pick<Task, 'doneAt' | 'doneBy' | 'dueAt'>;
  users: TeamMember[] | undefined;
  zone: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (!task.doneAt) return null;
  const when = instantLabel(task.doneAt, zone, locale);
  const name = users?.find((user) => user.id === task.doneBy)?.name;
  const late = task.dueAt ? minutesBetween(task.dueAt, task.doneAt) : 0;
  return (
    <p className="tk-task-done" data-testid="task-done">
      {name ? t('launchUi.task.done', { when, name }) : t('launchUi.task.doneNoName', { when })}
      {late > 0 ? (
        <span className="tk-task-done-late">
          {' '}
          · {t('launchUi.task.finishedLate', { duration: formatDuration(t, late) })}
        </span>
      ) : null}
    </p>
  );
}
