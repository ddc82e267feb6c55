import { beforeEach, describe, expect, it } from 'vitest';
import { starterNetwork } from '../../model/templates';
import { DEFAULT_SETTINGS } from '../../shared/train-settings';
import { selectAnalysis, selectTrainingProblems } from './analysis';
import { useStudio } from './studio-store';

const state = () => useStudio.getState();

describe('the problems that stop training', () => {
  beforeEach(() =>
    useStudio.setState({
      spec: starterNetwork(),
      specHistory: { past: [], future: [] },
      settings: DEFAULT_SETTINGS,
    }),
  );

  it('are the analysis’s own while the network fits the memory budget, the same list each time', () => {
    expect(selectTrainingProblems(state())).toBe(selectAnalysis(state()).problems);
    expect(selectTrainingProblems(state())).toEqual([]);
  });

  it('add the memory refusal for a network too large, and drop it once the network is smaller', () => {
    state().edit([{ type: 'updateConfig', id: 'dense1', config: { units: 1_000_000 } }]);
    const problems = selectTrainingProblems(state());
    expect(problems).toHaveLength(1);
    expect(problems[0]?.nodeId).toBe('dense1');
    expect(problems[0]?.message).toMatch(/^dense1: training needs about [\d.]+ GB of memory/);
    expect(selectTrainingProblems(state())).toBe(problems);
    state().undo();
    expect(selectTrainingProblems(state())).toEqual([]);
  });

  it('count the batch as large as the settings ask, so a smaller batch can fit', () => {
    state().edit([
      { type: 'updateConfig', id: 'conv1', config: { filters: 512, padding: 'same' } },
    ]);
    state().updateSettings({ batchSize: 4096 });
    expect(selectTrainingProblems(state())[0]?.message).toMatch(
      /at batch 4096, .*lower the batch size/,
    );
    state().updateSettings({ batchSize: 8 });
    expect(selectTrainingProblems(state())).toEqual([]);
  });
});
