import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onerror: ((error: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('window', { location: { href: 'http://studio.test/' } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the engine client', () => {
  it('reports a worker that stops answering mid-run as stopped', async () => {
    const { startEngine } = await import('../engine-client');
    const { useStudio } = await import('../store/studio-store');
    startEngine(undefined);
    useStudio.getState().recordRunStart();
    useStudio.setState({
      runState: 'training',
      progress: { epoch: 2, epochs: 3, batch: 4, batchesPerEpoch: 10, step: 14, examplesPerSec: 9 },
      lastEpoch: { epoch: 1, validation: { loss: 0.5, accuracy: 0.8 }, numTensors: 10 },
    });
    vi.advanceTimersByTime(29_000);
    expect(useStudio.getState().engine.kind).toBe('running');
    vi.advanceTimersByTime(4_000);
    const engine = useStudio.getState().engine;
    expect(engine.kind).toBe('stopped');
    expect(FakeWorker.last?.terminated).toBe(true);
    expect(useStudio.getState().runState).toBe('idle');
    expect(engine.kind === 'stopped' && engine.message).toContain('cut short in epoch 2 of 3');
    expect(useStudio.getState().interrupted).toMatchObject({ at: null });
  });

  it('files a cross-validated run the stop cut short as interrupted at once: it cannot go on', async () => {
    const { startEngine } = await import('../engine-client');
    const { useStudio } = await import('../store/studio-store');
    const { metricsBuffer } = await import('../train/metrics-buffer');
    startEngine(undefined);
    const settings = { ...useStudio.getState().settings, epochs: 3, crossValidation: 3 };
    useStudio.getState().recordRunStart({ settings });
    useStudio.setState({ runState: 'training' });
    metricsBuffer.append([{ series: 'train', step: 10, epoch: 2, loss: 0.4, accuracy: 0.9 }]);
    FakeWorker.last?.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    const [filed] = useStudio.getState().runs;
    expect(filed).toMatchObject({
      outcome: 'interrupted',
      message: 'Interrupted at epoch 2 of 3, and not resumed.',
      points: metricsBuffer.all(),
    });
    expect(useStudio.getState().interrupted).toBeNull();
  });
});
