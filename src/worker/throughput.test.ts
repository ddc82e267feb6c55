import { describe, expect, it } from 'vitest';
import { Throughput } from './throughput';

describe('Throughput', () => {
  it('counts only the time spent training', () => {
    let t = 0;
    const speed = new Throughput(() => t);
    t = 1000;
    speed.add(100);
    expect(speed.perSecond()).toBe(100);
    speed.hold();
    t = 60_000; // a long pause
    speed.go();
    t = 61_000;
    speed.add(100);
    expect(speed.perSecond()).toBe(100);
  });

  it('is zero before any time has passed', () => {
    expect(new Throughput(() => 5).perSecond()).toBe(0);
  });
});
