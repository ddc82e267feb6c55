import type { PretrainedFacts, PretrainedLayerFacts, Shape } from '../shared/model-spec';

/** The public MobileNet v1 (0.25, 224×224) in tfjs layers format. */
export const MOBILENET_URL =
  'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json';

/** A base cut after one layer: what is kept, what trains, and what it outputs. */
export interface BaseCut {
  /** The kept layers (the cut layer and everything it depends on), in the base's order. */
  kept: PretrainedLayerFacts[];
  /** The kept layers that training updates: the last `trainableLayers` with weights. */
  trainable: string[];
  outputShape: Shape;
  params: number;
  trainableParams: number;
}

/** The layers that can end a base: those whose output is flat or an image of known size. */
export function cutCandidates(facts: PretrainedFacts): string[] {
  return facts.layers
    .filter(({ outputShape }) => {
      const dims = outputShape.slice(1);
      const known = dims.every((dim) => typeof dim === 'number' && dim >= 1);
      return known && (dims.length === 1 || dims.length === 3);
    })
    .map((layer) => layer.name);
}

/**
 * Where a base is cut until the user chooses: just before its last layer with weights (usually
 * its classifier), so the network starts from the base's features; else at its last layer.
 */
export function defaultCut(facts: PretrainedFacts): string {
  const candidates = cutCandidates(facts);
  const classifier = facts.layers.filter((layer) => layer.params > 0).at(-1);
  const features = classifier?.inputs.length === 1 ? classifier.inputs[0] : undefined;
  return features && candidates.includes(features) ? features : (candidates.at(-1) ?? '');
}

/**
 * Cuts a base after `cutLayer`, keeping only what that layer depends on, with its last
 * `trainableLayers` layers that own weights left trainable; a string says why it cannot.
 */
export function cutBase(
  facts: PretrainedFacts,
  cutLayer: string,
  trainableLayers: number,
): BaseCut | string {
  const byName = new Map(facts.layers.map((layer) => [layer.name, layer]));
  const cut = byName.get(cutLayer);
  if (!cut) {
    return cutLayer === ''
      ? 'Choose the layer to cut the base at.'
      : `The base has no layer '${cutLayer}': choose one of its layers to cut at.`;
  }
  if (!cutCandidates(facts).includes(cutLayer)) {
    return `The base cannot be cut at '${cutLayer}': its output is neither an image nor flat.`;
  }
  if (!(Number.isInteger(trainableLayers) && trainableLayers >= 0)) {
    return `Trainable layers must be a whole number of at least 0, but it is ${trainableLayers}.`;
  }
  const needed = new Set<string>();
  const pending = [cutLayer];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (needed.has(name)) continue;
    needed.add(name);
    pending.push(...(byName.get(name)?.inputs ?? []));
  }
  const kept = facts.layers.filter((layer) => needed.has(layer.name));
  const weighted = kept.filter((layer) => layer.params > 0);
  const trainable = trainableLayers === 0 ? [] : weighted.slice(-trainableLayers);
  const trainableParams = trainable.reduce((sum, layer) => sum + layer.trainableParams, 0);
  return {
    kept,
    trainable: trainable.map((layer) => layer.name),
    outputShape: [null, ...cut.outputShape.slice(1)],
    params: kept.reduce((sum, layer) => sum + layer.params, 0),
    trainableParams,
  };
}

/** The name the studio gives a base layer inside the built network, unique beside node ids. */
export function baseLayerName(nodeId: string, layerName: string): string {
  return `${nodeId}/${layerName}`;
}
