import type { Page, Worker } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { HEARTBEAT } from '../src/ui/engine/heartbeat';
import type { Studio } from './studio';
import { studioOnTrain } from './studio';
import { DataPanel } from './data.studio';
import { storedCheckpointEpoch } from './device-loss.studio';

// Three epochs of 20 batches: long enough to cut in the middle, short on a software GPU.
const settings = { epochs: 3, batchSize: 32, examplesPerEpoch: 640, learningRate: 0.005 };
const BATCHES = 20;

/** The training worker (the engine), not the image-decoding workers it starts. */
async function engineWorker(page: Page): Promise<Worker> {
  const isEngine = (worker: Worker) => worker.url().includes('engine.worker');
  return (
    page.workers().find(isEngine) ??
    (await page.waitForEvent('worker', { predicate: isEngine, timeout: 60_000 }))
  );
}

/** The validation accuracy the Train panel shows after `epoch`, as a fraction. */
async function validationAfter(studio: Studio, epoch: number): Promise<number> {
  const line = studio.page.getByTestId('validation');
  await expect(line).toContainText(`after epoch ${epoch}:`, { timeout: 300_000 });
  const text = (await line.textContent()) ?? '';
  return Number(/accuracy ([\d.]+)%/.exec(text)?.[1]) / 100;
}

/** Trains until a few steps into epoch 2, so epoch 1's checkpoint has been written. */
async function trainIntoEpoch2(studio: Studio): Promise<void> {
  await studio.button('train').click();
  await validationAfter(studio, 1);
  await studio.waitForStepAbove(BATCHES + 2);
}

/**
 * Makes the page pause the run one step into epoch 2, with the messages the Pause and Resume
 * buttons send: Pause the moment epoch 1's end reaches the page (the run halts before epoch
 * 2's first step), then Resume and Pause at once (it halts after that step). Call before
 * opening the studio. Pressing Pause from the test, or crashing the worker, once the page
 * shows epoch 2 can land after epoch 2 has ended: on an idle machine its 20 steps take less
 * than the test's polling interval.
 */
async function pauseOneStepIntoEpoch2(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.Worker = class extends window.Worker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        let stage = 0;
        this.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as {
            type?: string;
            state?: string;
            summary?: { epoch?: number };
          } | null;
          if (stage === 0 && data?.type === 'epochEnd' && data.summary?.epoch === 1) {
            stage = 1;
            this.postMessage({ type: 'pause' });
          } else if (stage === 1 && data?.type === 'runState' && data.state === 'paused') {
            stage = 2;
            this.postMessage({ type: 'resume' });
            this.postMessage({ type: 'pause' });
          }
        });
      }
    };
  });
}

/** Trains until pauseOneStepIntoEpoch2 has paused the run and epoch 1's checkpoint is stored. */
async function pauseInEpoch2(studio: Studio): Promise<void> {
  await studio.button('train').click();
  await studio.waitForStepAbove(BATCHES, 300_000);
  await expect(studio.page.getByTestId('run-state')).toHaveAttribute('data-state', 'paused');
  expect(await studio.step()).toBeLessThan(2 * BATCHES);
  await expect.poll(() => storedCheckpointEpoch(studio.page), { timeout: 30_000 }).toBe(1);
}

/**
 * Throws an error the worker does not catch, as a bug in it would: the page notices at once,
 * without waiting for the heartbeat's silence.
 */
async function crash(worker: Promise<Worker>): Promise<void> {
  await (
    await worker
  ).evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
}

/**
 * Lets the page's clock (installed before the studio opened) run past the heartbeat's timeout
 * at once, one ping interval at a time: each tick sees an ordinary interval, so the silence
 * adds up as it would in half a minute of real time.
 */
async function outwaitHeartbeat(page: Page): Promise<void> {
  for (let waited = 0; waited <= HEARTBEAT.timeoutMs; waited += HEARTBEAT.intervalMs) {
    await page.clock.fastForward(HEARTBEAT.intervalMs);
  }
}

/** Restarts the stopped engine and waits for what it brought back. */
async function restart(studio: Studio): Promise<void> {
  const { page } = studio;
  await expect(page.getByTestId('engine-stopped')).toContainText('it crashed', { timeout: 30_000 });
  const restarted = engineWorker(page);
  await page.getByTestId('restart-engine').click();
  await restarted;
  await expect(page.getByTestId('engine-recovery')).toContainText('The engine is running again.', {
    timeout: 120_000,
  });
}

