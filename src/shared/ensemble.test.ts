import { describe, expect, it } from 'vitest';
import {
  accuracyOfPredictions,
  argmaxRows,
  averageProbabilities,
  classesEnsembleWins,
  crossEntropyOf,
  perClassAccuracy,
  scoreEnsemble,
} from './ensemble';

describe('averageProbabilities', () => {
  it('averages the members entry by entry', () => {
    const a = Float32Array.from([0.5, 0.5, 1, 0]);
    const b = Float32Array.from([0.25, 0.75, 0, 1]);
    expect(averageProbabilities([a, b], 2)).toEqual(Float32Array.from([0.375, 0.625, 0.5, 0.5]));
  });

  it('returns a copy of a lone member', () => {
    const only = Float32Array.from([0.2, 0.8]);
    const mean = averageProbabilities([only], 2);
    expect(mean).toEqual(only);
    expect(mean).not.toBe(only);
  });

  it('refuses members it cannot average', () => {
    const row = Float32Array.from([0.5, 0.5]);
    expect(() => averageProbabilities([], 2)).toThrow('at least one member');
    expect(() => averageProbabilities([row, Float32Array.from([1, 0, 0, 1])], 2)).toThrow(
      'Member 1 has 4 probabilities; member 0 has 2',
    );
    expect(() => averageProbabilities([row], 3)).toThrow('not whole rows of 3 classes');
    expect(() => averageProbabilities([row], 0)).toThrow('positive whole number');
  });
});

describe('argmaxRows', () => {
  it('picks the most probable class of each row, the first on a tie', () => {
    const probs = Float32Array.from([0.1, 0.7, 0.2, 0.4, 0.2, 0.4, 0, 0, 1]);
    expect(argmaxRows(probs, 3)).toEqual(Int32Array.from([1, 0, 2]));
  });

  it('refuses probabilities that are not whole rows', () => {
    expect(() => argmaxRows(Float32Array.from([0.5, 0.5]), 0)).toThrow('positive whole number');
    expect(() => argmaxRows(Float32Array.from([0.5, 0.5, 1]), 2)).toThrow('not whole rows');
  });
});

describe('accuracyOfPredictions', () => {
  it('counts the predictions that match their labels', () => {
    expect(accuracyOfPredictions(Int32Array.from([1, 0, 2, 2]), [1, 1, 2, 0])).toBe(0.5);
    expect(accuracyOfPredictions(new Int32Array(0), [])).toBe(0);
  });

  it('refuses predictions and labels of different lengths', () => {
    expect(() => accuracyOfPredictions(Int32Array.from([1]), [1, 2])).toThrow(
      '1 predictions but 2 labels',
    );
  });

  it('lets an ensemble beat its members when their mistakes differ', () => {
    const labels = [0, 1, 0];
    const a = Float32Array.from([0.9, 0.1, 0.4, 0.6, 0.45, 0.55]);
    const b = Float32Array.from([0.4, 0.6, 0.1, 0.9, 0.8, 0.2]);
    const members = [a, b].map((m) => accuracyOfPredictions(argmaxRows(m, 2), labels));
    const ensemble = accuracyOfPredictions(argmaxRows(averageProbabilities([a, b], 2), 2), labels);
    expect(members).toEqual([2 / 3, 2 / 3]);
    expect(ensemble).toBe(1);
  });
});

describe('crossEntropyOf', () => {
  it("averages minus the log of each label's probability, clipped as the training loss is", () => {
    const probs = Float32Array.from([0.5, 0.5, 0, 1]);
    expect(crossEntropyOf(probs, [0, 1], 2)).toBeCloseTo(Math.log(2) / 2, 6);
    expect(crossEntropyOf(probs, [1, 0], 2)).toBeCloseTo((Math.log(2) - Math.log(1e-7)) / 2, 4);
    expect(crossEntropyOf(new Float32Array(0), [], 2)).toBeNaN();
  });

  it('refuses probabilities that are not one row per label', () => {
    expect(() => crossEntropyOf(Float32Array.from([0.5, 0.5]), [0, 1], 2)).toThrow(
      '1 rows of probabilities but 2 labels',
    );
  });
});

describe('perClassAccuracy', () => {
  it("gives each class's share on the diagonal, NaN for a class without examples", () => {
    expect(
      perClassAccuracy([
        [3, 1],
        [0, 0],
      ]),
    ).toEqual([0.75, NaN]);
  });
});

describe('scoreEnsemble', () => {
  const labels = Int32Array.from([0, 1, 0]);
  const a = Float32Array.from([0.9, 0.1, 0.4, 0.6, 0.45, 0.55]);
  const b = Float32Array.from([0.4, 0.6, 0.1, 0.9, 0.8, 0.2]);

  it('scores every member and the averaged ensemble, with its confusion matrix', () => {
    const result = scoreEnsemble(['a', 'b'], [a, b], labels, 2);
    expect(result.examples).toBe(3);
    expect(result.members.map((m) => [m.runId, m.accuracy])).toEqual([
      ['a', 2 / 3],
      ['b', 2 / 3],
    ]);
    expect(result.members[0]!.perClass).toEqual([0.5, 1]);
    expect(result.members[1]!.perClass).toEqual([0.5, 1]);
    expect(result.ensemble.accuracy).toBe(1);
    expect(result.ensemble.confusion).toEqual([
      [2, 0],
      [0, 1],
    ]);
    expect(result.ensemble.loss).toBeCloseTo(
      crossEntropyOf(averageProbabilities([a, b], 2), labels, 2),
      6,
    );
    // Class 0 is where the ensemble beats both; on class 1 all three are right.
    expect(classesEnsembleWins(result)).toEqual([true, false]);
  });

  it('refuses runs and probabilities that do not pair up', () => {
    expect(() => scoreEnsemble(['a'], [a, b], labels, 2)).toThrow('1 runs but 2 sets');
  });
});
