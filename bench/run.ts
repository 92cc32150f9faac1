// Benchmark runner: `npm run bench` runs every benchmark, `npm run bench -- <name> [<name>…]` some,
// `npm run bench -- list` lists them. Figures are printed (and saved to bench/results/<name>.json);
// nothing is asserted, the exit code is non-zero only when a benchmark could not run.
//
// To add a benchmark: create bench/<name>.ts default-exporting a `Benchmark` (see lib/report.ts),
// and register it below. Helpers: lib/server.ts (start/stop real servers), lib/api.ts (set-up
// through the public API), lib/report.ts (figures, median).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Benchmark, type Figure, meets, renderTable } from './lib/report.ts';
import { killAllServers, ROOT, serverEntryExists } from './lib/server.ts';

const registry: Record<string, () => Promise<{ default: Benchmark }>> = {
  foundation: () => import('./foundation.ts'),
  tasks: () => import('./tasks.ts'),
  'board-ui': () => import('./board-ui.ts'),
  slots: () => import('./slots.ts'),
  imports: () => import('./imports.ts'),
  report: () => import('./report.ts'),
  jobs: () => import('./jobs.ts'),
  'notification-sweep': () => import('./notification-sweep.ts'),
  'notification-fanout': () => import('./notification-fanout.ts'),
  'audit-explorer': () => import('./audit-explorer.ts'),
  retrospective: () => import('./retrospective.ts'),
  'web-bundle': () => import('./web-bundle.ts'),
  workloads: () => import('./workloads.ts'),
};

function usage(): string {
  return `usage: npm run bench [-- <name>…]\nbenchmarks: ${Object.keys(registry).join(', ')}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('list') || args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  const unknown = args.filter((a) => !(a in registry));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')}\n${usage()}`);
    return 2;
  }
  if (!serverEntryExists()) {
    console.error('src/server/main.ts does not exist yet: nothing to benchmark.');
    return 1;
  }
  const names = args.length ? args : Object.keys(registry);

  console.log(
    `Tandem benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.availableParallelism()}, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  );
  let failures = 0;
  for (const name of names) {
    const benchmark = (await registry[name]!()).default;
    process.stderr.write(`\n▶ ${benchmark.name}: ${benchmark.description}\n`);
    const t0 = performance.now();
    try {
      const { figures, notes = [] } = await benchmark.run();
      console.log(
        renderTable(`${benchmark.name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`, figures),
      );
      for (const note of notes) console.log(`  note: ${note}`);
      save(name, figures, notes);
    } catch (error) {
      failures++;
      console.error(
        `\n✗ ${name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
    } finally {
      killAllServers();
    }
  }
  return failures ? 1 : 0;
}

function save(name: string, figures: Figure[], notes: string[]): void {
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const record = {
    benchmark: name,
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.availableParallelism(),
    figures: figures.map((f) => ({ ...f, meets: meets(f) })),
    notes,
  };
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

main().then(
  (code) => {
    killAllServers();
    process.exit(code);
  },
  (error) => {
    console.error(error);
    killAllServers();
    process.exit(1);
  },
);
