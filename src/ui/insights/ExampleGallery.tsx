import type { SplitName } from '../../shared/insights';
import { ClassLabel } from '../ClassLabel';
import { MAX_PINNED } from '../../shared/insights';
import { selectPinned } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { useExamples } from './example-pixels';
import { RgbaCanvas } from './RgbaCanvas';

export interface GalleryItem {
  index: number;
  /** The class the image is labelled with. */
  actual: string;
  /** The class the network gave it, where the caption says so. */
  predicted?: string;
  /** Extra lines under the image: the network's top classes and their probabilities. */
  top?: { name: string; p: number }[];
}

/** What the image shows, e.g. "actual 4, predicted 9": its text alternative. */
const caption = ({ actual, predicted }: GalleryItem) =>
  predicted === undefined ? `actual ${actual}` : `actual ${actual}, predicted ${predicted}`;

interface Props {
  owner: string;
  split: SplitName;
  items: GalleryItem[];
  testId: string;
}

/** Example images of a split, each captioned and pinnable for feature maps and saliency. */
export function ExampleGallery({ owner, split, items, testId }: Props) {
  const { images, error } = useExamples(
    owner,
    split,
    items.map((item) => item.index),
  );
  const pinned = useStudio(selectPinned);
  const pin = useStudio((s) => s.pin);
  const full = pinned.length >= MAX_PINNED;
  return (
    <div className="gallery" data-testid={testId} data-count={items.length}>
      {error && <p className="message error">{error}</p>}
      {items.map((item) => {
        const image = images.get(item.index);
        const isPinned = pinned.some((p) => p.split === split && p.index === item.index);
        return (
          <figure key={item.index} className="gallery-item">
            {image ? (
              <RgbaCanvas
                image={image}
                scale={2}
                label={`${split} example ${item.index}: ${caption(item)}`}
                testId="gallery-image"
              />
            ) : (
              <div className="gallery-pending" aria-hidden="true" />
            )}
            <figcaption>
              <span>
                actual <ClassLabel name={item.actual} />
              </span>
              {item.predicted !== undefined && (
                <span>
                  predicted <ClassLabel name={item.predicted} />
                </span>
              )}
              {item.top?.map(({ name, p }) => (
                <span key={name} className="gallery-detail">
                  <ClassLabel name={name} />: {(p * 100).toFixed(1)}%
                </span>
              ))}
              <button
                type="button"
                className="link-button"
                disabled={isPinned || full}
                onClick={() => pin({ split, index: item.index })}
                aria-label={`Pin ${split} example ${item.index}`}
              >
                {isPinned ? 'Pinned' : 'Pin'}
              </button>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
