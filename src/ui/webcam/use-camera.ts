import type { RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraProblem } from '../playground/camera-errors';

/** A live camera for a `<video>`: its stream, the cameras to choose from, and what went wrong. */
export interface Camera {
  /** Attach to the preview `<video>`; the stream is set on it whenever it changes. */
  video: RefObject<HTMLVideoElement | null>;
  stream: MediaStream | null;
  /** Why the camera is not running, in words a person can act on. */
  problem: string | null;
  /** The video inputs the browser reports (names appear once the camera is allowed). */
  cameras: MediaDeviceInfo[];
  /** The camera in use, or '' for the browser's default. */
  cameraId: string;
  start: (cameraId?: string) => Promise<void>;
  stop: () => void;
}

async function videoInputs(): Promise<MediaDeviceInfo[]> {
  const devices = (await navigator.mediaDevices.enumerateDevices?.()) ?? [];
  return devices.filter((device) => device.kind === 'videoinput');
}

/**
 * Opens and closes the camera for a preview, shared by the playground and webcam capture.
 * With `autoStart`, the camera opens when the component mounts. The stream's tracks are
 * stopped on every change and on unmount, so the camera light goes off when it is not shown.
 */
export function useCamera({ autoStart = false }: { autoStart?: boolean } = {}): Camera {
  const video = useRef<HTMLVideoElement | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState('');
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [stream]);

  const start = useCallback(async (id = '') => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('This browser offers no camera here (it needs a secure https or localhost page).');
      return;
    }
    try {
      const video = id ? { deviceId: { exact: id } } : true;
      const opened = await navigator.mediaDevices.getUserMedia({ video, audio: false });
      // Closed while the browser was asking: release the camera rather than keep it lit.
      if (!mounted.current) {
        opened.getTracks().forEach((track) => track.stop());
        return;
      }
      setStream(opened);
      setCameraId(opened.getVideoTracks()[0]?.getSettings().deviceId ?? id);
      // Camera names are hidden until the user allows a camera, so list them only now.
      setCameras(await videoInputs());
    } catch (error) {
      if (!mounted.current) return;
      setStream(null);
      setProblem(cameraProblem(error));
    }
  }, []);

  const stop = useCallback(() => setStream(null), []);

  useEffect(() => {
    if (!autoStart) return;
    // Deferred a tick: a mount that is undone at once (React's strict mode) opens no camera.
    const timer = setTimeout(() => void start(), 0);
    return () => clearTimeout(timer);
  }, [autoStart, start]);

  return { video, stream, problem, cameras, cameraId, start, stop };
}
