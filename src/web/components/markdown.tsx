import { Fragment, type ReactNode } from 'react';

// A small, safe Markdown reader for brief texts: paragraphs, headings, bullet and numbered lists,
// quotes, **bold**, *italic*, `code` and [links](https://…). Output is React elements, never HTML
// strings, so nothing a colleague types can run in someone else's browser.

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
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
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

const INLINE = /(\*\*[^*\n]+\*\*|__[^_\n]+__|\*[^*\n]+\*|_[^_\n]+_|`[^`\n]+`|\[[^\]\n]+\]\([^)\s]+\))/;

function inline(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  const parts = text.split(INLINE);
  parts.forEach((part, index) => {
    if (!part) return;
    const key = `${keyPrefix}-${index}`;
    if ((part.startsWith('**') && part.endsWith('**')) || (part.startsWith('__') && part.endsWith('__'))) {
      out.push(<strong key={key}>{inline(part.slice(2, -2), key)}</strong>);
    } else if (
      part.length > 2 &&
      ((part.startsWith('*') && part.endsWith('*')) || (part.startsWith('_') && part.endsWith('_')))
    ) {
      out.push(<em key={key}>{inline(part.slice(1, -1), key)}</em>);
    } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      out.push(<code key={key}>{part.slice(1, -1)}</code>);
    } else if (part.startsWith('[')) {
      const match = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      const href = match?.[2] ?? '';
      if (match && /^(https?:|mailto:)/i.test(href)) {
        out.push(
          <a key={key} href={href} target="_blank" rel="noreferrer noopener">
            {match[1]}
          </a>,
        );
      } else {
        out.push(<Fragment key={key}>{part}</Fragment>);
      }
    } else {
      // Keep single line breaks inside a paragraph.
      // Keys are positions: the output is rebuilt from the text on every render, never reordered.
      const lines = part.split('\n');
      lines.forEach((line, lineIndex) => {
        const lineKey = `${key}-${lineIndex}`;
        if (lineIndex > 0) out.push(<br key={`${lineKey}-br`} />);
        if (line) out.push(<Fragment key={lineKey}>{line}</Fragment>);
      });
    }
  });
  return out;
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = parseBlocks(text);
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
