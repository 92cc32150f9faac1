import type { enTracker } from '../en/tracker.ts';

export const ruTracker: Record<keyof typeof enTracker, string> = {};
