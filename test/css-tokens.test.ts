// One kit: every font size in the web app comes from the type scale and every padding, margin and
// gap from the spacing scale (tokens in src/web/styles.css :root), so the app cannot drift back to
// dozens of near-identical sizes. Relative sizes (em) and hairlines (1px) are allowed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../src/web');

function sheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sheets(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

/** Declarations as `file:line selector-ish property: value`, outside the :root token blocks. */
function declarations(property: RegExp): Array<{ where: string; value: string }> {
  const found: Array<{ where: string; value: string }> = [];
  for (const file of sheets(WEB)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(new RegExp(`(?:^|[;{\\s])(${property.source}):\\s*([^;}]+)`, 'g'))) {
        found.push({
          where: `${path.relative(WEB, file)}:${index + 1} ${match[1]}`,
          value: match[2]!.trim(),
        });
      }
    });
  }
  return found;
}

// Room kept on purpose, not spacing: the zone picker's input leaves space for its offset label.
const RESERVED = new Set(['styles.css padding-right: 130px']);

describe('design tokens', () => {
  it('declares the type and spacing scales', () => {
    const root = fs.readFileSync(path.join(WEB, 'styles.css'), 'utf8');
    const fontSizes = [...root.matchAll(/--font-size-[\w-]+:\s*([\d.]+px)/g)].map((m) => m[1]);
    const spaces = [...root.matchAll(/--space-[\w-]+:\s*(\d+px)/g)].map((m) => m[1]);
    expect(fontSizes.length).toBeGreaterThanOrEqual(6);
    expect(fontSizes.length).toBeLessThanOrEqual(12);
    expect(spaces.length).toBeGreaterThanOrEqual(8);
    expect(spaces.length).toBeLessThanOrEqual(16);
  });

  it('uses only the type scale for font sizes', () => {
    const off = declarations(/font-size/).filter(
      (d) =>
        !/^var\(--font-size-[\w-]+\)$/.test(d.value) && !/^[\d.]+em$/.test(d.value) && d.value !== 'inherit',
    );
    expect(off.map((d) => `${d.where}: ${d.value}`)).toEqual([]);
  });

  it('uses only the spacing scale for padding, margin and gap', () => {
    const off = declarations(/(?:padding|margin)(?:-[a-z-]+)?|(?:row-|column-)?gap/).filter((d) => {
      const literals = [...d.value.matchAll(/-?\d+(?:\.\d+)?(?:px|rem)/g)].map((m) => m[0]);
      const stray = literals.filter((v) => v !== '1px' && v !== '-1px');
      if (!stray.length) return false;
      const key = `${d.where.split(':')[0]} ${d.where.split(' ').at(-1)}: ${d.value}`;
      return !RESERVED.has(key);
    });
    expect(off.map((d) => `${d.where}: ${d.value}`)).toEqual([]);
  });
});
