import { ruCore } from './core.ts';
import { ruPages } from './pages.ts';

// One language's whole catalogue. The server holds both; the web app loads the language on screen,
// its first-screen part (core) before painting and the rest (pages) with the first page needing it.
export const ru = {
  ...ruCore,
  ...ruPages,
};
