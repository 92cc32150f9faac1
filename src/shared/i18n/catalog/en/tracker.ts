// Strings of the web app's tracker screens. Keys mirror ../ru/tracker.ts exactly (test/i18n-catalogue.test.ts checks).
export const enTracker = {} as const;
