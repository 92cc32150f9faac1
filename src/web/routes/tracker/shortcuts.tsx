import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../../shared/i18n/runtime.ts';
import { TASK_STATUSES } from '../../api/tracker.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/locale.tsx';

export interface ShortcutHandlers {
  create?: () => void;
  search?: () => void;
  next?: () => void;
  previous?: () => void;
  left?: () => void;
  right?: () => void;
  open?: () => void;
  status?: (index: number) => void;
  help?: () => void;
  clear?: () => void;
}

/** Typing in a field, or a dialog on top: the keys belong to them. */
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return Boolean(document.querySelector('dialog[open]'));
}

/**
 * The tracker's single-key shortcuts (Linear-style): c new task, / search, j/k next/previous,
 * h/l other column, Enter open, 1–5 status, ? help, Esc clear the selection.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      const h = latest.current;
      const run = (handler: (() => void) | undefined) => {
        if (!handler) return;
        event.preventDefault();
        handler();
      };
      switch (event.key) {
        case 'c':
        case 'C':
          return run(h.create);
        case '/':
          return run(h.search);
        case 'j':
          return run(h.next);
        case 'k':
          return run(h.previous);
        case 'h':
          return run(h.left);
        case 'l':
          return run(h.right);
        case 'Enter':
          if ((event.target as HTMLElement | null)?.closest('a, button')) return;
          return run(h.open);
        case '?':
          return run(h.help);
        case 'Escape':
          return run(h.clear);
        default:
          if (/^[1-5]$/.test(event.key) && h.status) {
            event.preventDefault();
            h.status(Number(event.key) - 1);
          }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const ROWS: Array<{ keys: string[]; label: MessageKey }> = [
  { keys: ['C'], label: 'tracker.shortcuts.create' },
  { keys: ['/'], label: 'tracker.shortcuts.search' },
  { keys: ['J', 'K'], label: 'tracker.shortcuts.move' },
  { keys: ['H', 'L'], label: 'tracker.shortcuts.column' },
  { keys: ['Enter'], label: 'tracker.shortcuts.open' },
  { keys: ['1', '–', '5'], label: 'tracker.shortcuts.status' },
  { keys: ['Esc'], label: 'tracker.shortcuts.clear' },
  { keys: ['?'], label: 'tracker.shortcuts.help' },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      title={t('tracker.shortcuts.title')}
      description={t('tracker.shortcuts.description')}
      onClose={onClose}
    >
      <dl className="tk-shortcut-list">
        {ROWS.map((row) => (
          <div key={String(row.label)} className="tk-shortcut-row">
            <dt>{t(row.label)}</dt>
            <dd>
              {row.keys.map((key) =>
                key === '–' ? (
                  <span key={key} className="tk-shortcut-sep">
                    –
                  </span>
                ) : (
                  <kbd key={key} className="tk-kbd">
                    {key}
                  </kbd>
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
      <ol className="tk-shortcut-statuses">
        {TASK_STATUSES.map((status, index) => (
          <li key={status}>
            <kbd className="tk-kbd">{index + 1}</kbd> {t(`tracker.status.${status}`)}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
