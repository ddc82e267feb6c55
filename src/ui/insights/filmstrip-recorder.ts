import type { InsightResult } from '../../shared/insights';
import { useStudio } from '../store/studio-store';
import { firstOfClasses } from './confusion-cells';
import { Superseded } from './insight-queue';
import { refsOf } from './pinned-answers';
import { requestInsight } from './requests';

type Evaluation = Extract<InsightResult, { kind: 'evaluation' }>;
type Saliency = Extract<InsightResult, { kind: 'saliency' }>;

/** How many classes get a default pinned image. */
const DEFAULT_PINS = 4;

async function ensurePins(): Promise<void> {
  if (useStudio.getState().pinned.length > 0) return;
  const evaluation = await requestInsight<Evaluation>('pin-defaults', {
    kind: 'evaluate',
    split: 'validation',
  });
  useStudio.getState().pinDefaults(
    firstOfClasses(evaluation.labels, DEFAULT_PINS).map((index) => ({
      split: 'validation',
      index,
    })),
  );
}

async function recordFrame(epoch: number, isCurrent: () => boolean): Promise<void> {
  await ensurePins();
  const image = useStudio.getState().pinned[0];
  if (!image || !isCurrent()) return;
  // One owner per epoch: a later epoch's frame must not replace this one while it waits.
  const saliency = await requestInsight<Saliency>(`filmstrip:${epoch}`, {
    kind: 'saliency',
    images: refsOf([image]),
    method: 'gradcam',
  });
  const [frame] = saliency.maps;
  if (!isCurrent() || !frame) return;
  const [height = 0, width = 0] = frame.map.shape;
  useStudio.getState().addFrame({
    epoch,
    image,
    classIndex: frame.classIndex,
    map: frame.map.data,
    height,
    width,
  });
}

let started = false;

/**
 * Keeps one Grad-CAM frame per finished epoch, whichever panel is open, so the filmstrip is
 * complete when the user looks at it. Frames of a run that was replaced are dropped.
 */
export function startFilmstripRecorder(): void {
  if (started) return;
  started = true;
  let run = 0;
  useStudio.subscribe((state, previous) => {
    if (state.lastEpoch === previous.lastEpoch) return;
    if (state.lastEpoch === null) {
      run++;
      return;
    }
    const thisRun = run;
    recordFrame(state.lastEpoch.epoch, () => run === thisRun).catch((error: unknown) => {
      if (!(error instanceof Superseded)) console.warn('Filmstrip frame skipped:', error);
    });
  });
}
