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
    device.advance(1);
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
    const queue = new DeviceQueue(device.fence, { ...LIMITS, minDepth: 4 }, device.clock);
    for (let i = 0; i < 4; i++) await queueOne(queue);
    // Four pieces of 40 ms each, seen two at a time: a piece is 40 ms, not 0.
    device.advance(80);
    await device.finish(2);
    device.advance(80);
    await device.finish(2);
    expect(queue.depth).toBe(4);
  });

  it('times a piece queued on an idle device from when it was queued', async () => {
    const device = fakeDevice();
    const queue = new DeviceQueue(device.fence, LIMITS, device.clock);
    await queueOne(queue);
    device.advance(100);
    await device.finish();
    expect(queue.depth).toBe(2);
    // Idle for a second (a pause), then a piece of 10 ms: not 1,010 ms.
    device.advance(1000);
    await queueOne(queue);
    device.advance(10);
    await device.finish();
    expect(queue.depth).toBe(5);
  });
});
