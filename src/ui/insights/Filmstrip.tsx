import type { FilmFrame } from '../store/insights-slice';
import { selectFilmstrip } from '../store/selectors';
import { useStudio } from '../store/studio-store';
import { usePinnedPixels } from './PinnedThumb';
import { SaliencyOverlay } from './SaliencyOverlay';

function Frame({
  frame,
  opacity,
  className,
}: {
  frame: FilmFrame;
  opacity: number;
  className: string;
}) {
  const base = usePinnedPixels(frame.image);
  return (
    <figure className="film-frame" data-testid="filmstrip-frame" data-epoch={frame.epoch}>
      {base && (
        <SaliencyOverlay
          base={base}
          map={frame.map}
          mapHeight={frame.height}
          mapWidth={frame.width}
          opacity={opacity}
          scale={3}
          label={`Grad-CAM after epoch ${frame.epoch} for class ${className}`}
          testId="filmstrip-image"
        />
      )}
      <figcaption>epoch {frame.epoch}</figcaption>
    </figure>
  );
}

/** One Grad-CAM frame per finished epoch, so the attention can be seen sharpening. */
export function Filmstrip({ opacity, classNames }: { opacity: number; classNames: string[] }) {
  const frames = useStudio(selectFilmstrip);
  return (
    <div className="filmstrip-wrap">
      <h4>Grad-CAM filmstrip, one frame per epoch</h4>
      {frames.length === 0 && (
        <p className="hint">A frame of the first pinned image is kept at the end of each epoch.</p>
      )}
      <div className="filmstrip" data-testid="filmstrip" data-count={frames.length}>
        {frames.map((frame) => (
          <Frame
            key={frame.epoch}
            frame={frame}
            opacity={opacity}
            className={classNames[frame.classIndex] ?? String(frame.classIndex)}
          />
        ))}
      </div>
    </div>
  );
}
