import type { ReactNode } from 'react';
import { useT } from '../i18n/locale.tsx';
import { Dialog } from './dialog.tsx';
import { Button } from './ui.tsx';

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
