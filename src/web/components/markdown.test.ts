import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('reads the blocks both the brief and the tracker write', () => {
    const out = html(
      '# Title\n## Sub\n\nline one\nline two\n\n- a\n+ b\n* c\n  more of c\n\n1. one\n2) two\n\n> quoted',
    );
    expect(out).toContain('<p class="markdown-h markdown-h1">Title</p>');
    expect(out).toContain('<p class="markdown-h markdown-h2">Sub</p>');
    expect(out).toContain('<p>line one<br/>line two</p>');
    expect(out).toContain('<ul><li>a</li><li>b</li><li>c more of c</li></ul>');
    expect(out).toContain('<ol><li>one</li><li>two</li></ol>');
    expect(out).toContain('<blockquote>quoted</blockquote>');
  });

  it('reads bold, italic, code, links and bare addresses', () => {
    const out = html('**b** __b2__ *i* _i2_ `x*y*` [site](https://example.com) see https://a.test/p.');
    expect(out).toContain('<strong>b</strong>');
    expect(out).toContain('<strong>b2</strong>');
    expect(out).toContain('<em>i</em>');
    expect(out).toContain('<em>i2</em>');
    expect(out).toContain('<code>x*y*</code>');
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener">site</a>');
    expect(out).toContain(
      '<a href="https://a.test/p" target="_blank" rel="noreferrer noopener">https://a.test/p</a>.',
    );
    expect(html('[mail](mailto:a@b.test)')).toContain('href="mailto:a@b.test"');
    expect(html('2 * 3 * 4')).not.toContain('<em>');
  });

  it('never injects markup or opens unsafe links', () => {
    const out = html('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img');
    expect(out).not.toContain('href="javascript');
    expect(out).not.toContain('href="data');
    expect(out).toContain('[x](javascript:alert(1))');
  });
});
