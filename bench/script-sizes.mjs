/**
 * Gzip sizes of the scripts a page fetched, read from the build folder the bench serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Sums the gzip size (level 9, as a static host would precompress) of each script once,
 * separately for the page's main thread and for its workers.
 * @param {{ url: string, context: string }[]} scripts
 * @param {string} baseUrl the server's root URL
 * @param {string} root the folder it serves
 */
export function scriptSizes(scripts, baseUrl, root) {
  const seen = new Map();
  for (const { url, context } of scripts) {
    if (!url.startsWith(baseUrl)) continue;
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    const key = `${context}:${path}`;
    if (seen.has(key)) continue;
    let gzipBytes = 0;
    try {
      gzipBytes = gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
    } catch {
      continue;
    }
    seen.set(key, { path, context, gzipBytes });
  }
  const files = [...seen.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
  const total = (context) =>
    files.filter((f) => f.context === context).reduce((sum, f) => sum + f.gzipBytes, 0);
  return { pageJsGzipBytes: total('page'), workerJsGzipBytes: total('worker'), scripts: files };
}
