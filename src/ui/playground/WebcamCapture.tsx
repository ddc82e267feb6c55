import { useEffect, useRef, useState } from 'react';
import { centreCrop } from '../webcam/centre-crop';
import { useCamera } from '../webcam/use-camera';
import { rgbaOf } from './image-source';
import type { InputShape, RgbaImage } from './preprocess';

/** Live predictions at most this often; each also waits for the previous answer. */
const LIVE_MS = 500;

/**
 * The webcam, previewed mirrored (as a mirror feels natural), with a snapshot button and a live
 * mode. Frames go to the network unmirrored, as the camera sees the world, centre-cropped to the
 * input's aspect ratio.
 */
export function WebcamCapture({
  shape,
  onFrame,
}: {
  shape: InputShape;
  onFrame: (image: RgbaImage) => void;
}) {
  const { video, stream, problem, start, stop } = useCamera();
  const [live, setLive] = useState(false);

  const snapshot = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    // Read at a modest size: area averaging then brings it to the input's size.
    const crop = centreCrop(v.videoWidth, v.videoHeight, shape);
    const scale = Math.min(1, 256 / Math.max(crop.width, crop.height));
    onFrame(
      rgbaOf(
        v,
        Math.max(1, Math.round(crop.width * scale)),
        Math.max(1, Math.round(crop.height * scale)),
        crop,
      ),
    );
  };

  const snapshotRef = useRef(snapshot);
  useEffect(() => {
    snapshotRef.current = snapshot;
  });
  useEffect(() => {
    if (!live || !stream) return;
    const timer = setInterval(() => snapshotRef.current(), LIVE_MS);
    return () => clearInterval(timer);
  }, [live, stream]);

  return (
    <div className="webcam">
      <video
        ref={video}
        className="webcam-preview"
        data-testid="webcam-preview"
        autoPlay
        muted
        playsInline
        hidden={!stream}
      />
      {problem && (
        <p className="message error" role="alert" data-testid="camera-error">
          {problem}
        </p>
      )}
      <div className="webcam-controls">
        {stream ? (
          <>
            <button type="button" data-testid="camera-snapshot" onClick={snapshot}>
              Predict from camera
            </button>
            <label>
              <input
                type="checkbox"
                data-testid="camera-live"
                checked={live}
                onChange={(event) => setLive(event.currentTarget.checked)}
              />{' '}
              Live (twice a second)
            </label>
            <button
              type="button"
              onClick={() => {
                setLive(false);
                stop();
              }}
            >
              Stop camera
            </button>
          </>
        ) : (
          <button type="button" data-testid="camera-start" onClick={() => void start()}>
            Start camera
          </button>
        )}
      </div>
    </div>
  );
}
