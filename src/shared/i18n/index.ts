import { en } from './catalog/en/index.ts';
import { ru } from './catalog/ru/index.ts';
import { provideCatalogue } from './runtime.ts';

export * from './runtime.ts';

// The server, the CLI and the tests hold both languages; the web app imports runtime.ts instead.
export const catalogues = { en, ru } as const;
provideCatalogue('en', en);
provideCatalogue('ru', ru);
