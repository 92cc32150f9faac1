import type { MessageKey, MessageValues } from './i18n/index.ts';

/**
 * Deliverable formats the app knows by name. A deliverable's `format` is free text (whatever the
 * manager typed); when it names one of these (any case, singular or plural, e.g. "Posts"), screens,
 * the portal and agreements say it in the reader's language with the right plural ("2 поста",
 * "5 видео"). Anything else is shown as typed ("2 × unboxing").
 */
export const KNOWN_DELIVERABLE_FORMATS = [
  'post',
  'video',
  'reel',
  'story',
  'short',
  'stream',
  'carousel',
  'integration',
] as const;
export type KnownDeliverableFormat = (typeof KNOWN_DELIVERABLE_FORMATS)[number];

const amountKeys: Record<KnownDeliverableFormat, MessageKey> = {
  post: 'deliverable.amount.post',
  video: 'deliverable.amount.video',
  reel: 'deliverable.amount.reel',
  story: 'deliverable.amount.story',
  short: 'deliverable.amount.short',
  stream: 'deliverable.amount.stream',
  carousel: 'deliverable.amount.carousel',
  integration: 'deliverable.amount.integration',
};

// Other spellings people type for the same thing (plurals are handled below).
const aliases: Record<string, KnownDeliverableFormat> = {
  stories: 'story',
  reels: 'reel',
  livestream: 'stream',
  'live stream': 'stream',
  live: 'stream',
};

/** The known format a typed format names, or null when it is free text. */
export function knownDeliverableFormat(format: string): KnownDeliverableFormat | null {
  const typed = format.trim().toLowerCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(aliases, typed)) return aliases[typed]!;
  const singular = typed.endsWith('s') ? typed.slice(0, -1) : typed;
  for (const candidate of [typed, singular]) {
    if ((KNOWN_DELIVERABLE_FORMATS as readonly string[]).includes(candidate)) {
      return candidate as KnownDeliverableFormat;
    }
  }
  return null;
}

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** "2 posts" / "2 поста" for a known format, "2 × unboxing" (as typed) otherwise. */
export function deliverableAmount(t: Translate, count: number, format: string): string {
  const known = knownDeliverableFormat(format);
  if (known) return t(amountKeys[known], { count });
  return t('deliverable.amount.typed', { count, format: format.trim() });
}
