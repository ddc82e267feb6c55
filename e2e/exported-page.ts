import type { Browser, Page } from '@playwright/test';

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  json: 'application/json',
  bin: 'application/octet-stream',
};

/**
 * The index.html of an exported zip, opened in a new page with the unzipped `files` served
 * from their own origin, as a user's local server would serve the folder.
 */
export async function openExportedPage(
  browser: Browser,
  files: Record<string, Uint8Array>,
): Promise<Page> {
  const page = await browser.newPage();
  const origin = 'http://exported-model.localhost';
  await page.route(`${origin}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1) || 'index.html';
    const body = files[name];
    if (!body) return route.fulfill({ status: 404 });
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, body: Buffer.from(body), contentType: type });
  });
  await page.goto(`${origin}/index.html`);
  return page;
}
