/**
 * Heap snapshots through the DevTools protocol, and what one holds that an earlier one did not.
 * V8 gives every heap object an id that stays the same for its life, so the objects of a later
 * snapshot whose ids the earlier one lacks were made in between and are still alive: grouped by
 * constructor, they are what grew. For the largest groups, the shortest path from the GC roots
 * to a few of their objects says who keeps them.
 */

/** A snapshot of the heap a CDP session sees (a page), after a full garbage collection. */
export async function takeHeapSnapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return parseSnapshot(JSON.parse(chunks.join('')));
}

/** The flat arrays of a `.heapsnapshot`, read into something one can walk. */
export function parseSnapshot(raw) {
  const meta = raw.snapshot.meta;
  const nodeFields = meta.node_fields;
  const edgeFields = meta.edge_fields;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const N = nodeFields.length;
  const E = edgeFields.length;
  const nodeCount = raw.nodes.length / N;
  const f = (name) => nodeFields.indexOf(name);
  const [TYPE, NAME, ID, SELF, EDGES] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(f);
  const [ETYPE, ENAME, ETO] = ['type', 'name_or_index', 'to_node'].map((n) =>
    edgeFields.indexOf(n),
  );
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) firstEdge[i + 1] = firstEdge[i] + raw.nodes[i * N + EDGES];
  const node = (i) => ({
    index: i,
    type: nodeTypes[raw.nodes[i * N + TYPE]],
    name: raw.strings[raw.nodes[i * N + NAME]],
    id: raw.nodes[i * N + ID],
    selfSize: raw.nodes[i * N + SELF],
  });
  const edges = (i) => {
    const out = [];
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
      const type = edgeTypes[raw.edges[e * E + ETYPE]];
      const nameOrIndex = raw.edges[e * E + ENAME];
      out.push({
        type,
        name: type === 'element' || type === 'hidden' ? nameOrIndex : raw.strings[nameOrIndex],
        to: raw.edges[e * E + ETO] / N,
      });
    }
    return out;
  };
  return { nodeCount, node, edges };
}

/** The group an object is counted in: its constructor, or its kind for strings, arrays, code… */
function groupOf(n) {
  if (n.type === 'object' || n.type === 'native') return n.name;
  if (n.type === 'closure') return `${n.name || '(anonymous)'}()`;
  return `(${n.type})`;
}

/** Count and bytes (own size) per group, of every object or only those `keep` accepts. */
export function groups(snapshot, keep = () => true) {
  const byGroup = new Map();
  for (let i = 0; i < snapshot.nodeCount; i++) {
    const n = snapshot.node(i);
    if (!keep(n)) continue;
    const name = groupOf(n);
    const g = byGroup.get(name) ?? { group: name, count: 0, bytes: 0, sample: [] };
    g.count++;
    g.bytes += n.selfSize;
    if (g.sample.length < 5) g.sample.push(i);
    byGroup.set(name, g);
  }
  return byGroup;
}

/** Distance of each object from the GC roots, over strong references. */
function distances(snapshot) {
  const distance = new Int32Array(snapshot.nodeCount).fill(-1);
  const queue = [0];
  distance[0] = 0;
  for (let q = 0; q < queue.length; q++) {
    const from = queue[q];
    for (const edge of snapshot.edges(from)) {
      if (edge.type === 'weak' || distance[edge.to] !== -1) continue;
      distance[edge.to] = distance[from] + 1;
      queue.push(edge.to);
    }
  }
  return distance;
}

/** Who refers to each object: [from, edge] pairs, built once per snapshot. */
function retainers(snapshot) {
  const by = new Map();
  for (let from = 0; from < snapshot.nodeCount; from++) {
    for (const edge of snapshot.edges(from)) {
      if (edge.type === 'weak') continue;
      const list = by.get(edge.to) ?? [];
      list.push({ from, edge });
      by.set(edge.to, list);
    }
  }
  return by;
}

/** The shortest chain of references from the GC roots to `index`, root first, in words. */
function pathTo(snapshot, index, distance, retainedBy, maxLength = 14) {
  const steps = [];
  let at = index;
  while (distance[at] > 0 && steps.length < maxLength) {
    const closest = (retainedBy.get(at) ?? [])
      .filter(({ from }) => distance[from] >= 0 && distance[from] < distance[at])
      .sort((a, b) => distance[a.from] - distance[b.from])[0];
    if (!closest) break;
    const holder = snapshot.node(closest.from);
    const name =
      typeof closest.edge.name === 'number' ? `[${closest.edge.name}]` : closest.edge.name;
    steps.unshift(`${groupOf(holder)} .${name}`);
    at = closest.from;
  }
  return steps.join(' → ');
}

/**
 * What `after` holds that `before` did not: the objects made in between and still alive, by
 * group, largest first (`top` of them), with the path that keeps a sample of each of the
 * `explain` largest. Also the whole heap's groups whose bytes changed the most.
 */
export function compareSnapshots(before, after, { top = 20, explain = 6 } = {}) {
  const seen = new Set();
  for (let i = 0; i < before.nodeCount; i++) seen.add(before.node(i).id);
  const fresh = [...groups(after, (n) => !seen.has(n.id)).values()].sort(
    (a, b) => b.bytes - a.bytes,
  );
  const distance = distances(after);
  const retainedBy = retainers(after);
  const newObjects = fresh.slice(0, top).map((g, rank) => ({
    group: g.group,
    count: g.count,
    bytes: g.bytes,
    ...(rank < explain && {
      keptBy: [...new Set(g.sample.map((i) => pathTo(after, i, distance, retainedBy)))].slice(0, 3),
    }),
  }));
  const totals = (s) => groups(s);
  const a = totals(before);
  const b = totals(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  const changed = [...names]
    .map((group) => ({
      group,
      countDelta: (b.get(group)?.count ?? 0) - (a.get(group)?.count ?? 0),
      bytesDelta: (b.get(group)?.bytes ?? 0) - (a.get(group)?.bytes ?? 0),
    }))
    .sort((x, y) => Math.abs(y.bytesDelta) - Math.abs(x.bytesDelta))
    .slice(0, top);
  const sum = (map) => [...map.values()].reduce((s, g) => s + g.bytes, 0);
  return {
    bytesBefore: sum(a),
    bytesAfter: sum(b),
    newObjectBytes: fresh.reduce((s, g) => s + g.bytes, 0),
    newObjects,
    changed,
  };
}
