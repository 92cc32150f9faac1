// The kit's sheet first: the areas' sheets, imported by their pages, come after it and refine it.
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, isUnauthenticated } from './api/client.ts';
import { keys } from './api/queries.ts';
import { App } from './app.tsx';
import { Toaster } from './components/toast.tsx';
import { loadCatalogue } from './i18n/load-catalogue.ts';
import { initialLocale, LocaleProvider } from './i18n/locale.tsx';

// A session that ends while the app is open (expired, signed out elsewhere) sends the user to
// sign-in instead of leaving "Sign in to continue" errors on every card.
const onError = (error: unknown) => {
  if (isUnauthenticated(error) && queryClient.getQueryData(keys.me)) queryClient.setQueryData(keys.me, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // A 4xx will not change by asking again; network trouble might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The device's language is fetched before the first paint; a profile in another language follows.
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <App />
          <Toaster />
        </LocaleProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
// The first screen needs the core of the catalogue; the rest follows once the browser is idle.
const locale = initialLocale();
const prefetchRest = () => {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 500));
  idle(() => void loadCatalogue(locale, 'all').catch(() => undefined));
};
void loadCatalogue(locale).then(render, render).finally(prefetchRest);
