import { describe, expect, it } from 'vitest';
import { HEARTBEAT, Heartbeat, silenceAllowanceMs } from './heartbeat';

const timing = { intervalMs: 1000, timeoutMs: 10_000 };

/** Ticks every interval from `from` to `to` (inclusive), returning the last verdict. */
function tickThrough(beat: Heartbeat, from: number, to: number): string {
  let verdict = '';
  for (let t = from; t <= to; t += timing.intervalMs) verdict = beat.tick(t);
  return verdict;
}

describe('Heartbeat', () => {
  it('keeps pinging while the worker answers', () => {
    const beat = new Heartbeat(0, timing);
    for (let t = 1000; t <= 60_000; t += 1000) {
      expect(beat.tick(t)).toBe('ping');
      beat.heard(t + 5);
    }
  });

  it('waits out a silence up to the timeout, and no longer', () => {
    const beat = new Heartbeat(0, timing);
    expect(tickThrough(beat, 1000, 10_000)).toBe('ping');
    expect(beat.tick(11_000)).toBe('stopped');
  });

  it('counts the silence from the last answer, not from the start', () => {
    const beat = new Heartbeat(0, timing);
    tickThrough(beat, 1000, 8000);
    beat.heard(8000);
    expect(tickThrough(beat, 9000, 18_000)).toBe('ping');
    expect(beat.tick(19_000)).toBe('stopped');
  });

  it('starts the wait again after the page itself was suspended', () => {
    const beat = new Heartbeat(0, timing);
    tickThrough(beat, 1000, 3000);
    // The tab was frozen for an hour: nobody could answer meanwhile.
    expect(beat.tick(3_603_000)).toBe('ping');
    expect(tickThrough(beat, 3_604_000, 3_613_000)).toBe('ping');
    expect(beat.tick(3_614_000)).toBe('stopped');
  });

  it('counts a stalled page as silence when the stall is shorter than the timeout', () => {
    const beat = new Heartbeat(0, timing);
    expect(beat.tick(6000)).toBe('ping');
    expect(beat.tick(12_000)).toBe('stopped');
  });

  it('ignores an answer older than the latest', () => {
    const beat = new Heartbeat(0, timing);
    beat.heard(9000);
    beat.heard(2000);
    expect(tickThrough(beat, 1000, 19_000)).toBe('ping');
  });

  it('allows a longer silence only when told so, and asks only once the timeout has passed', () => {
    const beat = new Heartbeat(0, timing);
    let asked = 0;
    const allowance = () => {
      asked++;
      return 25_000;
    };
    for (let t = 1000; t <= 10_000; t += 1000) expect(beat.tick(t, allowance)).toBe('ping');
    expect(asked).toBe(0);
    for (let t = 11_000; t <= 25_000; t += 1000) expect(beat.tick(t, allowance)).toBe('ping');
    expect(beat.tick(26_000, allowance)).toBe('stopped');
    expect(beat.silenceMs(26_000)).toBe(26_000);
  });
});

describe('silenceAllowanceMs', () => {
  // Small ResNet on the digits: 18.9 MFLOPs per example (src/model/analyse.ts).
  const smallResnet = 18_851_776;

  it('keeps the timeout on the GPU backends, whatever the network', () => {
    expect(silenceAllowanceMs('webgl', smallResnet, 512)).toBe(HEARTBEAT.timeoutMs);
    expect(silenceAllowanceMs('webgpu', smallResnet, 512)).toBe(HEARTBEAT.timeoutMs);
    expect(silenceAllowanceMs(undefined, smallResnet, 512)).toBe(HEARTBEAT.timeoutMs);
  });

  it('keeps the timeout on the CPU for a small network', () => {
    expect(silenceAllowanceMs('cpu', 674_048, 64)).toBe(HEARTBEAT.timeoutMs);
  });

  it("on the CPU, outlasts a large network's step, measured at 37 s for 64 digits", () => {
    const allowed = silenceAllowanceMs('cpu', smallResnet, 64);
    expect(allowed).toBeGreaterThanOrEqual(4 * 37_000);
  });

  it('grows with the batch once a step outweighs an evaluation batch', () => {
    const at64 = silenceAllowanceMs('cpu', smallResnet, 64);
    const at512 = silenceAllowanceMs('cpu', smallResnet, 512);
    expect(at512 / at64).toBeCloseTo((3 * 512) / 256, 1);
  });
});
