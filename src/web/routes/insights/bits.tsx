// Small pieces shared by the meetings and measurement screens: live updates, a popover,
// a confirmation dialog and a few icons.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { insightKeys } from '../../api/insights.ts';
import { Dialog } from '../../components/dialog.tsx';
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
