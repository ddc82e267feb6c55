import { describe, expect, it } from 'vitest';
import { Heartbeat } from './heartbeat';

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
});
