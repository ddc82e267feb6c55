import { describe, expect, it } from 'vitest';
import type { PretrainedFacts } from '../../shared/model-spec';
import { specSchema } from '../../shared/project/spec-schema';
import { chain, layer } from '../spec-builder';
import { makeKerasInput } from './keras-fixtures';
import { kerasScript } from './keras-script';

const facts: PretrainedFacts = {
  inputShape: [28, 28, 1],
  layers: [
    {
      name: 'flat',
      className: 'Flatten',
      outputShape: [null, 784],
      params: 0,
      trainableParams: 0,
      inputs: [],
    },
  ],
};

const spec = chain([
  layer('input', 'input', { shape: [28, 28, 1] }),
  layer('pretrainedBase', 'base', { cutLayer: 'flat', base: facts }),
  layer('dense', 'out', { units: 10, activation: 'softmax' }),
]);

describe('a network with a Pretrained base', () => {
  it('has no Keras script, and says why and what to download instead', () => {
    expect(() => kerasScript(makeKerasInput(spec))).toThrow(
      /cannot include a Pretrained base.*model\.json \+ weights\.bin/,
    );
  });

  it('is a valid spec for project files and share links', () => {
    expect(specSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });
});
