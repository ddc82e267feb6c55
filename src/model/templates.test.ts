import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import type { DatasetShape } from './analyse';
import { TEMPLATES, starterNetwork } from './templates';

const DATASETS: DatasetShape[] = [
  { shape: [28, 28, 1], classes: 10 },
  { shape: [32, 32, 3], classes: 10 },
];

describe('starterNetwork', () => {
  it('is a valid network for MNIST by default', () => {
    expect(analyse(starterNetwork(), { shape: [28, 28, 1], classes: 10 }).problems).toEqual([]);
  });

  it('has stable ids, names and a top-to-bottom layout', () => {
    const { nodes } = starterNetwork();
    const ids = [
      'input',
      'conv1',
      'pool1',
      'conv2',
      'pool2',
      'flatten',
      'dense1',
      'dropout',
      'output',
    ];
    expect(nodes.map((node) => node.id)).toEqual(ids);
    expect(nodes.map((node) => node.name)).toEqual(ids);
    const ys = nodes.map((node) => node.position?.y ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('returns a fresh spec each time, so editing one never changes the next', () => {
    const first = starterNetwork();
    first.nodes.pop();
    expect(starterNetwork().nodes).toHaveLength(9);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it.each(DATASETS.map((d) => [`${d.shape.join('×')}/${d.classes}`, d] as const))(
    'is valid for %s and small enough to train live',
    (_name, dataset) => {
      const analysis = analyse(template.build(dataset), dataset);
      expect(analysis.problems).toEqual([]);
      expect(analysis.totalParams).toBeLessThanOrEqual(300_000);
    },
  );

  it('adapts its Input and output to the dataset', () => {
    const spec = template.build({ shape: [20, 24, 3], classes: 7 });
    const analysis = analyse(spec, { shape: [20, 24, 3], classes: 7 });
    expect(analysis.problems).toEqual([]);
    expect(analysis.shapes[analysis.order.at(-1) ?? '']).toEqual([null, 7]);
  });

  it('lays every layer out top to bottom, each wire pointing down, branches side by side', () => {
    const spec = template.build(DATASETS[0]!);
    const at = new Map(spec.nodes.map((node) => [node.id, node.position]));
    const keys = spec.nodes.map((node) => `${node.position?.x},${node.position?.y}`);
    expect(new Set(keys).size).toBe(spec.nodes.length);
    for (const edge of spec.edges) {
      expect(at.get(edge.to)?.y, `${edge.from} → ${edge.to}`).toBeGreaterThanOrEqual(
        at.get(edge.from)?.y ?? Infinity,
      );
    }
  });

  it('has a label and a description', () => {
    expect(template.label).not.toBe('');
    expect(template.description).toMatch(/\.$/);
  });
});

describe('TEMPLATES', () => {
  it('offers the starter, LeNet-5, a small VGG, a small ResNet and a MobileNet', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'starter',
      'lenet5',
      'smallVgg',
      'smallResnet',
      'mobilenet',
    ]);
  });

  it('uses Add skip connections in the ResNet and depthwise layers in the MobileNet', () => {
    const build = (id: string) => TEMPLATES.find((t) => t.id === id)?.build(DATASETS[1]!);
    expect(build('smallResnet')?.nodes.filter((n) => n.kind === 'add')).toHaveLength(3);
    expect(build('mobilenet')?.nodes.some((n) => n.kind === 'depthwiseConv2d')).toBe(true);
  });
});
