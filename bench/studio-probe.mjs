/**
 * Runs inside the studio page before its own scripts (page.addInitScript) and only watches:
 * it records the engine worker's progress, epoch and run-end events as they reach the page,
 * main-thread long tasks, and requestAnimationFrame timestamps. Nothing in the studio is
 * changed; the bench reads `window.__layerwiseBenchProbe`, and the end-to-end tests read its
 * count of insight requests by kind (e2e/insight-requests.ts).
 */
export function studioProbe() {
  const probe = {
    /** performance.now() when the measured part began; 0 before that. */
    start: 0,
    longTasks: [],
    frames: [],
    progress: [],
    epochEnds: [],
    runEnd: null,
    /**
     * Whether progress, frames and long tasks are kept. The soak turns it off: over a long run
     * these lists would grow in the very heap it measures.
     */
    timeline: true,
    /** Insight requests the page has sent to the engine, and answers it has had (never reset). */
    insightsAsked: 0,
    insightsAnswered: 0,
    /** Insight requests since the last reset, by kind: what the panel had on screen. */
    askedByKind: {},
    reset(timeline = true) {
      this.timeline = timeline;
      this.start = performance.now();
      this.longTasks = [];
      this.frames = [];
      this.progress = [];
      this.epochEnds = [];
      this.runEnd = null;
      this.askedByKind = {};
    },
  };
  window.__layerwiseBenchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (probe.timeline && probe.start > 0 && entry.startTime >= probe.start) {
        probe.longTasks.push(entry.duration);
      }
    }
  }).observe({ type: 'longtask', buffered: true });
  const frame = (t) => {
    if (probe.timeline && probe.start > 0 && probe.runEnd === null) probe.frames.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // The studio's worker is created with `new Worker(…)`; a subclass adds one more listener,
  // and counts the insight requests it is sent.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    postMessage(message, ...rest) {
      if (message && message.type === 'insight') {
        probe.insightsAsked++;
        const kind = message.request.kind;
        probe.askedByKind[kind] = (probe.askedByKind[kind] ?? 0) + 1;
      }
      return super.postMessage(message, ...rest);
    }

    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (message) => {
        const event = message.data;
        const t = performance.now();
        if (!event || typeof event.type !== 'string') return;
        if (event.type === 'insight' || event.type === 'insightError') probe.insightsAnswered++;
        if (event.type === 'progress') {
          if (!probe.timeline) return;
          const { step, epoch, examplesPerSec } = event.progress;
          probe.progress.push({ t, step, epoch, examplesPerSec });
        } else if (event.type === 'epochEnd') {
          const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
          const { epoch, numTensors } = event.summary;
          probe.epochEnds.push({ t, epoch, numTensors, heapBytes: heap, tfjsBytes: null });
          if (typeof window.__layerwiseBenchEpochEnd === 'function') {
            void window.__layerwiseBenchEpochEnd(epoch);
          }
        } else if (event.type === 'runEnd') {
          probe.runEnd = { t, outcome: event.outcome, message: event.message };
        }
      });
    }
  };
}
