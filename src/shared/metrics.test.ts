import { describe, expect, it } from 'vitest';
import { accuracyOf, classificationReport, confusionMatrix, perClassMetrics } from './metrics';

describe('confusionMatrix', () => {
  it('counts confusion[actual][predicted]', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
  });

  it('rejects classes outside the range and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/class outside/);
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow(/1 labels but 2/);
  });
});

describe('perClassMetrics', () => {
  it('computes precision, recall, F1 and support on fixed predictions', () => {
    const report = classificationReport([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    const [a, b, c] = report.perClass;
    expect(a).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(b?.precision).toBeCloseTo(0.5);
    expect(b?.recall).toBe(1);
    expect(b?.f1).toBeCloseTo(2 / 3);
    expect(c).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(report.accuracy).toBeCloseTo(4 / 6);
    expect(report.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0.8) / 3);
  });

  it('gives a class that is never predicted precision 0, not NaN', () => {
    // Class 1 has two examples, both predicted as 0.
    const [, never] = perClassMetrics(confusionMatrix([0, 1, 1], [0, 0, 0], 2));
    expect(never).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
  });

  it('gives a class without examples recall 0 and support 0', () => {
    const [, empty] = perClassMetrics(confusionMatrix([0, 0], [0, 1], 2));
    expect(empty).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('reports 0 accuracy, not NaN, for no examples', () => {
    expect(accuracyOf(confusionMatrix([], [], 2))).toBe(0);
    expect(classificationReport([], [], 2).macroF1).toBe(0);
  });
});
