import type { Edge, NodeId } from '../shared/model-spec';

/** The result of ordering a graph's nodes so that every edge points forward. */
export interface TopologicalOrder {
  /** Every node that is not in, or downstream of, a loop; ties keep the order of `ids`. */
  order: NodeId[];
  /** The nodes that lie on a loop (or between loops), for pointing at the culprit wires. */
  cyclic: NodeId[];
}

/** Kahn's algorithm over `ids`; edges naming unknown nodes are ignored. */
export function topologicalSort(ids: readonly NodeId[], edges: readonly Edge[]): TopologicalOrder {
  const known = new Set(ids);
  const wires = edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const order = peel(ids, wires, 'from', 'to');
  const placed = new Set(order);
  const left = ids.filter((id) => !placed.has(id));
  // Nodes after a loop are left over too; peeling from the far end drops them, so only the
  // nodes on loops remain to be blamed.
  const leftSet = new Set(left);
  const after = peel(
    left,
    wires.filter((edge) => leftSet.has(edge.from) && leftSet.has(edge.to)),
    'to',
    'from',
  );
  const downstream = new Set(after);
  return { order, cyclic: left.filter((id) => !downstream.has(id)) };
}

/** Repeatedly removes nodes with no remaining edge arriving at their `head` end. */
function peel(
  ids: readonly NodeId[],
  edges: readonly Edge[],
  tail: 'from' | 'to',
  head: 'from' | 'to',
): NodeId[] {
  const pending = new Map(ids.map((id) => [id, 0]));
  for (const edge of edges) pending.set(edge[head], (pending.get(edge[head]) ?? 0) + 1);
  const queue = ids.filter((id) => pending.get(id) === 0);
  // The queue grows while it is walked; for-of sees the pushed nodes too.
  for (const id of queue) {
    for (const edge of edges) {
      if (edge[tail] !== id) continue;
      const count = (pending.get(edge[head]) ?? 0) - 1;
      pending.set(edge[head], count);
      if (count === 0) queue.push(edge[head]);
    }
  }
  return queue;
}
