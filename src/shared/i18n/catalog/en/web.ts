// Strings of the web app. Keys mirror ../ru/web.ts exactly (test/i18n-catalogue.test.ts checks).
export const enWeb = {
  'app.name': 'Tandem',
} as const;
