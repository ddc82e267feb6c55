import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, readoutText, summaryOf } from './text';
import type { ChartData } from './types';

const data = (series: ChartData['series']): ChartData => ({
  series,
  xLabel: 'step',
  yLabel: 'loss',
});

describe('chart text', () => {
  it('prints values in three significant digits', () => {
    expect(formatValue(0.31249)).toBe('0.312');
    expect(formatValue(0.002)).toBe('0.002');
    expect(formatValue(2.3456)).toBe('2.35');
  });

  it('labels ticks with the decimals their step needs', () => {
    expect(formatTick(0.4, 0.2)).toBe('0.4');
    expect(formatTick(1, 0.2)).toBe('1.0');
    expect(formatTick(0.15, 0.05)).toBe('0.15');
    expect(formatTick(500, 100)).toBe('500');
    expect(formatTick(0, 0.2)).toBe('0');
    expect(formatTick(0.0019, 0.0001)).toBe('0.0019');
    expect(formatTick(0.000018, 0.000002)).toBe('1.8e-5');
  });

  it('sums a chart up with each series’ latest value and step', () => {
    const summary = summaryOf(
      'Loss',
      data([
        {
          name: 'train',
          color: 'blue',
          points: [
            { x: 10, y: 0.9 },
            { x: 240, y: 0.31249 },
          ],
        },
        { name: 'validation', color: 'orange', points: [{ x: 200, y: 0.298 }] },
        { name: 'previous train', color: 'grey', points: [] },
      ]),
    );
    expect(summary).toBe('Loss: train 0.312 at step 240; validation 0.298 at step 200.');
  });

  it('says so when there is nothing to sum up yet', () => {
    expect(summaryOf('Accuracy', data([{ name: 'train', color: 'blue', points: [] }]))).toBe(
      'Accuracy: no values yet.',
    );
  });

  it('reads a hover out in one line, naming steps that differ from the pointer’s', () => {
    const text = readoutText(
      {
        x: 240,
        values: [
          { name: 'train', color: 'blue', point: { x: 240, y: 0.312 } },
          { name: 'validation', color: 'orange', point: { x: 200, y: 0.298 } },
        ],
      },
      'step',
    );
    expect(text).toBe('step 240 · train 0.312 · validation 0.298 (step 200)');
  });
});
