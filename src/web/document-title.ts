import { useEffect } from 'react';
import { useT } from './i18n/locale.tsx';

/** `Audit log · Tandem`, in the current language. */
export function useDocumentTitle(title: string | null) {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
