import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model/edits';
import { starterNetwork } from '../../model/templates';
import { removeEdits } from './remove';

describe('removeEdits', () => {
  it('bridges a layer deleted from the middle of a stack', () => {
    const spec = starterNetwork();
    const after = applyEdits(spec, removeEdits(spec, ['flatten']));
    expect(after.nodes.map((n) => n.id)).not.toContain('flatten');
    expect(after.edges).toContainEqual({ from: 'pool2', to: 'dense1' });
    expect(after.edges.some((e) => e.from === 'flatten' || e.to === 'flatten')).toBe(false);
  });

  it('bridges across several deleted layers in a row', () => {
    const spec = starterNetwork();
    const after = applyEdits(spec, removeEdits(spec, ['dense1', 'dropout']));
    expect(after.edges).toContainEqual({ from: 'flatten', to: 'output' });
  });

  it('deletes chosen wires without bridging', () => {
    const spec = starterNetwork();
    const after = applyEdits(spec, removeEdits(spec, [], [{ from: 'conv1', to: 'pool1' }]));
    expect(after.edges).toHaveLength(spec.edges.length - 1);
    expect(after.nodes).toEqual(spec.nodes);
  });

  it('leaves the outputs of a deleted Input unwired', () => {
    const spec = starterNetwork();
    const after = applyEdits(spec, removeEdits(spec, ['input']));
    expect(after.edges.some((e) => e.to === 'conv1')).toBe(false);
  });
});
