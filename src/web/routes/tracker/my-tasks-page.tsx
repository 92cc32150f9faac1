import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/runtime.ts';
import { addDays, isoDate, startOfDay } from '../../../shared/time/index.ts';
import { type Campaign, campaignsQuery } from '../../api/campaigns.ts';
import { createCalendarFeed, isOverdue, myTasksQuery, type Task } from '../../api/tracker.ts';
import type { User } from '../../api/types.ts';
import { StatusIcon, TasksIcon } from '../../components/icons.tsx';
import {
  Button,
  Card,
  CopyField,
  EmptyState,
  ErrorAlert,
  PageHeader,
  Spinner,
} from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { DueDate, LabelChips, MarketBadge } from './bits.tsx';
import './tracker.css';
import { marketZones } from '../../time/zones.ts';

type Group = 'overdue' | 'thisWeek' | 'later' | 'noDue';
const GROUPS: Array<{ key: Group; title: MessageKey }> = [
  { key: 'overdue', title: 'myTasks.group.overdue' },
  { key: 'thisWeek', title: 'myTasks.group.thisWeek' },
  { key: 'later', title: 'myTasks.group.later' },
  { key: 'noDue', title: 'myTasks.group.noDue' },
];

/** Where the current week ends (next Monday, 00:00) in the viewer's zone. */
function endOfWeek(now: Date, zone: string): number {
  const today = isoDate(now, zone);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // calendar arithmetic on a date, not an instant
  const daysToMonday = (8 - weekday) % 7 || 7;
  return startOfDay(addDays(today, daysToMonday), zone);
}

function groupOf(task: Task, now: Date, weekEnd: number): Group {
  if (!task.dueAt) return 'noDue';
  if (isOverdue(task, now.getTime())) return 'overdue';
  return new Date(task.dueAt).getTime() < weekEnd ? 'thisWeek' : 'later';
}

/** `/my-tasks`: the open tasks I own in every campaign, by urgency, and my calendar subscription. */
export function MyTasksPage({ me }: { me: User }) {
  const t = useT();
  useDocumentTitle(t('myTasks.title'));
  const tasks = useQuery(myTasksQuery);
  const campaigns = useQuery(campaignsQuery);
  const now = useNow();
  const weekEnd = endOfWeek(now, me.timeZone);
  const byId = useMemo(
    () => new Map<string, Campaign>((campaigns.data ?? []).map((campaign) => [campaign.id, campaign])),
    [campaigns.data],
  );
  const groups = useMemo(() => {
    const result: Record<Group, Task[]> = { overdue: [], thisWeek: [], later: [], noDue: [] };
    for (const task of tasks.data?.tasks ?? []) result[groupOf(task, now, weekEnd)].push(task);
    return result;
  }, [tasks.data, now, weekEnd]);
  const total = tasks.data?.tasks.length ?? 0;

  return (
    <>
      <PageHeader title={t('myTasks.title')} description={t('myTasks.description', { zone: me.timeZone })} />
      <div className="tk-my-tasks page-wide">
        <div className="tk-my-tasks-main">
          {tasks.isPending ? (
            <div className="card centered-block">
              <Spinner label={t('common.loading')} />
            </div>
          ) : tasks.isError ? (
            <ErrorAlert error={tasks.error} />
          ) : total === 0 ? (
            <div className="card">
              <EmptyState icon={<TasksIcon width={28} height={28} />} title={t('myTasks.emptyTitle')}>
                <p>{t('myTasks.emptyText')}</p>
              </EmptyState>
            </div>
          ) : (
            GROUPS.filter((group) => groups[group.key].length).map((group) => (
              <section
                key={group.key}
                className={`card tk-my-tasks-group tk-my-tasks-${group.key}`}
                aria-labelledby={`group-${group.key}`}
              >
                <h2 className="tk-my-tasks-group-title" id={`group-${group.key}`}>
                  {t(group.title)}
                  <span className="tk-count-pill">{groups[group.key].length}</span>
                </h2>
                <ul className="tk-my-task-list">
                  {groups[group.key].map((task) => {
                    const campaign = byId.get(task.campaignId);
                    return (
                      <li key={task.id} className="tk-my-task">
                        <StatusIcon status={task.status} />
                        <span className="tk-task-number">#{task.number}</span>
                        <Link
                          to={`/campaigns/${task.campaignId}/tasks/${task.id}`}
                          className="tk-my-task-title"
                        >
                          {task.title}
                        </Link>
                        <LabelChips labels={task.labels} />
                        <span className="tk-my-task-meta">
                          <span className="tk-my-task-campaign">{campaign?.name ?? ''}</span>
                          <MarketBadge code={task.marketCode} className="tk-my-task-market" />
                          <DueDate
                            task={task}
                            viewerZone={me.timeZone}
                            zones={campaign ? marketZones(campaign.markets) : []}
                            now={now}
                          />
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))
          )}
          {tasks.data?.nextCursor ? <p className="tk-tracker-hint">{t('myTasks.more')}</p> : null}
        </div>
        <aside className="tk-my-tasks-side">
          <CalendarFeedCard />
        </aside>
      </div>
    </>
  );
}

function CalendarFeedCard() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (data) => setUrl(data.url),
  });
  return (
    <Card title={t('myTasks.calendar.title')} description={t('myTasks.calendar.description')}>
      {url ? (
        <div className="stack">
          <CopyField value={url} label={t('myTasks.calendar.urlLabel')} className="tk-calendar-copy" />
          <div className="tk-calendar-actions">
            <a className="button button-secondary button-sm" href={url.replace(/^https?:/, 'webcal:')}>
              {t('myTasks.calendar.openApp')}
            </a>
          </div>
          <p className="field-hint">{t('myTasks.calendar.private')}</p>
        </div>
      ) : null}
      <p className="tk-calendar-note">{t('myTasks.calendar.regenerateNote')}</p>
      <ErrorAlert error={create.error} />
      <div>
        <Button
          variant={url ? 'secondary' : 'primary'}
          pending={create.isPending}
          onClick={() => create.mutate()}
        >
          {url ? t('myTasks.calendar.regenerate') : t('myTasks.calendar.subscribe')}
        </Button>
      </div>
    </Card>
  );
}
