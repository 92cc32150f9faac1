import { Component, type ReactNode, Suspense, use } from 'react';
import { type CataloguePart, hasCatalogue } from '../../shared/i18n/runtime.ts';
import { loadCatalogue } from '../i18n/load-catalogue.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { Button, Spinner } from './ui.tsx';

function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  );
}

function PageLoadFailed({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('common.pageLoadFailed')}</p>
      <Button onClick={retry}>{t('common.retry')}</Button>
    </div>
  );
}

/**
 * A page's chunk could not be fetched (offline, or a newer build replaced it): say so and offer a
 * reload, instead of a blank screen. Errors other than loading still reach the console.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) return <PageLoadFailed retry={() => window.location.reload()} />;
    return this.props.children;
  }
}

/** Suspends until the language's whole catalogue is here (the first screen needs only its core). */
function WholeCatalogue({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  if (!hasCatalogue(locale, 'all')) use(loadCatalogue(locale, 'all'));
  return children;
}

/**
 * Where a lazily loaded page appears: a spinner while its chunk (and, unless it is a first-screen
 * page, the rest of the catalogue) arrives, a way out if it cannot.
 */
export function PageSuspense({
  children,
  catalogue = 'all',
}: {
  children: ReactNode;
  catalogue?: CataloguePart;
}) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<PageLoading />}>
        {catalogue === 'all' ? <WholeCatalogue>{children}</WholeCatalogue> : children}
      </Suspense>
    </ChunkBoundary>
  );
}
