import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model/edits';
import { starterNetwork } from '../../model/templates';
import { PASTE_OFFSET, copySelection, pasteEdits } from './clipboard';

describe('clipboard', () => {
  it('copies the selected layers with only the wires between them', () => {
    const clip = copySelection(starterNetwork(), ['conv1', 'pool1', 'dense1'])!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['conv1', 'pool1', 'dense1']);
    expect(clip.edges).toEqual([{ from: 'conv1', to: 'pool1' }]);
    expect(copySelection(starterNetwork(), [])).toBeUndefined();
  });

  it('pastes copies with fresh ids, shifted positions and the copied wires renamed', () => {
    const spec = starterNetwork();
    const clip = copySelection(spec, ['conv1', 'pool1'])!;
    const { edits, ids } = pasteEdits(spec, clip);
    const after = applyEdits(spec, edits);
    expect(new Set(after.nodes.map((n) => n.id)).size).toBe(after.nodes.length);
    expect(ids).toHaveLength(2);
    const [conv, pool] = ids.map((id) => after.nodes.find((n) => n.id === id)!);
    expect(conv!.kind).toBe('conv2d');
    expect(conv!.config).toEqual(spec.nodes[1]!.config);
    expect(conv!.position).toEqual({
      x: spec.nodes[1]!.position!.x + PASTE_OFFSET.x,
      y: spec.nodes[1]!.position!.y + PASTE_OFFSET.y,
    });
    expect(after.edges).toContainEqual({ from: conv!.id, to: pool!.id });
    expect(after.edges).toHaveLength(spec.edges.length + 1);
  });

  it('never reuses an id when pasting the same clip twice', () => {
    let spec = starterNetwork();
    const clip = copySelection(spec, ['conv1', 'conv2'])!;
    for (let i = 0; i < 2; i++) spec = applyEdits(spec, pasteEdits(spec, clip).edits);
    expect(new Set(spec.nodes.map((n) => n.id)).size).toBe(spec.nodes.length);
  });
});
