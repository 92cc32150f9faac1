// A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of
// the build, so the server sends them as they are (@fastify/static `preCompressed`) instead of
// compressing the same bundle again on every request. What every user downloads is compressed at
// the highest levels; source maps (only opened with the developer tools, four times the size, and
// ten seconds at those levels) at a quick one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats a build emits; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest|ico)$/i;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

async function precompress(file: string): Promise<void> {
  const source = await fs.readFile(file);
  const best = !file.endsWith('.map');
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: best ? 10 : 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzip(source, { level: best ? zlib.constants.Z_BEST_COMPRESSION : 6 }),
  ]);
  // A copy that is not smaller is not written: the server then sends the file itself.
  await Promise.all([
    br.length < source.length ? fs.writeFile(`${file}.br`, br) : undefined,
    gz.length < source.length ? fs.writeFile(`${file}.gz`, gz) : undefined,
  ]);
}

export function precompressAssets(): Plugin {
  return {
    name: 'tandem:precompress',
    apply: 'build',
    // Rolldown warns when plugins take a large share of a build: here two seconds of compression
    // are the point, and the warning would be printed on every build (and every test run).
    config: () => ({ build: { rolldownOptions: { checks: { bundlerTimings: false } } } }),
    // After every file (including the copied public/ ones) is on disk.
    async writeBundle(options) {
      const dir = options.dir;
      if (!dir) return;
      const queue: string[] = [];
      for await (const file of files(dir)) if (COMPRESSIBLE.test(file)) queue.push(file);
      // A few at a time: zlib runs on the libuv pool, the machine may be small.
      const workers = Array.from({ length: 4 }, async () => {
        for (let file = queue.pop(); file !== undefined; file = queue.pop()) await precompress(file);
      });
      await Promise.all(workers);
    },
  };
}
