import { defineConfig } from 'vite';

/**
 * Builds the bench page into `bench/` inside the app's build folder, so one static server
 * serves both and the page can fetch the app's bundled digits.
 * Run by bench/run.mjs: `vite build --config bench/vite.config.ts --outDir <app build>/bench`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  build: { target: 'es2022', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
});
