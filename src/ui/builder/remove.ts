import type { SpecEdit } from '../../model/edit-types';
import { applyEdit } from '../../model/edits';
import type { Edge, ModelSpec, NodeId } from '../../shared/model-spec';

/**
 * Edits that delete `wires` and the layers `ids`. A deleted layer with exactly one input is
 * bridged: its input is wired to each layer it fed, keeping their ports, so deleting a layer
 * from the middle of a stack leaves the stack connected (and the analysis then explains any
 * shape that no longer fits, with its fix).
 */
export function removeEdits(
  spec: ModelSpec,
  ids: readonly NodeId[],
  wires: readonly Edge[] = [],
): SpecEdit[] {
  const removed = new Set(ids);
  // Wires of deleted layers go with them; cutting them first would leave nothing to bridge.
  const edits: SpecEdit[] = wires
    .filter((wire) => !removed.has(wire.from) && !removed.has(wire.to))
    .map((edge) => ({ type: 'disconnect', edge }));
  let working = edits.reduce(applyEdit, spec);
  for (const id of ids) {
    const incoming = working.edges.filter((edge) => edge.to === id);
    const outgoing = working.edges.filter((edge) => edge.from === id);
    const step: SpecEdit[] = [];
    const source = incoming.length === 1 ? incoming[0] : undefined;
    if (source) {
      for (const out of outgoing) {
        const edge: Edge = { from: source.from, to: out.to };
        if (out.port !== undefined) edge.port = out.port;
        step.push({ type: 'connect', edge });
      }
    }
    step.push({ type: 'removeNode', id });
    // Bridge after removing, so the new wires never touch the layer being deleted.
    const ordered = [...step.slice(-1), ...step.slice(0, -1)];
    working = ordered.reduce(applyEdit, working);
    edits.push(...ordered);
  }
  return edits;
}
