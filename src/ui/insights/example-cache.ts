import type { SplitName } from '../../shared/insights';

/**
 * Images of examples by split and index, for one dataset at a time, the most recently used
 * kept. A new dataset (any edit replaces the dataset's summary: a re-split moves examples
 * between splits) empties it, so an index never shows another dataset's image; the limit keeps
 * a long run, whose galleries show other examples at every epoch, from keeping every image of
 * the split.
 */
export class ExampleCache<T> {
  private readonly images = new Map<string, T>();
  private dataset: unknown = null;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.images.size;
  }

  /** The image, marked as the most recently used; undefined when it is not kept. */
  get(dataset: unknown, split: SplitName, index: number): T | undefined {
    this.use(dataset);
    const key = `${split}:${index}`;
    const image = this.images.get(key);
    if (image !== undefined) {
      this.images.delete(key);
      this.images.set(key, image);
    }
    return image;
  }

  has(dataset: unknown, split: SplitName, index: number): boolean {
    this.use(dataset);
    return this.images.has(`${split}:${index}`);
  }

  /** Keeps an image of `dataset`, letting the least recently used go beyond the limit. */
  set(dataset: unknown, split: SplitName, index: number, image: T): void {
    this.use(dataset);
    const key = `${split}:${index}`;
    this.images.delete(key);
    this.images.set(key, image);
    while (this.images.size > this.limit) {
      const oldest = this.images.keys().next().value;
      if (oldest === undefined) break;
      this.images.delete(oldest);
    }
  }

  private use(dataset: unknown): void {
    if (dataset === this.dataset) return;
    this.images.clear();
    this.dataset = dataset;
  }
}
