import type { CSSProperties } from 'react';

/** One column per language (`--cols`); narrow screens stack them (styles.css). */
export const languageColumns = (count: number) => ({ '--cols': Math.max(count, 1) }) as CSSProperties;
