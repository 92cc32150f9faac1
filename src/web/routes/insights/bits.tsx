// Small pieces shared by the meetings and measurement screens: live updates, notices, a popover,
// a confirmation dialog and a few icons.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { insightKeys } from '../../api/insights.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Icon, type IconProps } from '../../components/icons.tsx';
import { Button } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { RECONNECTED, useCampaignEvents } from '../campaign/campaign-events.ts';
import './insights.css';

/** Keeps meetings, the report and the imports of a campaign current while a screen shows them. */
export function useInsightsLiveUpdates(campaignId: string) {
  const queryClient = useQueryClient();
  useCampaignEvents(campaignId, (event) => {
    const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
    if (event.type === RECONNECTED) {
      invalidate(insightKeys.meetings(campaignId));
      invalidate(insightKeys.report(campaignId));
      invalidate(insightKeys.imports(campaignId));
      invalidate(insightKeys.fx(campaignId));
      return;
    }
    if (event.type.startsWith('meeting.')) {
      invalidate(insightKeys.meetings(campaignId));
      return;
    }
    if (event.type === 'import.progress') return;
    if (event.type.startsWith('import.')) {
      invalidate(insightKeys.imports(campaignId));
      invalidate(insightKeys.report(campaignId));
      return;
    }
    if (event.type === 'fx_rates.updated') {
      invalidate(insightKeys.fx(campaignId));
      invalidate(insightKeys.report(campaignId));
      return;
    }
    if (
      event.type === 'metrics.entered' ||
      event.type.startsWith('engagement.') ||
      event.type.startsWith('milestone.') ||
      event.type.startsWith('brief.data')
    ) {
      invalidate(insightKeys.report(campaignId));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Notices at the bottom of the screen

interface Notice {
  id: number;
  tone: 'success' | 'error' | 'info';
  message: string;
}
let notices: Notice[] = [];
let nextNotice = 1;
const noticeListeners = new Set<() => void>();
const emitNotices = () => {
  for (const listener of noticeListeners) listener();
};
export function dismissNotice(id: number) {
  notices = notices.filter((n) => n.id !== id);
  emitNotices();
}
export function notify(message: string, tone: Notice['tone'] = 'success') {
  const id = nextNotice++;
  notices = [...notices.filter((n) => n.message !== message), { id, tone, message }].slice(-3);
  emitNotices();
  window.setTimeout(() => dismissNotice(id), 6000);
}
const subscribeNotices = (listener: () => void) => {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
};

export function Notices() {
  const t = useT();
  const current = useSyncExternalStore(
    subscribeNotices,
    () => notices,
    () => notices,
  );
  return (
    <div className="ins-notices" aria-live="polite">
      {current.map((notice) => (
        <div
          key={notice.id}
          className={`ins-notice ins-notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="ins-notice-close"
            onClick={() => dismissNotice(notice.id)}
            aria-label={t('reportUi.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Popover: a button that opens a panel; Escape or a click outside closes it.

export function Popover({
  label,
  children,
  className,
  align = 'end',
  buttonClassName = 'button button-ghost button-sm',
  panelLabel,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  align?: 'start' | 'end';
  buttonClassName?: string;
  panelLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className={`ins-popover-anchor ${className ?? ''}`} ref={ref}>
      <button
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
      </button>
      {open ? (
        <div
          className={`ins-popover ins-popover-${align}`}
          id={panelId}
          role="dialog"
          aria-label={panelLabel}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}

/** "Are you sure?" for actions that cannot be taken back silently. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  tone = 'danger',
  error,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  tone?: 'danger' | 'primary';
  error?: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('reportUi.keep')}</Button>
          <Button variant={tone} pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack">
        {error}
        {children}
      </div>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------
// Icons (20×20 strokes on the frame of components/icons.tsx, drawn smaller)

/** The shared icon frame, 16×16 here unless `width`/`height` say otherwise. */
const SmallIcon = (props: IconProps) => <Icon width="16" height="16" {...props} />;

export const CalendarIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
    <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
  </SmallIcon>
);
export const ClockIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.5 1.5" />
  </SmallIcon>
);
export const UploadIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <path d="M10 13V3.5M6 7l4-4 4 4" />
    <path d="M3.5 13.5v2a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
  </SmallIcon>
);
export const InfoIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 9v4.5M10 6.5v.01" />
  </SmallIcon>
);
export const PeopleIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <circle cx="7.5" cy="7" r="2.7" />
    <path d="M2.5 16c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
    <path d="M13 4.6a2.7 2.7 0 0 1 0 4.9M14.5 12.2c1.5.5 2.6 1.8 3 3.8" />
  </SmallIcon>
);
export const ChartIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <path d="M3 16.5h14" />
    <path d="M5.5 13V9.5M9.5 13V5.5M13.5 13v-5" />
  </SmallIcon>
);
export const TranslateIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <path d="M3 5h7M6.5 3.5V5c0 3-1.8 5.5-4 6.5M5 8c.8 1.6 2.2 2.8 4 3.5" />
    <path d="M10.5 16.5 13.5 9l3 7.5M11.5 14h4" />
  </SmallIcon>
);
export const ArrowLeftIcon = (props: IconProps) => (
  <SmallIcon {...props}>
    <path d="M16 10H4M9 5l-5 5 5 5" />
  </SmallIcon>
);
export const SortIcon = ({ sorted, ...props }: IconProps & { sorted: 'asc' | 'desc' | null }) => (
  <SmallIcon {...props} width={12} height={12}>
    <path d="M6 8l4-4 4 4" opacity={sorted === 'asc' ? 1 : 0.35} />
    <path d="M6 12l4 4 4-4" opacity={sorted === 'desc' ? 1 : 0.35} />
  </SmallIcon>
);
