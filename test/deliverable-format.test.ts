import { describe, expect, it } from 'vitest';
import { deliverableAmount, knownDeliverableFormat } from '../src/shared/deliverable-format.ts';
import { translator } from '../src/shared/i18n/index.ts';

// Deliverable formats are free text; known ones are said in the reader's language with plurals.
describe('deliverable amounts', () => {
  const ru = translator('ru');
  const en = translator('en');

  it('names known formats in Russian with one/few/many plurals', () => {
    expect(deliverableAmount(ru, 1, 'post')).toBe('1 пост');
    expect(deliverableAmount(ru, 2, 'post')).toBe('2 поста');
    expect(deliverableAmount(ru, 5, 'Posts')).toBe('5 постов');
    expect(deliverableAmount(ru, 5, 'video')).toBe('5 видео');
    expect(deliverableAmount(ru, 2, 'reel')).toBe('2 ролика Reels');
    expect(deliverableAmount(ru, 21, 'stream')).toBe('21 трансляция');
  });

  it('names known formats in English and keeps free text as typed', () => {
    expect(deliverableAmount(en, 1, 'story')).toBe('1 story');
    expect(deliverableAmount(en, 2, ' Stories ')).toBe('2 stories');
    expect(deliverableAmount(en, 2, 'unboxing')).toBe('2 × unboxing');
    expect(deliverableAmount(ru, 2, 'распаковка')).toBe('2 × распаковка');
  });

  it('recognises known formats only, whatever the case or plural', () => {
    expect(knownDeliverableFormat('SHORTS')).toBe('short');
    expect(knownDeliverableFormat('live stream')).toBe('stream');
    expect(knownDeliverableFormat('news')).toBeNull();
    expect(knownDeliverableFormat('')).toBeNull();
  });
});
