import type { enWeb } from '../en/web.ts';

export const ruWeb: Record<keyof typeof enWeb, string> = {
  'app.name': 'Tandem',
};