/** The runs table's one row, for a run filed as interrupted in epoch 2. */
async function expectFiledInterrupted(studio: Studio): Promise<void> {
  const { page } = studio;
  await page.getByTestId('tab-runs').click();
  const row = page.getByTestId('run-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-outcome', 'interrupted');
  await expect(row.getByTestId('run-status')).toHaveText('interrupted at epoch 2');
  // Filed with its curves up to the cut: epoch 1's validation score is its last.
  await expect(row.getByTestId('run-validation')).toHaveText(/^\d+\.\d%$/);
}

/**
 * Goes on with the cut run from epoch `from` and checks it ends as one completed run, whose
 * message says it went on from that epoch's checkpoint `after` what cut it.
 */
async function resumeToTheEnd(studio: Studio, from: number, after: string): Promise<void> {
  const { page } = studio;
  await expect(page.getByTestId('resume-run')).toHaveText(`Resume the run from epoch ${from}`);
  await page.getByTestId('resume-run').click();
  // The curves go on from the checkpoint: the same run's series, not a new run beside an old one.
  await expect
    .poll(() => studio.curveStep('loss'), { timeout: 300_000 })
    .toBeGreaterThan(from * BATCHES);
  await expect(page.getByTestId('loss-curve-summary')).not.toContainText('previous');
  // Trained on from the checkpoint's weights, not from new ones: far above chance (10%).
  expect(await validationAfter(studio, from + 1)).toBeGreaterThan(0.3);
  expect(await studio.waitForRunEnd()).toBe('completed');
  await expect(page.getByTestId('epoch')).toHaveText('3 / 3');
  await expect(page.getByTestId('step')).toHaveText(String(3 * BATCHES));
  expect(await studio.testAccuracy()).toBeGreaterThan(0.3);
  const message = `Resumed from the checkpoint of epoch ${from} after ${after}. Finished 3 epochs.`;
  await expect(studio.report).toContainText(message);
  // One run in the history, whole.
  await page.getByTestId('tab-runs').click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(page.getByTestId('run-row')).toHaveAttribute('data-outcome', 'completed');
}

/** Waits for the autosave of what the page holds now, as the Project menu tells it. */
async function autosaved(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.getByTestId('project-menu-button').click();
  const status = page.getByTestId('autosave-status');
  const savedAt = async () =>
    (await status.count()) === 0 ? 0 : Number(await status.getAttribute('data-saved-at'));
  await expect.poll(savedAt, { timeout: 10_000 }).toBeGreaterThan(now);
  await page.keyboard.press('Escape');
}

/** Renames the digit 9 and merges 0 with 1 in the Data panel: nine classes. */
async function editDigits(data: DataPanel): Promise<void> {
  await data.open();
  await data.renameClass(9, 'nine');
  await data.mergeClasses([0, 1], 'zero or one');
  await expect(data.summary).toHaveAttribute('data-classes', '9');
}

/** The Data panel shows the digits as editDigits left them. */
async function expectEditedDigits(data: DataPanel): Promise<void> {
  await data.open();
  await expect(data.summary).toHaveAttribute('data-classes', '9', { timeout: 60_000 });
  await expect(data.classRow('zero or one')).toBeVisible();
  await expect(data.classRow('nine')).toBeVisible();
  await expect(data.classRow('0')).toHaveCount(0);
}

