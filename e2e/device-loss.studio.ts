import type { Page, Worker } from '@playwright/test';

/** The worker that trains: tfjs keeps its engine on its global object. */
export function trainingWorker(page: Page): Worker {
  const worker = page.workers().find((w) => /engine\.worker/.test(w.url()));
  if (!worker) throw new Error('The training worker is not running');
  return worker;
}

/** Loses the training worker's WebGL context, as a driver reset would. */
export async function loseWebGLContext(page: Page): Promise<void> {
  await trainingWorker(page).evaluate(() => {
    type Engine = { backend: { gpgpu: { gl: WebGL2RenderingContext } } };
    const engine = (self as unknown as { _tfengine: Engine })._tfengine;
    engine.backend.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
  });
}

/**
 * Loses the training worker's WebGL context at the first readback from the GPU after the page
 * sends the command `type`: the moment a request of that kind waits on the device.
 */
export async function loseWebGLContextInNext(page: Page, type: string): Promise<void> {
  await trainingWorker(page).evaluate((command) => {
    type Backend = {
      gpgpu: { gl: WebGL2RenderingContext };
      read(dataId: object): Promise<unknown>;
    };
    const backend = (self as unknown as { _tfengine: { backend: Backend } })._tfengine.backend;
    const read = backend.read.bind(backend);
    let armed = false;
    // Armed before the studio's own handler runs: it may reach its first readback at once.
    const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null };
    const handle = scope.onmessage;
    scope.onmessage = (event: MessageEvent<{ type?: string } | null>) => {
      if (event.data?.type === command) armed = true;
      handle?.(event);
    };
    backend.read = (dataId) => {
      if (armed) {
        armed = false;
        backend.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
      }
      return read(dataId);
    };
  }, type);
}

/** The epoch of the checkpoint the studio last stored in IndexedDB, or 0 before it stored one. */
export async function storedCheckpointEpoch(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = 'layerwise-checkpoints';
    // Opened only once the worker has made it: opening it first would make it without its store.
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        const done = (epoch: number) => {
          db.close();
          resolve(epoch);
        };
        if (!db.objectStoreNames.contains('checkpoints')) return done(0);
        const get = db.transaction('checkpoints').objectStore('checkpoints').get('latest');
        get.onsuccess = () => done((get.result as { epoch?: number } | undefined)?.epoch ?? 0);
        get.onerror = () => done(0);
      };
    });
  });
}
