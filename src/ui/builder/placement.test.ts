import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model/edits';
import { starterNetwork } from '../../model/templates';
import { ADD_BELOW_GAP, SIDE_STEP, addBelowEdits, freeSpot, nextWire } from './placement';

describe('addBelowEdits', () => {
  it('adds the layer under the selected one and wires it in', () => {
    const spec = starterNetwork();
    const { edits, id } = addBelowEdits(spec, 'dropout', 'output');
    const after = applyEdits(spec, edits);
    const added = after.nodes.find((n) => n.id === id)!;
    const output = spec.nodes.find((n) => n.id === 'output')!;
    expect(added.kind).toBe('dropout');
    expect(added.position).toEqual({
      x: output.position!.x,
      y: output.position!.y + ADD_BELOW_GAP,
    });
    expect(after.edges).toContainEqual({ from: 'output', to: id });
  });

  it('without a selection, adds an unwired layer under the lowest one', () => {
    const spec = starterNetwork();
    const { edits } = addBelowEdits(spec, 'dense', undefined);
    expect(applyEdits(spec, edits).edges).toEqual(spec.edges);
  });

  it('starts an empty canvas at the origin', () => {
    const { edits } = addBelowEdits({ nodes: [], edges: [] }, 'input', undefined);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      type: 'addNode',
      node: { kind: 'input', position: { x: 0, y: 0 } },
    });
  });
});

describe('freeSpot', () => {
  it('steps to the side of layers already there', () => {
    const spec = starterNetwork();
    expect(freeSpot(spec, { x: 0, y: 200 })).toEqual({ x: SIDE_STEP, y: 200 });
    expect(freeSpot(spec, { x: 0, y: 900 })).toEqual({ x: 0, y: 900 });
  });
});

describe('nextWire', () => {
  it('numbers a second input after the first', () => {
    const spec = starterNetwork();
    expect(nextWire(spec, 'conv1', 'input')).toEqual({ from: 'conv1', to: 'input' });
    expect(nextWire(spec, 'conv1', 'pool2')).toEqual({ from: 'conv1', to: 'pool2', port: 1 });
  });
});
