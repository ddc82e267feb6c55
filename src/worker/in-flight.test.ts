import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight';

/** A task that settles only when told to. */
function pending<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('InFlight', () => {
  it('is idle at once with nothing under way, and once the last task settles', async () => {
    const inFlight = new InFlight();
    await inFlight.idle();
    const first = pending<number>();
    const second = pending<number>();
    const a = inFlight.track(() => first.promise);
    const b = inFlight.track(() => second.promise);
    let idle = false;
    const waiting = inFlight.idle().then(() => (idle = true));
    first.resolve(1);
    expect(await a).toBe(1);
    expect(idle).toBe(false);
    second.resolve(2);
    expect(await b).toBe(2);
    await waiting;
    expect(idle).toBe(true);
  });

  it('gives up tasks that can never settle, rejecting each with the reason, and is idle again', async () => {
    const inFlight = new InFlight();
    const never = new Promise<number>(() => undefined);
    const task = inFlight.track(() => never);
    const waiting = inFlight.idle();
    inFlight.abandon(new Error('The GPU was lost'));
    await expect(task).rejects.toThrow('The GPU was lost');
    await waiting;
    // A task started after the abandon is counted afresh.
    const later = pending<string>();
    const next = inFlight.track(() => later.promise);
    let idle = false;
    const again = inFlight.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    later.resolve('done');
    expect(await next).toBe('done');
    await again;
  });
});
