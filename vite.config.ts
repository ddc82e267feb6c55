import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { HEADER_POLICY, META_POLICY } from './src/shared/content-policy.ts';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/**
 * Writes the Content-Security-Policy into the built index.html. Build only: the dev server's
 * hot reload injects inline scripts the policy refuses.
 */
const contentPolicy = (): Plugin => ({
  name: 'layerwise-content-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  plugins: [react(), contentPolicy()],
  // Recorded in what the studio exports, so a file says which Layerwise made it.
  define: { __APP_VERSION__: JSON.stringify(version) },
  base: './',
  // 'es' keeps the worker's dynamic imports (the WebGPU backend) as separate chunks.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  server: { host: '127.0.0.1', port: 5173 },
  // The header covers what the meta tag cannot: the workers (a worker follows its own
  // script's headers, not the page's meta tag) and framing. A static host should send it too.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: { 'Content-Security-Policy': HEADER_POLICY },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
