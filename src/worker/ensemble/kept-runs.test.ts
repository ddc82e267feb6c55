import { describe, expect, it } from 'vitest';
import { chain, layer } from '../../model/spec-builder';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import type { KeptRun } from './kept-runs';
import { KeptRuns, RunsNotKeptError } from './kept-runs';

const spec = chain([
  layer('input', 'input', { shape: [4, 4, 1] }),
  layer('flatten', 'flat'),
  layer('dense', 'out', { units: 2, activation: 'softmax' }),
]);

function makeRun(bytes = 8): KeptRun {
  return {
    pair: { modelJson: {}, weights: new ArrayBuffer(bytes) },
    spec,
    settings: DEFAULT_SETTINGS,
  };
}

describe('KeptRuns', () => {
  it('keeps the latest runs up to its limit, dropping the oldest', () => {
    const kept = new KeptRuns(3);
    for (const id of ['a', 'b', 'c', 'd']) kept.keep(id, makeRun());
    expect(kept.size).toBe(3);
    expect(kept.has('a')).toBe(false);
    // Kept again, a run counts as the latest.
    kept.keep('b', makeRun());
    kept.keep('e', makeRun());
    expect(['b', 'c', 'd', 'e'].map((id) => kept.has(id))).toEqual([true, false, true, true]);
  });

  it('drops the oldest runs when their weights pass the budget, but keeps the latest', () => {
    const kept = new KeptRuns(12, 100);
    kept.keep('a', makeRun(60));
    kept.keep('b', makeRun(60));
    expect([kept.has('a'), kept.has('b')]).toEqual([false, true]);
    kept.keep('huge', makeRun(500));
    expect(kept.size).toBe(1);
  });

  it('gives the members of an ensemble in order, once each, or says which are missing', () => {
    const kept = new KeptRuns();
    kept.keep('a', makeRun());
    kept.keep('b', makeRun());
    expect(kept.members(['b', 'a', 'b']).map((m) => m.runId)).toEqual(['b', 'a']);
    expect(() => kept.members(['a'])).toThrow('at least two runs');
    expect(() => kept.members(['a', 'x', 'y'])).toThrow(RunsNotKeptError);
    try {
      kept.members(['a', 'x']);
    } catch (error) {
      expect((error as RunsNotKeptError).runIds).toEqual(['x']);
    }
    kept.clear();
    expect(kept.size).toBe(0);
  });
});
