import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/locale.tsx';

export interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'md' | 'lg';
  /** Prefix of the CSS classes (`<prefix>`, `<prefix>-header`, `<prefix>-body`, …). */
  classPrefix?: string;
  /** Accessible name of the × button; "Close" from the campaigns catalogue by default. */
  closeLabel?: string;
  /** Whether a press on the backdrop closes the dialog. */
  closeOnBackdrop?: boolean;
}

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, Escape closes it and
 * focus returns to the button that opened it. Render it to open it; `onClose` unmounts it.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  size = 'md',
  classPrefix = 'dialog',
  closeLabel,
  closeOnBackdrop = true,
}: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    // A `close` queued by an earlier cleanup (React's strict mode mounts effects twice) arrives
    // after the dialog was opened again: only a dialog that is really closed reports it.
    const handleClose = () => {
      if (!dialog.open) latestClose.current();
    };
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`${classPrefix} ${classPrefix}-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={
        closeOnBackdrop
          ? (event) => {
              // A press on the backdrop (the dialog element itself, outside its box) closes it.
              if (event.target === ref.current) {
                const box = ref.current.getBoundingClientRect();
                const inside =
                  event.clientX >= box.left &&
                  event.clientX <= box.right &&
                  event.clientY >= box.top &&
                  event.clientY <= box.bottom;
                if (!inside) onClose();
              }
            }
          : undefined
      }
    >
      <div className={`${classPrefix}-header`}>
        <div>
          <h2 className={`${classPrefix}-title`} id={titleId}>
            {title}
          </h2>
          {description ? <p className={`${classPrefix}-description`}>{description}</p> : null}
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={closeLabel ?? t('campaigns.dialogClose')}
        >
          <span aria-hidden="true" className={`${classPrefix}-x`}>
            ×
          </span>
        </button>
      </div>
      <div className={`${classPrefix}-body`}>{children}</div>
      {footer ? <div className={`${classPrefix}-footer`}>{footer}</div> : null}
    </dialog>
  );
}
