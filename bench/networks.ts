import type { ModelSpec } from '../src/shared/model-spec';
import { MNIST_SHAPE, TEMPLATES } from '../src/model/templates';

/** The networks the bench trains, by the studio's template id. */
export const BENCH_NETWORKS = ['starter', 'smallResnet'] as const;
export type BenchNetwork = (typeof BENCH_NETWORKS)[number];

/** The spec the studio would build for this template on the bundled MNIST digits. */
export function benchSpec(network: BenchNetwork): ModelSpec {
  const template = TEMPLATES.find((t) => t.id === network);
  if (!template) throw new Error(`The studio has no template called "${network}".`);
  return template.build(MNIST_SHAPE);
}
