import { useId, useState } from 'react';
import type { DatasetSummary } from '../../shared/dataset';
import { useCamera } from '../webcam/use-camera';
import { ClassLabel } from '../ClassLabel';
import { send } from '../engine-client';
import { HoldToRecord } from './HoldToRecord';
import { useFrameRecorder } from './use-frame-recorder';

/**
 * Builds a dataset from the webcam: add a class, then hold its button to record frames into
 * it. The preview is mirrored because a mirror feels natural; the frames are not.
 */
export function WebcamRecorder({ summary }: { summary: DatasetSummary }) {
  const id = useId();
  const { video, stream, problem, cameras, cameraId, start } = useCamera({ autoStart: true });
  const recorder = useFrameRecorder(video, summary.inputShape);
  const [className, setClassName] = useState('');
  const name = className.trim();
  const taken = summary.classNames.includes(name);

  return (
    <section className="webcam-recorder" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Webcam capture</h3>
      <video
        ref={video}
        className="webcam-preview mirrored"
        data-testid="webcam-preview"
        autoPlay
        muted
        playsInline
        aria-label="Camera preview, mirrored"
        hidden={!stream}
      />
      {problem && (
        <p className="message error" role="alert" data-testid="webcam-error">
          {problem}
        </p>
      )}
      <div className="webcam-controls">
        <label htmlFor={`${id}-camera`}>Camera</label>
        <select
          id={`${id}-camera`}
          data-testid="webcam-camera"
          value={cameraId}
          onChange={(event) => void start(event.target.value)}
        >
          {cameras.length === 0 && <option value="">Default camera</option>}
          {cameras.map((device, i) => (
            <option key={device.deviceId || i} value={device.deviceId}>
              {device.label || `Camera ${i + 1}`}
            </option>
          ))}
        </select>
        {!stream && (
          <button type="button" onClick={() => void start(cameraId)}>
            Start camera
          </button>
        )}
      </div>
      <form
        className="webcam-add-class"
        onSubmit={(event) => {
          event.preventDefault();
          if (name === '' || taken) return;
          send({ type: 'editClasses', edit: { op: 'add', name } });
          setClassName('');
        }}
      >
        <label htmlFor={`${id}-name`}>New class</label>
        <input
          id={`${id}-name`}
          data-testid="webcam-class-name"
          value={className}
          placeholder="e.g. thumbs up"
          onChange={(event) => setClassName(event.target.value)}
        />
        <button type="submit" data-testid="webcam-add-class" disabled={name === '' || taken}>
          Add class
        </button>
        {taken && (
          <span className="field-problem" data-testid="webcam-class-taken">
            There is already a class called <ClassLabel name={name} />.
          </span>
        )}
      </form>
      {summary.classNames.length === 0 ? (
        <p className="hint">Add a class, then hold its button while showing it to the camera.</p>
      ) : (
        <ul className="webcam-classes" data-testid="webcam-classes">
          {summary.classNames.map((label, index) => (
            <li key={index}>
              <span className="webcam-class-name">
                <ClassLabel name={label} />
              </span>{' '}
              <span className="webcam-class-count" data-testid={`webcam-count-${index}`}>
                {summary.classCounts[index] ?? 0} images
              </span>{' '}
              <HoldToRecord
                index={index}
                name={label}
                disabled={!stream}
                onStart={() => recorder.start(index)}
                onStop={recorder.stop}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
