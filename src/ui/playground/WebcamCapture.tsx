import { useEffect, useRef, useState } from 'react';
import { cameraProblem } from './camera-errors';
import { rgbaOf } from './image-source';
import type { InputShape, RgbaImage } from './preprocess';

/** Live predictions at most this often; each also waits for the previous answer. */
const LIVE_MS = 500;

/** The largest centred crop of a `w` × `h` frame with the input's aspect ratio. */
function centreCrop(w: number, h: number, shape: InputShape) {
  const aspect = shape[1] / shape[0];
  const width = Math.min(w, h * aspect);
  const height = width / aspect;
  return { x: (w - width) / 2, y: (h - height) / 2, width, height };
}

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
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [stream]);

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

  const start = async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('This browser offers no camera here (it needs a secure https or localhost page).');
      return;
    }
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: true, audio: false }));
    } catch (error) {
      setProblem(cameraProblem(error));
    }
  };

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
                setStream(null);
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
