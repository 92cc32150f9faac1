/**
 * When is a translation out of date? See README.md in this folder for the rule and examples.
 * `texts` maps language → { revision, basedOn }.
 */
export interface TextVersionInfo {
  revision: number;
  basedOn: Record<string, number>;
}

/** The languages whose text changed after `language`'s text was written or confirmed against them. */
export function staleAgainst(language: string, texts: Record<string, TextVersionInfo | undefined>): string[] {
  const own = texts[language];
  const result: string[] = [];
  for (const [other, info] of Object.entries(texts)) {
    if (other === language || !info || info.revision === 0) continue;
    if ((own?.basedOn[other] ?? 0) < info.revision) result.push(other);
  }
  return result;
}

/**
 * The bookkeeping for an edit of `language`: the new text is written against the current state
 * of every other language. An edit that catches up with a language it was stale against counts
 * as that language's translation, so the twin is marked in step too and not flagged in return.
 */
export function afterEdit(
  language: string,
  texts: Record<string, TextVersionInfo | undefined>,
): { edited: TextVersionInfo; twinsInStep: string[] } {
  const caughtUp = staleAgainst(language, texts);
  const current = texts[language];
  const basedOn: Record<string, number> = {};
  for (const [other, info] of Object.entries(texts))
    if (other !== language && info) basedOn[other] = info.revision;
  return { edited: { revision: (current?.revision ?? 0) + 1, basedOn }, twinsInStep: caughtUp };
}
