import { describe, expect, it, vi } from 'vitest';
import type { DeviceLostError } from './device-loss';
import { DeviceWatch } from './device-loss';

/** tfjs' WebGL backend as the watch sees it: a context on a canvas that can lose it. */
function webgl() {
  const canvas = new EventTarget();
  let lost = false;
  const gl = { canvas, isContextLost: () => lost };
  const lose = () => {
    lost = true;
    canvas.dispatchEvent(new Event('webglcontextlost'));
  };
  return { internals: { gpgpu: { gl } }, lose };
}

/** A promise that settles only when told to. */
function pending<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('DeviceWatch', () => {
  it('hears a WebGL context lost while no run races, once', () => {
    const { internals, lose } = webgl();
    const heard: DeviceLostError[] = [];
    const watch = new DeviceWatch('webgl', (lost) => heard.push(lost), internals);
    expect(watch.lost).toBe(false);
    lose();
    lose();
    expect(watch.lost).toBe(true);
    expect(heard.map((lost) => lost.message)).toEqual(['the WebGL context was lost']);
    expect(watch.error().backend).toBe('webgl');
  });

  it('leaves a loss during a run to the run: its race rejects, and nothing else hears it', async () => {
    const { internals, lose } = webgl();
    const onLoss = vi.fn();
    const watch = new DeviceWatch('webgl', onLoss, internals);
    const work = pending<number>();
    const raced = watch.race(work.promise);
    lose();
    await expect(raced).rejects.toThrow('the WebGL context was lost');
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('hears nothing once it has let go of the device', () => {
    const { internals, lose } = webgl();
    const onLoss = vi.fn();
    const watch = new DeviceWatch('webgl', onLoss, internals);
    watch.abandon();
    lose();
    expect(watch.abandoned).toBe(true);
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('hears a WebGPU device lost while idle, with the browser’s words', async () => {
    const lost = pending<GPUDeviceLostInfo>();
    const heard = pending<DeviceLostError>();
    const internals = { device: { lost: lost.promise } };
    new DeviceWatch('webgpu', heard.resolve, internals);
    lost.resolve({ reason: 'destroyed', message: 'the adapter went away' } as GPUDeviceLostInfo);
    expect((await heard.promise).message).toBe(
      'the WebGPU device was lost (the adapter went away)',
    );
  });
});
