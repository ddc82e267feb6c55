import { describe, expect, it } from 'vitest';
import { DeviceQueue, type QueueLimits } from './device-queue';

const LIMITS: QueueLimits = { minDepth: 2, maxDepth: 8, budgetMs: 50 };

/** A device whose pieces finish only when told to, with a clock the test moves. */
function fakeDevice() {
  const fences: (() => void)[] = [];
  let now = 0;
  const fence = () => new Promise<void>((resolve) => fences.push(resolve));
  return {
    fence,
    clock: () => now,
    advance: (ms: number) => (now += ms),
    /** Lets the oldest `count` unfinished pieces finish, all in one poll. */
    finish: async (count = 1) => {
      for (const resolve of fences.splice(0, count)) resolve();
      await flush();
    },
    get unfinished() {
      return fences.length;
    },
  };
}

/** Lets every settled promise's callbacks run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Queues one piece; says whether the caller could go on at once. */
async function queueOne(
  queue: DeviceQueue,
): Promise<{ waited: () => boolean; done: Promise<void> }> {
  let returned = false;
  const done = queue.queued().then(() => {
    returned = true;
  });
  await flush();
  return { waited: () => !returned, done };
}

describe('DeviceQueue', () => {
  it('never waits where the backend has no fence', async () => {
    const queue = new DeviceQueue(null, LIMITS);
    for (let i = 0; i < 50; i++) await queue.queued();
    expect(queue.depth).toBe(2);
  });

  it('lets the worker queue the least depth, then waits for the oldest piece', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    expect((await queueOne(queue)).waited()).toBe(false);
    expect((await queueOne(queue)).waited()).toBe(false);
    const third = await queueOne(queue);
    expect(third.waited()).toBe(true);
    device.advance(100);
    await device.finish();
    await third.done;
    expect(third.waited()).toBe(false);
    expect(device.unfinished).toBe(2);
  });

  it('holds more pieces while each takes little device time, up to the most allowed', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) waits.push((await queueOne(queue)).done);
    // Each piece takes 10 ms: 50 ms holds five.
    for (let i = 0; i < 3; i++) {
      device.advance(10);
      await device.finish();
    }
    await Promise.all(waits);
    expect(queue.depth).toBe(5);
    // Pieces of 1 ms: the budget would hold fifty, the limit allows eight.
    for (let i = 0; i < 8; i++) {
      await queueOne(queue);
      device.advance(1);
      await device.finish();
    }
    expect(queue.depth).toBe(8);
  });

  it('averages over a poll that passes several fences at once', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, { ...LIMITS, minDepth: 1 }, device.clock);
    for (let i = 0; i < 4; i++) await queueOne(queue);
    // Pieces of 20 ms, seen two at a time: a piece is 20 ms (50 ms holds two), not 0.
    device.advance(40);
    await device.finish(2);
    device.advance(40);
    await device.finish(2);
    expect(queue.depth).toBe(2);
  });

  it('follows a change of pace within the last few pieces', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    await queueOne(queue);
    for (let i = 0; i < 9; i++) {
      await queueOne(queue);
      device.advance(100);
      await device.finish();
    }
    expect(queue.depth).toBe(2);
    // Eight pieces of 5 ms: 50 ms would hold ten, the limit allows eight.
    for (let i = 0; i < 8; i++) {
      await queueOne(queue);
      device.advance(5);
      await device.finish();
    }
    expect(queue.depth).toBe(8);
  });

  it('waits for as many pieces as it takes when the device slows down', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    for (let i = 0; i < 2; i++) await queueOne(queue);
    for (let i = 0; i < 2; i++) {
      device.advance(10);
      await device.finish();
    }
    for (let i = 0; i < 5; i++) expect((await queueOne(queue)).waited()).toBe(false);
    // Now each piece takes 100 ms: the queue may hold two, so the next call waits until only
    // two are unfinished, not just for one piece.
    const next = await queueOne(queue);
    let finishes = 0;
    while (next.waited()) {
      device.advance(100);
      await device.finish();
      finishes++;
    }
    expect(finishes).toBeGreaterThan(1);
    expect(device.unfinished).toBeLessThanOrEqual(queue.depth);
  });

  it('starts timing afresh once the device has run out of work', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    await queueOne(queue);
    await queueOne(queue);
    device.advance(100);
    await device.finish();
    device.advance(100);
    await device.finish();
    expect(queue.depth).toBe(2);
    // Idle for a second (a pause); then pieces of 10 ms, timed among themselves.
    device.advance(1000);
    await queueOne(queue);
    await queueOne(queue);
    device.advance(10);
    await device.finish();
    expect(queue.depth).toBe(2);
    device.advance(10);
    await device.finish();
    expect(queue.depth).toBe(5);
  });
});
