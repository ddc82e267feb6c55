import { describe, expect, it } from 'vitest';
import type { LayerConfigs } from '../../shared/model-spec';
import { conv2d } from './conv2d';

const config = (changes: Partial<LayerConfigs['conv2d']> = {}) => ({
  ...conv2d.defaults,
  ...changes,
});

describe('conv2d', () => {
  it("follows Keras' output sizes for 'valid' and 'same' padding", () => {
    const image = [[null, 28, 28, 1]];
    expect(conv2d.inferShape(image, config({ kernelSize: 5, filters: 8 }))).toEqual([
      null,
      24,
      24,
      8,
    ]);
    expect(conv2d.inferShape(image, config({ kernelSize: 5, padding: 'same' }))).toEqual([
      null,
      28,
      28,
      8,
    ]);
    expect(conv2d.inferShape(image, config({ kernelSize: 3, strides: 2 }))).toEqual([
      null,
      13,
      13,
      8,
    ]);
    expect(conv2d.inferShape(image, config({ strides: 3, padding: 'same' }))).toEqual([
      null,
      10,
      10,
      8,
    ]);
  });

  it('handles non-square images', () => {
    expect(conv2d.inferShape([[null, 10, 6, 3]], config())).toEqual([null, 8, 4, 8]);
  });

  it('explains a kernel larger than its input, naming both sizes', () => {
    const result = conv2d.inferShape([[null, 4, 4, 16]], config({ kernelSize: 5 }));
    expect(result).toMatchObject({
      problem: expect.stringContaining(
        'The 5×5 kernel is larger than its 4×4×16 input, so it fits nowhere.',
      ) as unknown,
      fix: { label: "Use padding 'same'", config: { padding: 'same' } },
    });
  });

  it('lets a large kernel through with same padding', () => {
    expect(
      conv2d.inferShape([[null, 4, 4, 1]], config({ kernelSize: 5, padding: 'same' })),
    ).toEqual([null, 4, 4, 8]);
  });

  it('refuses a flat input', () => {
    expect(conv2d.inferShape([[null, 256]], config())).toMatchObject({
      problem: expect.stringContaining('needs an image-shaped input') as unknown,
    });
  });

  it.each([
    ['Filters', { filters: 0 }],
    ['Filters', { filters: 2.5 }],
    ['Kernel size', { kernelSize: -1 }],
    ['Strides', { strides: 0 }],
  ])('refuses %s that is not a whole number of at least 1', (setting, changes) => {
    expect(conv2d.inferShape([[null, 28, 28, 1]], config(changes))).toMatchObject({
      problem: expect.stringMatching(new RegExp(`^${setting} must be a whole number`)) as unknown,
    });
  });

  it('dilates the kernel: k + (k − 1)(d − 1)', () => {
    const image = [[null, 28, 28, 1]];
    expect(conv2d.inferShape(image, config({ kernelSize: 3, dilation: 2 }))).toEqual([
      null,
      24,
      24,
      8,
    ]);
    expect(conv2d.inferShape([[null, 4, 4, 1]], config({ dilation: 2 }))).toMatchObject({
      problem: expect.stringContaining('(dilated to 5×5)') as unknown,
    });
  });

  it('refuses strides and dilation both above 1, offering strides 1', () => {
    expect(
      conv2d.inferShape([[null, 28, 28, 1]], config({ strides: 2, dilation: 2 })),
    ).toMatchObject({ fix: { label: 'Set strides to 1', config: { strides: 1 } } });
  });

  it('counts kernel weights plus one bias per filter', () => {
    expect(conv2d.params([[null, 12, 12, 8]], config({ kernelSize: 5, filters: 16 }))).toBe(3216);
    expect(
      conv2d.params([[null, 12, 12, 8]], config({ kernelSize: 5, filters: 16, useBias: false })),
    ).toBe(3200);
  });

  it('counts two FLOPs per multiply-add at every output value', () => {
    const flops = conv2d.flops([[null, 28, 28, 1]], [null, 24, 24, 8], config({ kernelSize: 5 }));
    expect(flops).toBe(2 * 5 * 5 * 1 * 24 * 24 * 8);
  });
});
