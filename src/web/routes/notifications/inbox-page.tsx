import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { addDays, isoDate } from '../../../shared/time/index.ts';
import {
  latestNotificationsQuery,
  type NotificationItem,
  notificationListQuery,
  useMarkRead,
} from '../../api/notifications.ts';
import type { User } from '../../api/types.ts';
import { BellIcon, SettingsIcon } from '../../components/icons.tsx';
import { Button, EmptyState, ErrorAlert, PageHeader, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { describeZone } from '../../time/zones.ts';
import { INBOX_PATH, SETTINGS_PATH } from './bell.tsx';
import './notifications.css';
import { formatInstant } from '../../time/format.ts';

interface DayGroup {
  day: string;
  items: NotificationItem[];
}

/** Consecutive notifications of the same calendar day in `zone` (they arrive newest first). */
function groupByDay(items: NotificationItem[], zone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = isoDate(item.createdAt, zone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** `/notifications`: everything addressed to me (or only what I have not read), by day in my zone. */
export function InboxPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const { search } = useLocation();
  const unread = search.get('show') === 'unread';
  useDocumentTitle(t('inbox.title'));
  const now = useNow();
  const list = useInfiniteQuery(notificationListQuery(unread));
  // The bell's query carries the unread count, whichever tab is open.
  const unreadCount = useQuery(latestNotificationsQuery).data?.unreadCount ?? 0;
  const markRead = useMarkRead();
  const sentinel = useRef<HTMLDivElement>(null);

  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const groups = useMemo(() => groupByDay(items, me.timeZone), [items, me.timeZone]);
  const today = isoDate(now, me.timeZone);
  const zone = describeZone(me.timeZone, locale, now);

  // Scrolling near the end loads the next page (the button below does the same by hand).
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '200px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const dayLabel = (day: string) => {
    if (day === today) return t('inbox.day.today');
    if (day === addDays(today, -1)) return t('inbox.day.yesterday');
    // A calendar day, not an instant: formatted at noon UTC of that day, in UTC.
    return new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
    }).format(new Date(`${day}T12:00:00Z`));
  };
  const timeOfDay = (instant: string) =>
    new Intl.DateTimeFormat(locale === 'ru' ? 'ru' : 'en-GB', {
      timeZone: me.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(instant));

  const tab = (value: boolean, label: string, badge?: number) => (
    <button
      type="button"
      role="tab"
      aria-selected={unread === value}
      className={`nt-tab${unread === value ? ' nt-tab-active' : ''}`}
      onClick={() => navigate(value ? `${INBOX_PATH}?show=unread` : INBOX_PATH, { replace: true })}
    >
      {label}
      {badge ? <span className="nt-tab-count">{badge > 99 ? '99+' : badge}</span> : null}
    </button>
  );

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description', { zone: zone?.abbreviation ?? me.timeZone })}
        actions={
          <>
            <Button onClick={() => markRead.mutate('all')} disabled={unreadCount === 0}>
              {t('inbox.markAllRead')}
            </Button>
            <Link to={SETTINGS_PATH} className="button button-ghost">
              <SettingsIcon />
              {t('inbox.settingsLink')}
            </Link>
          </>
        }
      />
      <div className="nt-tabs" role="tablist" aria-label={t('inbox.tabs.label')}>
        {tab(false, t('inbox.tabs.all'))}
        {tab(true, t('inbox.tabs.unread'), unreadCount)}
      </div>
      <ErrorAlert error={list.error ?? markRead.error} />
      <div className="card nt-inbox" role="tabpanel">
        {list.isPending ? (
          <div className="nt-inbox-loading">
            <Spinner label={t('common.loading')} />
          </div>
        ) : null}
        {list.isSuccess && items.length === 0 ? (
          <EmptyState
            icon={<BellIcon width={26} height={26} />}
            title={unread ? t('inbox.empty.unreadTitle') : t('inbox.empty.allTitle')}
          >
            <p>{unread ? t('inbox.empty.unreadText') : t('inbox.empty.allText')}</p>
          </EmptyState>
        ) : null}
        {groups.map((group) => (
          <section key={group.day} className="nt-day" aria-label={dayLabel(group.day)}>
            <h2 className="nt-day-title">{dayLabel(group.day)}</h2>
            <ul className="nt-inbox-list">
              {group.items.map((item) => (
                <li
                  key={item.id}
                  className={`nt-row${item.readAt ? '' : ' nt-row-unread'}`}
                  data-notification={item.id}
                >
                  <span className="nt-dot" aria-hidden="true" />
                  <div className="nt-row-text">
                    <Link
                      to={item.link}
                      className="nt-row-title"
                      onClick={() => {
                        if (!item.readAt) markRead.mutate([item.id]);
                      }}
                    >
                      {item.readAt ? null : <span className="visually-hidden">{t('inbox.unread')}: </span>}
                      {item.title}
                    </Link>
                    {item.urgent ? <span className="nt-urgent">{t('inbox.urgent')}</span> : null}
                    {item.body ? <p className="nt-row-body">{item.body}</p> : null}
                  </div>
                  <time
                    className="nt-row-time"
                    dateTime={item.createdAt}
                    title={formatInstant(item.createdAt, me.timeZone, locale)}
                  >
                    {timeOfDay(item.createdAt)}
                  </time>
                  {item.readAt ? (
                    <span className="nt-row-action" />
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="nt-row-action"
                      aria-label={t('inbox.markReadLabel', { title: item.title })}
                      onClick={() => markRead.mutate([item.id])}
                    >
                      {t('inbox.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <div ref={sentinel} />
        {list.hasNextPage ? (
          <div className="nt-inbox-more">
            <Button onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
              {t('inbox.loadMore')}
            </Button>
          </div>
        ) : items.length > 0 ? (
          <p className="nt-inbox-end muted">{t('inbox.end')}</p>
        ) : null}
      </div>
    </>
  );
}
