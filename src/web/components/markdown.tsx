import { Fragment, type ReactNode } from 'react';

// The one Markdown reader of the web app, for brief texts, task descriptions and comments:
// paragraphs (single line breaks kept), headings (# to ####), bullet and numbered lists (with
// indented continuation lines), quotes, **bold** / __bold__, *italic* / _italic_, `code`,
// [links](https://…) and bare https:// addresses. Output is React elements, never HTML strings,
// so nothing a colleague types can run in someone else's browser; a link opens only http(s) and
// mailto addresses, in a new tab with rel="noreferrer noopener". Any other link stays plain text.

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (list) blocks.push({ kind: 'list', ...list });
    if (quote.length) blocks.push({ kind: 'quote', text: quote.join('\n') });
    paragraph = [];
    list = null;
    quote = [];
  };
  for (const line of lines) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+•]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph.length || quote.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push((bullet?.[1] ?? numbered?.[1] ?? '').trim());
    } else if (quoted) {
      if (paragraph.length || list) flush();
      quote.push(quoted[1] ?? '');
    } else if (list && /^\s{2,}\S/.test(line)) {
      // A continuation line of the last list item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${line.trim()}`;
    } else {
      if (list || quote.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Addresses a link may open: nothing that runs script (javascript:, data:, vbscript:). */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const INLINE =
  /(`[^`\n]+`)|(\*\*[^*\n]+\*\*|__[^_\n]+__)|(\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_)|(\[([^\]\n]+)\]\(([^)\s]+)\))|(https?:\/\/[^\s<]+[^\s<.,;:!?)])/g;

function text(value: string, key: string, out: ReactNode[]) {
  // Keep single line breaks inside a paragraph. Keys are positions: the output is rebuilt from
  // the text on every render, never reordered.
  value.split('\n').forEach((line, index) => {
    const lineKey = `${key}-${index}`;
    if (index > 0) out.push(<br key={`${lineKey}-br`} />);
    if (line) out.push(<Fragment key={lineKey}>{line}</Fragment>);
  });
}

function link(href: string, label: ReactNode, key: string) {
  return (
    <a key={key} href={href} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  );
}

function inline(source: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let index = 0;
  for (const match of source.matchAll(INLINE)) {
    const start = match.index ?? 0;
    const key = `${keyPrefix}-${index++}`;
    if (start > last) text(source.slice(last, start), `${key}t`, out);
    const [token] = match;
    if (match[1]) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (match[2]) out.push(<strong key={key}>{inline(token.slice(2, -2), key)}</strong>);
    else if (match[3]) out.push(<em key={key}>{inline(token.slice(1, -1), key)}</em>);
    else if (match[4]) {
      const href = match[6] ?? '';
      if (SAFE_HREF.test(href)) out.push(link(href, match[5], key));
      else text(token, key, out);
    } else if (match[7]) out.push(link(token, token, key));
    last = start + token.length;
  }
  if (last < source.length) text(source.slice(last), `${keyPrefix}-end`, out);
  return out;
}

export function Markdown({ text: source, className }: { text: string; className?: string }) {
  const blocks = parseBlocks(source);
  return (
    <div className={`markdown${className ? ` ${className}` : ''}`}>
      {blocks.map((block, index) => {
        const key = `b${index}`;
        switch (block.kind) {
          case 'heading':
            return (
              <p key={key} className={`markdown-h markdown-h${block.level}`}>
                {inline(block.text, key)}
              </p>
            );
          case 'quote':
            return <blockquote key={key}>{inline(block.text, key)}</blockquote>;
          case 'list': {
            const items = block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their position
              <li key={i}>{inline(item, `${key}-${i}`)}</li>
            ));
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          default:
            return <p key={key}>{inline(block.text, key)}</p>;
        }
      })}
    </div>
  );
}
