import { beforeEach, describe, expect, it } from 'vitest';
import { starterNetwork } from '../../model/templates';
import { useStudio } from './studio-store';

const state = () => useStudio.getState();

describe('the spec slice', () => {
  beforeEach(() =>
    useStudio.setState({ spec: starterNetwork(), specHistory: { past: [], future: [] } }),
  );

  it('undo and redo restore the exact specs of a sequence of edits', () => {
    const specs = [state().spec];
    state().edit([{ type: 'updateConfig', id: 'conv1', config: { filters: 12 } }]);
    specs.push(state().spec);
    state().edit([{ type: 'rename', id: 'dense1', name: 'hidden' }]);
    specs.push(state().spec);
    state().edit([
      { type: 'removeNode', id: 'dropout' },
      { type: 'connect', edge: { from: 'dense1', to: 'output' } },
    ]);
    specs.push(state().spec);
    state().edit([{ type: 'moveNode', id: 'conv1', position: { x: 50, y: 60 } }]);
    specs.push(state().spec);
    for (let i = specs.length - 2; i >= 0; i--) {
      state().undo();
      expect(state().spec).toEqual(specs[i]);
    }
    for (let i = 1; i < specs.length; i++) {
      state().redo();
      expect(state().spec).toEqual(specs[i]);
    }
  });

  it('records nothing for an edit that changes nothing', () => {
    state().edit([
      { type: 'moveNode', id: 'conv1', position: starterNetwork().nodes[1]!.position! },
    ]);
    expect(state().specHistory.past).toHaveLength(0);
  });

  it('drops selected layers that an undo removed', () => {
    state().edit([{ type: 'addNode', node: { id: 'extra', kind: 'flatten', config: {} } }], {
      select: ['extra'],
    });
    expect(state().selection).toEqual(['extra']);
    state().undo();
    expect(state().selection).toEqual([]);
  });
});
