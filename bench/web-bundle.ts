// What the browser downloads before the first screen: the entry script, every chunk it imports
// statically (index.html preloads them), and the catalogue of the language on screen. Page chunks
// load when their page first opens and are reported apart. Sizes raw, gzip and brotli.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Benchmark, Figure } from './lib/report.ts';
import { log } from './lib/report.ts';
import { ROOT } from './lib/server.ts';

const DIST = path.join(ROOT, 'dist/web');
const KB = 1024;

function sizes(files: readonly string[]) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(DIST, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(bytes).length;
  }
  return { raw: raw / KB, gzip: gzip / KB, brotli: brotli / KB };
}

/** The chunk a module imports statically (`import … from "./x.js"`), followed to the end. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(path.join(DIST, file), 'utf8');
    for (const match of source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"';()]*?from\s*)?"(\.\/[^"]+\.js)"/g)) {
      visit(path.posix.join(path.posix.dirname(file), match[1]!));
    }
  };
  visit(entry);
  return [...seen];
}

const bundle: Benchmark = {
  name: 'web-bundle',
  description: 'JavaScript the first screen needs, per language, after `vite build`',
  async run() {
    log('building the web app');
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\/([^"]+\.js)"/.exec(html)?.[1];
    if (!entry) throw new Error('no entry script in dist/web/index.html');
    const first = staticClosure(entry);
    const assets = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    // The first screen loads its language's core catalogue (src/shared/i18n/catalog/<locale>/core.ts);
    // the rest (pages.ts) comes with the first page needing it. Told apart by a Russian string.
    const isCatalogue = (f: string) => /^(core|pages)-[\w-]+\.js$/.test(f);
    const catalogue = (locale: string) => {
      const file = assets.find(
        (f) =>
          /^core-[\w-]+\.js$/.test(f) &&
          fs.readFileSync(path.join(DIST, 'assets', f), 'utf8').includes('Загрузка') === (locale === 'ru'),
      );
      return file ? [`assets/${file}`] : [];
    };
    const all = sizes(assets.map((f) => `assets/${f}`));
    const pages = assets.filter((f) => !first.includes(`assets/${f}`) && !isCatalogue(f));
    const largestPage = pages
      .map((f) => ({ f, raw: fs.statSync(path.join(DIST, 'assets', f)).size / KB }))
      .sort((a, b) => b.raw - a.raw)[0];
    const figures: Figure[] = [];
    for (const locale of ['en', 'ru']) {
      const s = sizes([...first, ...catalogue(locale)]);
      figures.push(
        {
          metric: `first screen JS, ${locale} (uncompressed)`,
          value: Math.round(s.raw),
          unit: 'KB',
          target: { op: '<', value: 300 },
        },
        { metric: `first screen JS, ${locale} (gzip)`, value: Math.round(s.gzip), unit: 'KB' },
        { metric: `first screen JS, ${locale} (brotli)`, value: Math.round(s.brotli), unit: 'KB' },
      );
    }
    figures.push(
      { metric: 'all JS chunks (uncompressed)', value: Math.round(all.raw), unit: 'KB' },
      { metric: 'chunks loaded on demand', value: pages.length, unit: 'files' },
      {
        metric: 'largest on-demand chunk',
        value: largestPage ? Math.round(largestPage.raw) : null,
        unit: 'KB',
        note: largestPage?.f,
      },
    );
    return {
      figures,
      notes: [
        `first screen: ${first.length} files (${first.map((f) => path.basename(f)).join(', ')}) + the catalogue`,
      ],
    };
  },
};

export default bundle;
