import { describe, expect, it } from 'vitest';
import { frameOf } from './layout';
import { project } from './scale';
import type { ChartData } from './types';

/** Labels 7 px per character, as a 12 px font roughly is. */
const measure = (text: string) => text.length * 7;

const lossChart = (points: { x: number; y: number }[]): ChartData => ({
  series: [{ name: 'train', color: 'blue', points }],
  xLabel: 'step',
  yLabel: 'loss',
});

describe('chart layout', () => {
  it('draws empty axes before the first point', () => {
    const frame = frameOf(lossChart([]), 480, 200, 12, measure);
    expect(frame.x.domain).toEqual([0, 10]);
    expect(frame.y.domain).toEqual([0, 1]);
    expect(frame.xTicks.values.length).toBeGreaterThan(1);
  });

  it('runs the steps from 0 to the last point and fits y to round numbers', () => {
    const frame = frameOf(
      lossChart([
        { x: 10, y: 2.3 },
        { x: 370, y: 0.41 },
      ]),
      480,
      200,
      12,
      measure,
    );
    expect(frame.x.domain).toEqual([0, 370]);
    expect(frame.y.domain[0]).toBeLessThanOrEqual(0.41);
    expect(frame.y.domain[1]).toBeGreaterThanOrEqual(2.3);
    expect(frame.yTicks.labels.every((label) => /^\d(\.\d)?$/.test(label))).toBe(true);
  });

  it('keeps a fixed range and puts the plot inside the box with room for labels', () => {
    const data = { ...lossChart([{ x: 5, y: 0.5 }]), yDomain: [0, 1] as const };
    const frame = frameOf(data, 480, 200, 12, measure);
    expect(frame.y.domain).toEqual([0, 1]);
    expect(frame.plot.left).toBeGreaterThan(measure('0.0'));
    expect(frame.plot.left + frame.plot.width).toBeLessThan(480);
    expect(frame.plot.top + frame.plot.height).toBeLessThan(200);
    expect(project(frame.y, 1)).toBe(frame.plot.top);
  });

  it('gives large type bigger margins and fewer ticks', () => {
    const data = lossChart([{ x: 1000, y: 1 }]);
    const small = frameOf(data, 480, 200, 12, measure);
    const large = frameOf(data, 480, 200, 24, (text) => text.length * 14);
    expect(large.plot.left).toBeGreaterThan(small.plot.left);
    expect(large.xTicks.values.length).toBeLessThanOrEqual(small.xTicks.values.length);
  });
});
