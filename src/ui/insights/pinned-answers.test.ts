import { describe, expect, it } from 'vitest';
import type { ImageRef, InsightResult, SaliencyMap } from '../../shared/insights';
import type { PinnedImage } from '../store/insights-slice';
import type { InsightQuestion } from './insight-client';
import { featureMapsFor, mapFor } from './pinned-answers';

type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

const pin = (index: number, split: PinnedImage['split'] = 'validation'): PinnedImage => ({
  split,
  index,
});
const ref = ({ split, index }: PinnedImage): ImageRef => ({ source: 'split', split, index });
const mapOf = (classIndex: number): SaliencyMap => ({
  classIndex,
  map: { shape: [1, 1], data: new Float32Array([classIndex]) },
  probabilities: new Float32Array([1]),
});

/** An answer to a question about `pins`, whose map for each pin has its index as class. */
function answer(pins: PinnedImage[]): { result: Saliency; answered: InsightQuestion } {
  return {
    result: { kind: 'saliency', method: 'gradcam', maps: pins.map((p) => mapOf(p.index)) },
    answered: { kind: 'saliency', images: pins.map(ref), method: 'gradcam' },
  };
}

describe('mapFor', () => {
  it('gives each pinned image the map asked for it, whatever its place now', () => {
    const { result, answered } = answer([pin(3), pin(8), pin(5, 'test')]);
    // Pins reordered, one removed and one added since the question was asked.
    const shown = [pin(5, 'test'), pin(3), pin(9)];
    const found = shown.map((image) => mapFor(result, answered, image));
    expect(found.map((f) => f?.map.classIndex)).toEqual([5, 3, undefined]);
    expect(found[0]?.method).toBe('gradcam');
  });

  it('tells images of different splits apart', () => {
    const { result, answered } = answer([pin(4, 'test')]);
    expect(mapFor(result, answered, pin(4, 'validation'))).toBeUndefined();
    expect(mapFor(result, answered, pin(4, 'test'))?.map.classIndex).toBe(4);
  });

  it('finds nothing before an answer, or in an answer to another kind of question', () => {
    const { result } = answer([pin(1)]);
    expect(mapFor(null, null, pin(1))).toBeUndefined();
    expect(mapFor(result, { kind: 'weights' }, pin(1))).toBeUndefined();
  });
});

describe('featureMapsFor', () => {
  type FeatureMaps = Extract<InsightResult, { kind: 'featureMaps' }>;
  const mapsOf = (index: number) => ({
    layers: [
      { layerId: 'conv1', name: 'conv1', output: { shape: [1], data: new Float32Array([index]) } },
    ],
  });
  const asked = [pin(2), pin(7, 'test')];
  const result: FeatureMaps = { kind: 'featureMaps', images: asked.map((p) => mapsOf(p.index)) };
  const answered: InsightQuestion = { kind: 'featureMaps', images: asked.map(ref) };

  it('gives each pinned image the maps asked for it, whatever its place now', () => {
    const shown = [pin(7, 'test'), pin(2), pin(2, 'test')];
    const found = shown.map((image) => featureMapsFor(result, answered, image));
    expect(found.map((f) => f?.layers[0]?.output.data[0])).toEqual([7, 2, undefined]);
  });

  it('finds nothing before an answer, or in an answer to another kind of question', () => {
    expect(featureMapsFor(null, null, pin(2))).toBeUndefined();
    expect(featureMapsFor(result, { kind: 'weights' }, pin(2))).toBeUndefined();
  });
});
