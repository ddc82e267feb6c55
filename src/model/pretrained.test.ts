import { describe, expect, it } from 'vitest';
import type { PretrainedFacts, PretrainedLayerFacts } from '../shared/model-spec';
import { baseLayerName, cutBase, cutCandidates, defaultCut } from './pretrained';

function makeLayer(name: string, inputs: string[], outputShape: (number | null)[], params = 0) {
  const entry: PretrainedLayerFacts = {
    name,
    className: params > 0 ? 'Dense' : 'Activation',
    outputShape,
    params,
    trainableParams: params,
    inputs,
  };
  return entry;
}

/** A small branching base: conv → (a, b) → add → flatten → dense → softmax. */
function makeFacts(): PretrainedFacts {
  return {
    inputShape: [8, 8, 1],
    layers: [
      makeLayer('conv', [], [null, 6, 6, 4], 40),
      makeLayer('a', ['conv'], [null, 6, 6, 4], 20),
      makeLayer('b', ['conv'], [null, 6, 6, 4]),
      makeLayer('add', ['a', 'b'], [null, 6, 6, 4]),
      makeLayer('seq', ['add'], [null, 3, null]),
      makeLayer('flat', ['add'], [null, 144]),
      makeLayer('dense', ['flat'], [null, 10], 1450),
      makeLayer('probs', ['dense'], [null, 10]),
    ],
  };
}

describe('cutting a pretrained base', () => {
  it('offers only layers whose output is flat or an image of known size', () => {
    expect(cutCandidates(makeFacts())).not.toContain('seq');
    expect(cutCandidates(makeFacts())).toContain('flat');
  });

  it('cuts just before the classifier until the user chooses', () => {
    expect(defaultCut(makeFacts())).toBe('flat');
  });

  it('keeps exactly what the cut layer depends on, branches included', () => {
    const cut = cutBase(makeFacts(), 'add', 0);
    if (typeof cut === 'string') throw new Error(cut);
    expect(cut.kept.map((layer) => layer.name)).toEqual(['conv', 'a', 'b', 'add']);
    expect(cut.outputShape).toEqual([null, 6, 6, 4]);
    expect(cut.params).toBe(60);
    expect(cut.trainable).toEqual([]);
    expect(cut.trainableParams).toBe(0);
  });

  it('unfreezes the last N layers that have weights, skipping those without', () => {
    const one = cutBase(makeFacts(), 'dense', 1);
    const two = cutBase(makeFacts(), 'probs', 2);
    const all = cutBase(makeFacts(), 'probs', 99);
    if (typeof one === 'string' || typeof two === 'string' || typeof all === 'string') {
      throw new Error('expected cuts');
    }
    expect(one.trainable).toEqual(['dense']);
    expect(one.trainableParams).toBe(1450);
    expect(two.trainable).toEqual(['a', 'dense']);
    expect(all.trainable).toEqual(['conv', 'a', 'dense']);
  });

  it('says why a cut is impossible', () => {
    expect(cutBase(makeFacts(), 'nowhere', 0)).toMatch(/no layer 'nowhere'/);
    expect(cutBase(makeFacts(), '', 0)).toMatch(/Choose the layer/);
    expect(cutBase(makeFacts(), 'seq', 0)).toMatch(/cannot be cut at 'seq'/);
    expect(cutBase(makeFacts(), 'flat', -1)).toMatch(/whole number of at least 0/);
  });

  it('names base layers inside the network apart from every node id', () => {
    expect(baseLayerName('pretrainedBase_1', 'conv')).toBe('pretrainedBase_1/conv');
  });
});
