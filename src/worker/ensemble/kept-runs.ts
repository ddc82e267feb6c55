import type { ModelPair } from '../../shared/exported-model';
import type { ModelSpec } from '../../shared/model-spec';
import type { TrainSettings } from '../../shared/train-settings';

/** A finished run's trained model, serialised, with what it takes to build it again. */
export interface KeptRun {
  pair: ModelPair;
  spec: ModelSpec;
  settings: TrainSettings;
}

/** A kept run with the id the page knows it by. */
export interface Member {
  runId: string;
  kept: KeptRun;
}

/** Runs kept at most: a dozen small networks is a few MB, and more than any ensemble needs. */
export const KEPT_RUNS = 12;

/** Weights kept at most, so a dozen transfer-learning runs cannot fill the worker's memory. */
export const KEPT_BYTES = 256 * 1024 * 1024;

/** Thrown when some of the asked-for runs are not kept; the page names them. */
export class RunsNotKeptError extends Error {
  constructor(readonly runIds: string[]) {
    super(
      runIds.length === 1
        ? "A run's weights are no longer kept: replay it first."
        : `${runIds.length} runs' weights are no longer kept: replay them first.`,
    );
    this.name = 'RunsNotKeptError';
  }
}

/**
 * The trained models of the latest finished runs, by run id, for ensembles. The oldest goes
 * first when there are more than `limit` or they hold more than `budget` bytes of weights.
 */
export class KeptRuns {
  private readonly runs = new Map<string, KeptRun>();

  constructor(
    private readonly limit = KEPT_RUNS,
    private readonly budget = KEPT_BYTES,
  ) {}

  get size(): number {
    return this.runs.size;
  }

  keep(runId: string, run: KeptRun): void {
    // Deleted first so a run kept again counts as the latest.
    this.runs.delete(runId);
    this.runs.set(runId, run);
    while (this.runs.size > this.limit || (this.runs.size > 1 && this.bytes() > this.budget)) {
      const oldest = this.runs.keys().next().value;
      if (oldest === undefined) break;
      this.runs.delete(oldest);
    }
  }

  has(runId: string): boolean {
    return this.runs.has(runId);
  }

  /**
   * The kept runs of an ensemble, in the order given, each once.
   *
   * @throws Error for fewer than two runs; RunsNotKeptError naming the runs not kept.
   */
  members(runIds: string[]): Member[] {
    const unique = [...new Set(runIds)];
    if (unique.length < 2) {
      throw new Error('An ensemble needs at least two runs: tick another one.');
    }
    const missing = unique.filter((runId) => !this.runs.has(runId));
    if (missing.length > 0) throw new RunsNotKeptError(missing);
    return unique.map((runId) => ({ runId, kept: this.runs.get(runId)! }));
  }

  /** Forgets every run: their models belong to data that has changed. */
  clear(): void {
    this.runs.clear();
  }

  private bytes(): number {
    let total = 0;
    for (const run of this.runs.values()) total += run.pair.weights.byteLength;
    return total;
  }
}
