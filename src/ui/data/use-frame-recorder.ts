import type { RefObject } from 'react';
import { useCallback, useEffect, useRef } from 'react';
import { rgbaOf } from '../playground/image-source';
import { toInputPixels } from '../playground/preprocess';
import { centreCrop } from '../webcam/centre-crop';
import { send } from '../engine-client';

/** About eight frames a second: enough variety without near-identical neighbours. */
const FRAME_MS = 125;
/** Frames sent together, so the counts move while the button is held. */
const BATCH = 4;

/**
 * Records webcam frames into a class while `start` is held: each frame is centre-cropped to
 * the dataset's aspect, drawn at its height × width (unmirrored, as the camera sees the world
 * and as the playground predicts), and sent to the worker in small batches.
 */
export function useFrameRecorder(
  video: RefObject<HTMLVideoElement | null>,
  shape: readonly [number, number, number],
): { start: (classIndex: number) => void; stop: () => void } {
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const pending = useRef<{ classIndex: number; frames: Uint8Array[] } | null>(null);
  const [h, w, c] = shape;

  const flush = useCallback(() => {
    const batch = pending.current;
    if (!batch || batch.frames.length === 0) return;
    const size = h * w * c;
    const pixels = new Uint8Array(size * batch.frames.length);
    batch.frames.forEach((frame, n) => pixels.set(frame, n * size));
    send({ type: 'addExamples', classIndex: batch.classIndex, pixels, count: batch.frames.length });
    batch.frames = [];
  }, [h, w, c]);

  const capture = useCallback(() => {
    const v = video.current;
    const batch = pending.current;
    if (!v || !batch || v.videoWidth === 0) return;
    const crop = centreCrop(v.videoWidth, v.videoHeight, [h, w]);
    batch.frames.push(toInputPixels(rgbaOf(v, w, h, crop), [h, w, c]));
    if (batch.frames.length >= BATCH) flush();
  }, [video, h, w, c, flush]);

  const stop = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
    flush();
    pending.current = null;
  }, [flush]);

  const start = useCallback(
    (classIndex: number) => {
      if (timer.current !== null) return;
      pending.current = { classIndex, frames: [] };
      capture();
      timer.current = setInterval(capture, FRAME_MS);
    },
    [capture],
  );

  useEffect(() => stop, [stop]);
  return { start, stop };
}
