import { selectPinned } from '../store/selectors';
import { MAX_PINNED } from '../../shared/insights';
import { useStudio } from '../store/studio-store';
import type { PinnedImage } from '../store/insights-slice';
import { usePinnedPixels } from './PinnedThumb';
import { RgbaCanvas } from './RgbaCanvas';

function Thumb({ image }: { image: PinnedImage }) {
  const pixels = usePinnedPixels(image);
  return pixels ? (
    <RgbaCanvas image={pixels} scale={2} label={`${image.split} example ${image.index}`} />
  ) : null;
}

/** The pinned images, each with a button to unpin it. */
export function PinnedImages() {
  const pinned = useStudio(selectPinned);
  const unpin = useStudio((s) => s.unpin);
  return (
    <div className="pinned" data-testid="pinned-images" data-count={pinned.length}>
      <h3>
        Pinned images ({pinned.length} of {MAX_PINNED})
      </h3>
      {pinned.length === 0 && (
        <p className="hint">Pin images from the galleries below to look inside the network.</p>
      )}
      <ul>
        {pinned.map((p) => {
          return (
            <li key={`${p.split}:${p.index}`}>
              <Thumb image={p} />
              <button
                type="button"
                className="link-button"
                onClick={() => unpin(p)}
                aria-label={`Unpin ${p.split} example ${p.index}`}
              >
                Unpin
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
