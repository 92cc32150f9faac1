import { type ReactNode, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { isOverdue, type Task } from '../../api/tracker.ts';
import { CalendarIcon } from '../../components/icons.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { instantLabel, inZonesLabel } from '../../time/format.ts';

// Small pieces the board, the list, the drawer and "My tasks" share.

/**
 * A hint shown above an element on hover. The text is also the element's accessible
 * description; the bubble is drawn in a portal so scrolling columns never clip it.
 */
export function Tooltip({
  content,
  children,
  className,
}: {
  content: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const [rect, setRect] = useState<DOMRect | null>(null);
  const show = (element: HTMLElement) => setRect(element.getBoundingClientRect());
  const hide = () => setRect(null);
  const below = rect ? rect.top < 48 : false;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering only shows the hint, which is also the accessible description
    <span
      className={`tk-tooltip-anchor ${className ?? ''}`}
      aria-describedby={id}
      onMouseEnter={(event) => show(event.currentTarget)}
      onMouseLeave={hide}
    >
      {children}
      <span id={id} hidden>
        {content}
      </span>
      {rect
        ? createPortal(
            <span
              className={`tk-tooltip${below ? ' tk-tooltip-below' : ''}`}
              aria-hidden="true"
              style={{
                left: Math.min(Math.max(rect.left + rect.width / 2, 120), window.innerWidth - 120),
                top: below ? rect.bottom + 8 : rect.top - 8,
              }}
            >
              {content}
            </span>,
            document.body,
          )
        : null}
    </span>
  );
}

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** A person's initials in a coloured circle (the colour follows the name, so it is stable). */
export function Avatar({ name, size = 'sm' }: { name: string; size?: 'xs' | 'sm' | 'md' }) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (
    <span className={`tk-person-avatar tk-person-avatar-${size}`} data-hue={hash % 8} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function MarketBadge({ code, className }: { code: string | null; className?: string }) {
  const t = useT();
  const extra = className ? ` ${className}` : '';
  if (!code)
    return <span className={`market-badge market-badge-all${extra}`}>{t('tracker.market.allShort')}</span>;
  return <span className={`market-badge${extra}`}>{code}</span>;
}

export function LabelChips({ labels }: { labels: readonly string[] }) {
  if (!labels.length) return null;
  return (
    <span className="tk-label-chips">
      {labels.map((label) => (
        <span key={label} className="tk-label-chip">
          {label}
        </span>
      ))}
    </span>
  );
}

/**
 * A due instant in the viewer's zone, red when overdue; its hint gives it in every market's zone
 * ("5 Mar 18:00 MSK · 5 Mar 10:00 EST") and as agreed.
 */
export function DueDate({
  task,
  viewerZone,
  zones,
  now,
}: {
  task: Pick<Task, 'dueAt' | 'status' | 'dueTimeZone'>;
  viewerZone: string;
  zones: string[];
  now: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (!task.dueAt) return null;
  const overdue = isOverdue(task, now.getTime());
  const label = instantLabel(task.dueAt, viewerZone, locale, now);
  const across = inZonesLabel(task.dueAt, zones.length ? zones : [viewerZone], locale);
  return (
    <Tooltip
      className={`tk-due${overdue ? ' tk-due-overdue' : ''}${task.status === 'done' ? ' tk-due-done' : ''}`}
      content={
        overdue ? t('tracker.due.overdueHint', { times: across }) : t('tracker.due.hint', { times: across })
      }
    >
      <CalendarIcon width={12} height={12} strokeWidth={2} className="tk-due-icon" />
      <span className="due-text">{label}</span>
      {overdue ? <span className="visually-hidden">{t('tracker.due.overdue')}</span> : null}
    </Tooltip>
  );
}
