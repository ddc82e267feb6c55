import { defineConfig } from '@playwright/test';
import { QUIET, WEBGL, WEBGPU } from './scripts/chromium-flags.mjs';
import { findChromium } from './scripts/find-chromium.mjs';

const PORT = 4173;
const executablePath = findChromium();

const browser = (args: string[]) => ({
  browserName: 'chromium' as const,
  launchOptions: { executablePath, args: [...QUIET, ...args] },
});

export default defineConfig({
  testDir: 'e2e',
  // Software GPUs saturate both cores; parallel browsers only slow each other down.
  workers: 1,
  // Shared, noisy machines with a software GPU: two MNIST epochs take 2–4 minutes.
  timeout: 420_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}/`, trace: 'retain-on-failure' },
  projects: [
    // No WebGPU adapter here, so the automatic choice falls back to WebGL.
    { name: 'webgl', use: browser(WEBGL), testIgnore: 'device-loss-webgpu.spec.ts' },
    {
      name: 'webgpu',
      use: browser([...WEBGL, ...WEBGPU]),
      testMatch: ['backends.spec.ts', 'device-loss-webgpu.spec.ts'],
    },
    { name: 'cpu', use: browser(WEBGL), testMatch: 'backends.spec.ts' },
  ],
  webServer: {
    command: `npx vite preview --strictPort --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
