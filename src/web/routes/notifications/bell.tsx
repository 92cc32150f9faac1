import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { latestNotificationsQuery, type NotificationItem, useMarkRead } from '../../api/notifications.ts';
import type { User } from '../../api/types.ts';
import { BellIcon, SettingsIcon } from '../../components/icons.tsx';
import { Button, ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { formatWhen } from '../../time/format.ts';
import { useNow } from '../../time/use-now.ts';
import { useNotificationEvents, useNotificationsFollowLanguage } from './live.ts';
import './notifications.css';

export const INBOX_PATH = '/notifications';
export const SETTINGS_PATH = '/settings/notifications';

/** The badge never grows past two characters. */
const badgeText = (count: number) => (count > 9 ? '9+' : String(count));

/**
 * The bell in the shell, for team members and creators alike: the unread count on a badge (kept
 * current by the person's own live stream) and a popover with the latest few. Opening an item
 * marks it read and goes to what it is about. Escape or a click outside closes the popover and
 * gives focus back to the bell.
 */
export function NotificationBell({ me }: { me: User }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();
  useNotificationEvents(true);
  useNotificationsFollowLanguage();
  const latest = useQuery(latestNotificationsQuery);
  const count = latest.data?.unreadCount ?? 0;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onDown = (event: MouseEvent) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    // Tabbing out of the popover closes it, like a click outside. (No related target: a button
    // inside went disabled, or the window lost focus; then the popover stays.)
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !anchor.current?.contains(next)) setOpen(false);
    };
    const root = anchor.current;
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    root?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      root?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  return (
    <div className="nt-bell" ref={anchor}>
      <button
        ref={button}
        type="button"
        className="icon-button nt-bell-button"
        aria-label={t('inbox.bell.label', { count })}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-unread={count}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="nt-badge" aria-hidden="true">
            {badgeText(count)}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          className="nt-popover sidebar-popover"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
        >
          <div className="nt-popover-head">
            <h2 className="nt-popover-title" id={titleId}>
              {t('inbox.bell.title')}
            </h2>
            <Link
              to={SETTINGS_PATH}
              className="icon-button"
              aria-label={t('inbox.bell.settingsLabel')}
              title={t('inbox.bell.settingsLabel')}
              onClick={() => close(false)}
            >
              <SettingsIcon />
            </Link>
          </div>
          <BellList me={me} items={latest.data?.items} error={latest.error} onOpen={() => close(false)} />
          <BellFooter count={count} onOpenInbox={() => close(false)} />
        </div>
      ) : null}
    </div>
  );
}

function BellList({
  me,
  items,
  error,
  onOpen,
}: {
  me: User;
  items: NotificationItem[] | undefined;
  error: unknown;
  onOpen: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const now = useNow(30_000);
  const markRead = useMarkRead();
  if (error) return <ErrorAlert error={error} />;
  if (!items)
    return (
      <div className="nt-popover-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  if (items.length === 0) return <p className="nt-popover-empty">{t('inbox.bell.empty')}</p>;
  return (
    <ul className="nt-popover-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link
            to={item.link}
            className={`nt-item${item.readAt ? '' : ' nt-item-unread'}`}
            data-notification={item.id}
            onClick={() => {
              if (!item.readAt) markRead.mutate([item.id]);
              onOpen();
            }}
          >
            <span className="nt-dot" aria-hidden="true" />
            <span className="nt-item-text">
              <span className="nt-item-title">
                {item.readAt ? null : <span className="visually-hidden">{t('inbox.unread')}: </span>}
                {item.title}
                {item.urgent ? <span className="nt-urgent">{t('inbox.urgent')}</span> : null}
              </span>
              {item.body ? <span className="nt-item-body">{item.body}</span> : null}
              <time className="nt-item-time" dateTime={item.createdAt}>
                {formatWhen(t, item.createdAt, me.timeZone, locale, now)}
              </time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function BellFooter({ count, onOpenInbox }: { count: number; onOpenInbox: () => void }) {
  const t = useT();
  const markRead = useMarkRead();
  return (
    <div className="nt-popover-foot">
      <Button
        size="sm"
        variant="ghost"
        disabled={count === 0}
        pending={markRead.isPending}
        onClick={() => markRead.mutate('all')}
      >
        {t('inbox.markAllRead')}
      </Button>
      <Link to={INBOX_PATH} className="button button-secondary button-sm" onClick={onOpenInbox}>
        {t('inbox.bell.openInbox')}
      </Link>
    </div>
  );
}
