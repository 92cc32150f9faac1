import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/locale.tsx';

// Short notices at the bottom of the screen ("Someone moved this card first…", "Meeting
// scheduled"). A module-level store, so any code (a mutation's onError) can raise one; the one
// <Toaster/>, mounted beside the app in main.tsx, shows them on every page.

export interface Toast {
  id: number;
  tone: 'info' | 'error' | 'success';
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function dismissToast(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function showToast(message: string, tone: Toast['tone'] = 'info', durationMs = 6000) {
  const id = nextId++;
  // The same message twice in a row (several cards refused at once) shows once.
  toasts = [...toasts.filter((toast) => toast.message !== message), { id, tone, message }].slice(-4);
  emit();
  window.setTimeout(() => dismissToast(id), durationMs);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => toasts;

export function Toaster() {
  const t = useT();
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return (
    <div className="toaster" aria-live="polite">
      {current.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
        >
          <span className="toast-text">{toast.message}</span>
          <button
            type="button"
            className="toast-close"
            onClick={() => dismissToast(toast.id)}
            aria-label={t('common.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