test.describe('recovery from a stopped engine and a closed page', () => {
  test('a training worker that dies mid-run is reported, restarted, and the run goes on from its checkpoint', async ({
    page,
  }) => {
    await page.clock.install();
    await pauseOneStepIntoEpoch2(page);
    const worker = engineWorker(page);
    const studio = await studioOnTrain(page, settings, { heldOut: 1 });
    await pauseInEpoch2(studio);
    expect(await validationAfter(studio, 1)).toBeGreaterThan(0.3);
    // Closed as it trains again: epoch 2's other 19 steps outlast the close by far.
    await studio.button('resume').click();
    await (await worker).evaluate(() => self.close());
    await outwaitHeartbeat(page);

    const stopped = page.getByTestId('engine-stopped');
    await expect(stopped).toContainText('The training engine stopped', { timeout: 60_000 });
    await expect(stopped).toContainText('cut short in epoch 2 of 3');
    await expect(stopped).toContainText('epoch 1 was the last to finish');
    await expect(stopped).toContainText('Restarting loads MNIST digits again.');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle');
    await expect(studio.button('train')).toBeDisabled();
    // What the page asks of a stopped worker is refused at once rather than left waiting.
    await page.getByTestId('tab-insights').click();
    await expect(
      page.getByText('The training engine stopped before answering').first(),
    ).toBeVisible();
    await studio.openTrain();

    const restarted = engineWorker(page);
    await page.getByTestId('restart-engine').click();
    await restarted;
    const recovery = page.getByTestId('engine-recovery');
    await expect(recovery).toContainText('MNIST digits is loaded again.', { timeout: 120_000 });
    await expect(recovery).toContainText('Restored the checkpoint of epoch 1 (validation accuracy');
    await resumeToTheEnd(studio, 1, 'the training engine stopped');
    expect(studio.errors).toEqual([]);
  });

  test('a page reloaded mid-run comes back with its curves and checkpoint, and the run goes on', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page, settings, { heldOut: 1 });
    await studio.button('train').click();
    await validationAfter(studio, 1);
    await studio.waitForStepAbove(BATCHES + 2);
    const savedStep = await studio.curveStep('loss');
    expect(savedStep).toBeGreaterThanOrEqual(BATCHES);

    await page.reload();
    const notice = page.getByTestId('project-notice');
    await expect(notice).toContainText(/Restored the checkpoint of epoch [1-3] /, {
      timeout: 120_000,
    });
    await expect(notice).toContainText('can go on from epoch');
    const epoch = Number(/go on from epoch (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(epoch).toBeGreaterThanOrEqual(1);
    // The curves as saved at that epoch's end, and no run filed yet.
    await studio.openTrain();
    expect(await studio.curveStep('loss')).toBeGreaterThanOrEqual(epoch * BATCHES);
    await resumeToTheEnd(studio, epoch, 'the page closed');
    expect(studio.errors).toEqual([]);
  });

  test('class edits come back after a reload, and a run on them cut by the reload goes on from its checkpoint', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page, settings, { heldOut: 1 });
    const data = new DataPanel(page);
    await editDigits(data);
    await autosaved(page);
    await page.reload();
    await studio.ready();
    await expectEditedDigits(data);

    await studio.openTrain();
    await trainIntoEpoch2(studio);
    await page.reload();
    const notice = page.getByTestId('project-notice');
    await expect(notice).toContainText(/Restored the checkpoint of epoch [1-3] /, {
      timeout: 120_000,
    });
    await expect(notice).toContainText('can go on from epoch');
    const epoch = Number(/go on from epoch (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    await expectEditedDigits(data);
    await studio.openTrain();
    await resumeToTheEnd(studio, epoch, 'the page closed');
    expect(studio.errors).toEqual([]);
  });

  test('a cut run not resumed is filed in the run history as interrupted when a new run starts instead', async ({
    page,
  }) => {
    await pauseOneStepIntoEpoch2(page);
    const worker = engineWorker(page);
    const studio = await studioOnTrain(page, settings, { heldOut: 1 });
    await pauseInEpoch2(studio);
    await crash(worker);
    await restart(studio);
    await expect(page.getByTestId('resume-run')).toHaveText('Resume the run from epoch 1');
    // No run is filed while the cut one can still go on.
    await page.getByTestId('tab-runs').click();
    await expect(page.getByTestId('run-row')).toHaveCount(0);
    await studio.openTrain();
    await studio.button('train').click();
    await expect(page.getByTestId('resume-run')).toHaveCount(0);
    await expectFiledInterrupted(studio);
    expect(studio.errors).toEqual([]);
  });

  test('class edits and the split made before the engine stopped are made again after the restart, so the checkpoint fits', async ({
    page,
  }) => {
    await pauseOneStepIntoEpoch2(page);
    const worker = engineWorker(page);
    const studio = await studioOnTrain(page, settings, { heldOut: 1 });
    const data = new DataPanel(page);
    await editDigits(data);
    await studio.openTrain();
    await pauseInEpoch2(studio);
    await crash(worker);
    await restart(studio);
    const recovery = page.getByTestId('engine-recovery');
    await expect(recovery).toContainText('MNIST digits is loaded again with its 2 class edits.');
    await expect(recovery).toContainText('Restored the checkpoint of epoch 1 (validation accuracy');
    await expect(page.getByTestId('resume-run')).toHaveText('Resume the run from epoch 1');
    await expectEditedDigits(data);
    await expect(data.summary).toContainText('100 validation, 100 test');

    // Left as it is, the cut run is filed.
    await studio.openTrain();
    await page.getByTestId('leave-interrupted').click();
    await expect(page.getByTestId('resume-run')).toHaveCount(0);
    await expectFiledInterrupted(studio);
    expect(studio.errors).toEqual([]);
  });
});
