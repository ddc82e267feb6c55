import type { Edge, NodeId } from '../shared/model-spec';

/**
 * Wires that close a loop among `ids`: the wires a depth-first walk (in `ids` order) finds
 * pointing back to a layer still on its path. Removing all of them leaves no loop, and in a
 * graph drawn top to bottom they are the wires drawn upwards, the ones students add by mistake.
 */
export function backEdges(ids: readonly NodeId[], edges: readonly Edge[]): Edge[] {
  const inside = new Set(ids);
  const out = new Map<NodeId, Edge[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (inside.has(edge.from) && inside.has(edge.to)) out.get(edge.from)?.push(edge);
  }
  const state = new Map<NodeId, 'open' | 'done'>();
  const found: Edge[] = [];
  // Iterative so a long chain cannot overflow the stack.
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: NodeId; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const wires = out.get(top.id) ?? [];
      const wire = wires[top.next++];
      if (!wire) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(wire.to);
      if (seen === 'open') found.push(wire);
      else if (seen === undefined) {
        state.set(wire.to, 'open');
        stack.push({ id: wire.to, next: 0 });
      }
    }
  }
  return found;
}
