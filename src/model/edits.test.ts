import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../shared/model-spec';
import type { SpecEdit } from './edit-types';
import { applyEdit, applyEdits, newNodeId } from './edits';
import { chain, layer } from './spec-builder';

const makeSpec = (): ModelSpec =>
  chain([layer('input', 'input'), layer('conv2d', 'conv'), layer('flatten', 'flat')]);

/** Applies `edit` to a frozen spec, so any mutation of the input throws. */
function applyFrozen(edit: SpecEdit): { before: ModelSpec; after: ModelSpec } {
  const before = deepFreeze(makeSpec());
  return { before, after: applyEdit(before, edit) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('applyEdit', () => {
  it('adds a node', () => {
    const { after } = applyFrozen({ type: 'addNode', node: layer('dense', 'd') });
    expect(after.nodes.map((n) => n.id)).toEqual(['input', 'conv', 'flat', 'd']);
  });

  it('removes a node with every wire touching it', () => {
    const { after } = applyFrozen({ type: 'removeNode', id: 'conv' });
    expect(after.nodes.map((n) => n.id)).toEqual(['input', 'flat']);
    expect(after.edges).toEqual([]);
  });

  it('connects once, and disconnects', () => {
    const edge = { from: 'input', to: 'flat' };
    const { before, after } = applyFrozen({ type: 'connect', edge });
    expect(after.edges).toContainEqual(edge);
    expect(applyEdit(after, { type: 'connect', edge })).toBe(after);
    expect(applyEdit(after, { type: 'disconnect', edge }).edges).toEqual(before.edges);
  });

  it('disconnects only the given port when one is named', () => {
    const spec: ModelSpec = {
      nodes: [layer('input', 'a'), layer('add', 'sum')],
      edges: [
        { from: 'a', to: 'sum', port: 0 },
        { from: 'a', to: 'sum', port: 1 },
      ],
    };
    const after = applyEdit(spec, { type: 'disconnect', edge: { from: 'a', to: 'sum', port: 1 } });
    expect(after.edges).toEqual([{ from: 'a', to: 'sum', port: 0 }]);
  });

  it('merges a config change into one node only', () => {
    const { before, after } = applyFrozen({
      type: 'updateConfig',
      id: 'conv',
      config: { filters: 32 },
    });
    expect(after.nodes[1]?.config).toEqual({ ...before.nodes[1]?.config, filters: 32 });
    expect(after.nodes[0]).toBe(before.nodes[0]);
  });

  it('renames and moves', () => {
    const renamed = applyFrozen({ type: 'rename', id: 'conv', name: 'edges' }).after;
    expect(renamed.nodes[1]?.name).toBe('edges');
    const moved = applyFrozen({ type: 'moveNode', id: 'conv', position: { x: 5, y: 6 } }).after;
    expect(moved.nodes[1]?.position).toEqual({ x: 5, y: 6 });
  });

  it('inserts a node on a wire, keeping the port into the target', () => {
    const spec: ModelSpec = {
      nodes: [layer('input', 'a'), layer('concatenate', 'cat')],
      edges: [{ from: 'a', to: 'cat', port: 1 }],
    };
    const after = applyEdit(spec, {
      type: 'insertBetween',
      node: layer('conv2d', 'c'),
      from: 'a',
      to: 'cat',
    });
    expect(after.edges).toEqual([
      { from: 'a', to: 'c' },
      { from: 'c', to: 'cat', port: 1 },
    ]);
  });

  it('replaces the whole spec', () => {
    const spec = chain([layer('input', 'only')]);
    expect(applyFrozen({ type: 'replaceSpec', spec }).after).toBe(spec);
  });

  it('ignores edits to layers that no longer exist', () => {
    const { before, after } = applyFrozen({ type: 'rename', id: 'ghost', name: 'x' });
    expect(after).toBe(before);
  });
});

describe('applyEdits', () => {
  it('applies in order, and undoing is returning the old spec', () => {
    const start = deepFreeze(makeSpec());
    const snapshot = structuredClone(start);
    const end = applyEdits(start, [
      { type: 'addNode', node: layer('dense', 'd') },
      { type: 'connect', edge: { from: 'flat', to: 'd' } },
      { type: 'updateConfig', id: 'd', config: { units: 3 } },
    ]);
    expect(end.edges.at(-1)).toEqual({ from: 'flat', to: 'd' });
    expect(start).toEqual(snapshot);
  });
});

describe('newNodeId', () => {
  it('counts on from the layers of the same kind, skipping taken ids', () => {
    const spec = makeSpec();
    expect(newNodeId(spec, 'dense')).toBe('dense_1');
    expect(newNodeId(spec, 'conv2d')).toBe('conv2d_2');
    const taken = applyEdit(spec, { type: 'addNode', node: layer('conv2d', 'conv2d_2') });
    expect(newNodeId(taken, 'conv2d')).toBe('conv2d_3');
  });
});
