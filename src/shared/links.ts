/**
 * True for an absolute http(s) address with a host: the only kind of link Tandem stores or shows.
 * `javascript:`, `data:`, `vbscript:`, relative paths and scheme-relative `//host` are not.
 * Used by the server's request schemas (httpUrl) and by the web app before rendering a link.
 */
export function isHttpUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!/^https?:\/\/[^\s/?#]/i.test(value) || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A stored link as an `href`, or undefined when it is not http(s) (shown as plain text then). */
export const safeHref = (value: string | null | undefined): string | undefined =>
  value && isHttpUrl(value) ? value : undefined;
