import { diffWords } from 'diff';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/policies.ts';
import { findVersion } from './publish-version.ts';

interface Part {
  value: string;
  added?: boolean;
  removed?: boolean;
}

function compare(before: string, after: string): { changed: boolean; parts: Part[] } {
  if (before === after) return { changed: false, parts: [{ value: after }] };
  return {
    changed: true,
    parts: diffWords(before, after).map((p) => ({
      value: p.value,
      ...(p.added ? { added: true } : {}),
      ...(p.removed ? { removed: true } : {}),
    })),
  };
}

const pretty = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/** A readable word-level diff per section and language, plus the structured content per section. */
export async function diffVersions(db: Db, actor: Actor, campaignId: string, a: number, b: number) {
  const [from, to] = await Promise.all([
    findVersion(db, actor, campaignId, a),
    findVersion(db, actor, campaignId, b),
  ]);
  const languages = [...new Set([...from.snapshot.languages, ...to.snapshot.languages])];
  const sections = to.snapshot.sections.map((section) => {
    const previous = from.snapshot.sections.find((s) => s.key === section.key);
    const texts = Object.fromEntries(
      languages.map((lang) => [
        lang,
        compare(previous?.texts[lang]?.text ?? '', section.texts[lang]?.text ?? ''),
      ]),
    );
    const data = compare(pretty(previous?.data), pretty(section.data));
    return {
      key: section.key,
      changed: data.changed || Object.values(texts).some((t) => t.changed),
      texts,
      data,
    };
  });
  return { from: a, to: b, languages, sections };
}
