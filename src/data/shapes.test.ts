import { describe, it, expect } from 'vitest';
import { createRng } from '../shared/random';
import {
  MIN_CONTRAST,
  SHAPE_CLASSES,
  drawShape,
  generateShapes,
  luma,
  randomShapeParams,
  type ShapeParams,
} from './shapes';

const SIZE = 32;
const PIXELS = SIZE * SIZE * 3;

/** Byte-for-byte equality; much faster than a deep comparison on megabytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

describe('generateShapes', () => {
  const data = generateShapes(600, 7);

  it('gives the six classes, balanced, with RGB images of the requested size', () => {
    expect(data.classNames).toEqual([...SHAPE_CLASSES]);
    expect(data.labels.length).toBe(600);
    expect(data.pixels.length).toBe(600 * PIXELS);
    const counts = new Array<number>(6).fill(0);
    for (const label of data.labels) counts[label]!++;
    expect(counts).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('mixes the classes rather than listing them in order', () => {
    const roundRobin = data.labels.every((label, i) => label === i % 6);
    expect(roundRobin).toBe(false);
  });

  it('draws the same images for the same seed and different ones for another', () => {
    const again = generateShapes(600, 7);
    expect(sameBytes(again.labels, data.labels)).toBe(true);
    expect(sameBytes(again.pixels, data.pixels)).toBe(true);
    const other = generateShapes(600, 8);
    expect(sameBytes(other.pixels, data.pixels)).toBe(false);
  });

  it('uses the whole 0–255 range rather than a narrow band', () => {
    let min = 255;
    let max = 0;
    for (const value of data.pixels) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
    expect(min).toBeLessThan(10);
    expect(max).toBeGreaterThan(245);
  });

  it('gives each class a different average picture', () => {
    // Mean absolute difference from the centre, per class: coloured shapes vary, but where a
    // shape puts its mass differs by class (a ring's hole, a cross's arms).
    const means = SHAPE_CLASSES.map(() => new Float64Array(PIXELS));
    for (let i = 0; i < data.labels.length; i++) {
      const mean = means[data.labels[i]!]!;
      for (let p = 0; p < PIXELS; p++) mean[p]! += data.pixels[i * PIXELS + p]! / 100;
    }
    for (let a = 0; a < 6; a++) {
      for (let b = a + 1; b < 6; b++) {
        let diff = 0;
        for (let p = 0; p < PIXELS; p++) diff += Math.abs(means[a]![p]! - means[b]![p]!);
        expect(diff / PIXELS).toBeGreaterThan(1);
      }
    }
  });

  it('reports progress and finishes with the total', () => {
    const seen: number[] = [];
    generateShapes(600, 1, SIZE, (done) => seen.push(done));
    expect(seen).toEqual([250, 500, 600]);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateShapes(2.5, 1)).toThrow(/whole number/);
  });
});

/** Renders the shape alone: white on black, no noise, so each value is its coverage. */
function coverageOf(params: ShapeParams): Float64Array {
  const mask: ShapeParams = {
    ...params,
    background: [
      [0, 0, 0],
      [0, 0, 0],
    ],
    foreground: [255, 255, 255],
    noise: 0,
  };
  const out = new Uint8Array(PIXELS);
  drawShape(mask, out, 0, SIZE);
  const coverage = new Float64Array(SIZE * SIZE);
  for (let p = 0; p < coverage.length; p++) coverage[p] = out[p * 3]! / 255;
  return coverage;
}

/** Average coverage in four rings around the centre (in units of the shape's radius). */
function radialProfile(params: ShapeParams): number[] {
  const coverage = coverageOf(params);
  const sums = [0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const r = Math.hypot(x + 0.5 - params.centreX, y + 0.5 - params.centreY) / params.radius;
      const bin = Math.floor(r * 4);
      if (bin < 4) {
        sums[bin]! += coverage[y * SIZE + x]!;
        counts[bin]!++;
      }
    }
  }
  return sums.map((sum, bin) => (counts[bin]! ? sum / counts[bin] : 0));
}

describe('randomShapeParams and drawShape', () => {
  const rng = createRng(11);
  const samples = Array.from({ length: 600 }, (_, i) => randomShapeParams(i % 6, SIZE, rng));

  it('keeps the shape colour clearly apart from the background', () => {
    for (const params of samples) {
      for (const shade of params.background) {
        expect(Math.abs(luma(params.foreground) - luma(shade))).toBeGreaterThanOrEqual(
          MIN_CONTRAST,
        );
      }
    }
  });

  it('keeps sizes between 50 % and 90 % of the image and shapes inside it', () => {
    for (const { radius, centreX, centreY } of samples) {
      expect(2 * radius).toBeGreaterThanOrEqual(0.5 * SIZE);
      expect(2 * radius).toBeLessThanOrEqual(0.9 * SIZE);
      expect(centreX - radius).toBeGreaterThanOrEqual(0);
      expect(centreY + radius).toBeLessThanOrEqual(SIZE);
    }
  });

  it('paints shape pixels in the shape colour, in contrast with the background', () => {
    for (const params of samples.slice(0, 60)) {
      const coverage = coverageOf(params);
      const image = new Uint8Array(PIXELS);
      drawShape(params, image, 0, SIZE);
      let covered = 0;
      for (let p = 0; p < coverage.length; p++) {
        if (coverage[p] !== 1) continue;
        covered++;
        const colour: [number, number, number] = [
          image[p * 3]!,
          image[p * 3 + 1]!,
          image[p * 3 + 2]!,
        ];
        // Noise moves a pixel by a few units at most on average.
        expect(Math.abs(luma(colour) - luma(params.foreground))).toBeLessThan(40);
      }
      expect(covered).toBeGreaterThan(10);
    }
  });

  it('gives each class its own outline (coverage by distance from the centre)', () => {
    const profiles = SHAPE_CLASSES.map((_, label) => {
      const mine = samples.filter((_, i) => i % 6 === label).map(radialProfile);
      return [0, 1, 2, 3].map((bin) => mine.reduce((acc, p) => acc + p[bin]!, 0) / mine.length);
    });
    const [circle, square, triangle, star, cross, ring] = profiles as [number[], ...number[][]];
    expect(circle[3]).toBeGreaterThan(0.8);
    expect(ring![0]).toBeLessThan(0.2);
    expect(square![3]).toBeLessThan(circle[3]!);
    expect(star![2]).toBeLessThan(triangle![2]!);
    expect(cross![2]).toBeLessThan(square![2]!);
    for (let a = 0; a < 6; a++) {
      for (let b = a + 1; b < 6; b++) {
        const distance = profiles[a]!.reduce(
          (acc, v, bin) => acc + Math.abs(v - profiles[b]![bin]!),
          0,
        );
        expect(distance, `${SHAPE_CLASSES[a]} vs ${SHAPE_CLASSES[b]}`).toBeGreaterThan(0.15);
      }
    }
  });
});
