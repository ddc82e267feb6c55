// Set-up shared by the ingest benchmarks when run on their own (not through run.mjs): build
// the studio into the bench cache, serve it, and launch Chromium with the software-GPU flags
// run.mjs uses, so the numbers compare with its report.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds (unless `noBuild`) and serves the studio, and launches Chromium; `use` gets the
 * browser and the server's URL, and both are closed afterwards, whatever happens.
 *
 * @param {{ noBuild: boolean }} options
 * @param {(browser: import('@playwright/test').Browser, url: string) => Promise<void>} use
 */
export async function withStandaloneStudio({ noBuild }, use) {
  const { chromium } = await import('@playwright/test');
  const { findChromium } = await import('../scripts/find-chromium.mjs');
  const { QUIET, WEBGL } = await import('../scripts/chromium-flags.mjs');
  const { serveStatic } = await import('./serve.mjs');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = join(root, 'node_modules', '.cache', 'layerwise-bench', 'app');
  if (!noBuild) {
    const args = ['vite', 'build', '--outDir', build, '--emptyOutDir', '--logLevel', 'warn'];
    const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('The studio build failed; see above.');
  }
  const server = await serveStatic(build);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...QUIET, '--enable-precise-memory-info', ...WEBGL],
  });
  try {
    await use(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}
