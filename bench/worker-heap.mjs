/**
 * The JS heap of a page's dedicated worker, after a full garbage collection. Playwright opens
 * DevTools sessions on pages only, so this attaches to the worker from a browser-wide session
 * and speaks to it through `Target.sendMessageToTarget`.
 */

import { parseSnapshot } from './heap-snapshot.mjs';

/**
 * A reader of the heap of the first worker whose URL contains `urlPart`, or null when the
 * browser does not offer one. `read()` resolves to bytes used after a collection, or null;
 * `snapshot()` to a heap snapshot.
 * @param {import('@playwright/test').Browser} browser
 */
export async function workerHeapReader(browser, urlPart) {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
  if (!target) {
    await session.detach();
    return null;
  }
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 1;
  const waiting = new Map();
  /** Chunks of the heap snapshot under way, or null when none is. */
  let chunks = null;
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') {
      chunks?.push(message.params.chunk);
      return;
    }
    const done = waiting.get(message.id);
    if (!done) return;
    waiting.delete(message.id);
    if (message.error) done.reject(new Error(message.error.message));
    else done.resolve(message.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  return {
    async read() {
      try {
        await send('HeapProfiler.collectGarbage');
        const { usedSize } = await send('Runtime.getHeapUsage');
        return usedSize;
      } catch {
        return null;
      }
    },
    /** A heap snapshot of the worker after a collection, parsed (heap-snapshot.mjs). */
    async snapshot() {
      chunks = [];
      try {
        await send('HeapProfiler.collectGarbage');
        await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        return parseSnapshot(JSON.parse(chunks.join('')));
      } finally {
        chunks = null;
      }
    },
    async close() {
      await session.detach().catch(() => {});
    },
  };
}
