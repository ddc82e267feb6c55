import type { ModelPair } from '../../shared/exported-model';
import type { ModelSpec, PretrainedSource } from '../../shared/model-spec';
import { requestBase } from '../builder/base-client';

/**
 * The network of a model the builder cannot show layer by layer: its input, then the whole
 * model as one frozen Pretrained base cut after its last layer. The worker keeps the files
 * under the base's id, so the block carries the model's own weights. `why` names the layer the
 * builder does not have; it leads the message when tfjs cannot load the model either.
 */
export async function frozenSpec(pair: ModelPair, name: string, why: string): Promise<ModelSpec> {
  const source: PretrainedSource = { kind: 'files', id: crypto.randomUUID(), name };
  let base;
  try {
    base = await requestBase(source, pair);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${why} The model could not be loaded as one frozen block either: ${reason}`);
  }
  const last = base.layers.at(-1);
  if (!last) throw new Error(`${why} The model has no layers to keep as a block.`);
  return {
    nodes: [
      { id: 'input', kind: 'input', name: 'input', config: { shape: base.inputShape } },
      {
        id: 'imported',
        kind: 'pretrainedBase',
        name: 'imported model',
        config: { source, cutLayer: last.name, trainableLayers: 0, base },
      },
    ],
    edges: [{ from: 'input', to: 'imported' }],
  };
}
