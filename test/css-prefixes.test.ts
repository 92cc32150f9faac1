// One kit: every area's sheet (src/web/routes/<area>/*.css) styles only its own classes, all of them
// under the area's one prefix, and the kit (src/web/styles.css) styles none of them. An area that
// needs a kit element styled differently gives that element a class of its own (or the kit grows
// a variant), so no sheet can restyle another's classes depending on which page loaded first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../src/web');
const ROUTES = path.join(WEB, 'routes');

/** Area (a folder under routes/, or a sheet directly in routes/) → the prefix of its classes. */
const PREFIX: Record<string, string> = {
  campaign: 'cp',
  creators: 'cr',
  escalations: 'esc',
  'history-link': 'history-link',
  launch: 'lc',
  measurement: 'ms',
  meetings: 'mt',
  notifications: 'nt',
  retrospective: 'retro',
  tracker: 'tk',
};

function sheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sheets(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

function areaOf(file: string): string {
  const [first] = path.relative(ROUTES, file).split(path.sep);
  return first!.endsWith('.css') ? first!.slice(0, -'.css'.length) : first!;
}

/** Every class a sheet's selectors name, with the selector it is in (comments and at-rules skipped). */
function selectorClasses(file: string): Array<{ className: string; selector: string }> {
  const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: Array<{ className: string; selector: string }> = [];
  for (const match of css.matchAll(/([^{};]+)\{/g)) {
    const selector = match[1]!.trim().replace(/\s+/g, ' ');
    if (selector.startsWith('@')) continue;
    for (const name of selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g))
      found.push({ className: name[1]!, selector });
  }
  return found;
}

const own = (className: string, prefix: string) => className === prefix || className.startsWith(`${prefix}-`);

describe('class prefixes', () => {
  const areaSheets = sheets(ROUTES);

  it('knows every area that has a sheet, each with a prefix of its own', () => {
    expect(areaSheets.length).toBeGreaterThan(0);
    const unknown = [...new Set(areaSheets.map(areaOf))].filter((area) => !PREFIX[area]);
    expect(unknown).toEqual([]);
    const prefixes = Object.values(PREFIX);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('an area sheet declares only classes under its area’s prefix', () => {
    const off = areaSheets.flatMap((file) => {
      const prefix = PREFIX[areaOf(file)] ?? '(none)';
      return selectorClasses(file)
        .filter(({ className }) => !own(className, prefix))
        .map(({ className, selector }) => `${path.relative(WEB, file)}: .${className} in "${selector}"`);
    });
    expect(off).toEqual([]);
  });

  it('the kit sheet declares no area’s classes', () => {
    const prefixes = Object.values(PREFIX);
    const off = selectorClasses(path.join(WEB, 'styles.css'))
      .filter(({ className }) => prefixes.some((prefix) => own(className, prefix)))
      .map(({ className, selector }) => `styles.css: .${className} in "${selector}"`);
    expect(off).toEqual([]);
  });
});
