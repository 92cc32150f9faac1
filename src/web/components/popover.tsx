import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';

// A button that opens a panel beside it (definitions, options); Escape or a click outside closes it.
// Styles: .popover-anchor, .popover-panel* (styles.css).

/**
 * Closes an open panel anchored in `ref` on a press outside it or on Escape. By default Escape
 * gives the focus back to the panel's button; `onEscape: 'stop'` instead keeps the key from
 * reaching what is behind (a drawer or dialog the panel sits in).
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  close: () => void,
  { onEscape = 'refocus' }: { onEscape?: 'refocus' | 'stop' } = {},
) {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const capture = onEscape === 'stop';
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) closeRef.current();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (capture) event.stopPropagation();
      closeRef.current();
      if (!capture) ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, capture);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, capture);
    };
  }, [ref, open, onEscape]);
}

export function Popover({
  label,
  children,
  className,
  align = 'end',
  wide = false,
  buttonClassName = 'button button-ghost button-sm',
  panelLabel,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  align?: 'start' | 'end';
  /** A wider panel, for longer text (the measurement's definitions). */
  wide?: boolean;
  buttonClassName?: string;
  panelLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useDismiss(ref, open, () => setOpen(false));
  return (
    <div className={`popover-anchor ${className ?? ''}`} ref={ref}>
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
          className={`popover-panel popover-panel-${align}${wide ? ' popover-panel-wide' : ''}`}
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
