import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressAssets } from './vite-precompress.ts';

// The web app lives in src/web; the server serves the build from dist/web (SPA fallback), with the
// .br/.gz copies written beside each file at build time.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompressAssets()],
  resolve: {
    // Built-in Temporal where the browser has it; the polyfill is fetched only where it does not.
    alias: [
      {
        find: /^temporal-polyfill$/,
        replacement: fileURLToPath(new URL('./src/web/temporal.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
