import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/run-record';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { ensembleProblem, notKeptMessage } from './ensemble-problem';

const run = (number: number, changes: Partial<RunRecord> = {}): RunRecord => ({
  id: `run-${number}`,
  number,
  startedAt: 0,
  durationMs: 1000,
  spec: { nodes: [], edges: [] },
  settings: DEFAULT_SETTINGS,
  dataset: { name: 'digits', fingerprint: 'f', classNames: ['a', 'b'] },
  params: 100,
  points: [],
  marks: [],
  outcome: 'completed',
  message: '',
  ...changes,
});

const ready = { fingerprint: 'f', training: false };

describe('ensembleProblem', () => {
  it('lets two or more finished runs of the loaded data make an ensemble', () => {
    expect(ensembleProblem([run(1), run(2, { outcome: 'stopped' })], ready)).toBeNull();
  });

  it('asks for a second run when one or none is ticked', () => {
    expect(ensembleProblem([run(1)], ready)).toBe(
      'Tick a second run to make an ensemble: it averages the predictions of two or more runs.',
    );
    expect(ensembleProblem([], ready)).toBe('Tick two or more runs to make an ensemble of them.');
  });

  it('says why a diverged run, a run on other data or a run under way stands in the way', () => {
    const runs = [run(1), run(2)];
    expect(ensembleProblem(runs, { ...ready, training: true })).toContain('Training is running');
    expect(ensembleProblem([run(1), run(2, { outcome: 'diverged' })], ready)).toBe(
      'Run 2 diverged, so its model predicts nothing useful: untick it.',
    );
    const shapes = { name: 'shapes', fingerprint: 'g', classNames: ['a', 'b'] };
    expect(ensembleProblem([run(1), run(3, { dataset: shapes })], ready)).toMatch(
      /^Run 3 was trained on other data \(shapes\)/,
    );
  });
});

describe('notKeptMessage', () => {
  it('names the runs whose weights are gone', () => {
    expect(notKeptMessage([3])).toBe("Run 3's weights are no longer kept: replay it first.");
    expect(notKeptMessage([1, 2, 4])).toBe(
      'The weights of Run 1, Run 2 and Run 4 are no longer kept: replay them first.',
    );
  });
});
