import type { Temporal as PolyfillTemporal } from 'temporal-polyfill';

// The web build resolves `temporal-polyfill` here (vite.config.ts): browsers with Temporal built in
// (Chromium 144+, Firefox 139+) use their own and never download the 54 KB polyfill; others fetch
// it before the first module that needs Temporal runs. The server and tests import the polyfill.
type TemporalNamespace = typeof PolyfillTemporal;

const builtIn = (globalThis as { Temporal?: TemporalNamespace }).Temporal;

export const Temporal: TemporalNamespace =
  builtIn ?? (await import('temporal-polyfill/implementation')).Temporal;
