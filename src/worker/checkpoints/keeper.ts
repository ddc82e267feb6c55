import { FREE_SPACE, isQuotaExceeded } from '../../shared/storage-full';
import type { Checkpoint } from './checkpoint';
import type { CheckpointSlot, CheckpointStore } from './store';

/**
 * Keeps the latest checkpoint and the current run's best one. Writes go on in the background,
 * one transaction per epoch end, so training never waits for the disk; a write that fails
 * (a full quota, private browsing) is reported once and never stops the run.
 */
export class CheckpointKeeper {
  private best: Checkpoint | null = null;
  /** The current run's last checkpoint, or null before its first epoch ends. */
  private last: Checkpoint | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** The epoch of the last `latest` checkpoint written, or null before one was. */
  private storedEpoch: number | null = null;
  private failed = false;

  constructor(
    private readonly store: CheckpointStore,
    private readonly report: (message: string) => void,
  ) {}

  /**
   * A new run: its best epoch is chosen among its own epochs. A cut run going on `from` a
   * checkpoint has that one as its latest until its next epoch ends.
   */
  beginRun(from: Checkpoint | null = null): void {
    this.best = null;
    this.last = from;
  }

  get latestEpoch(): number | null {
    return this.last?.epoch ?? null;
  }

  /** The current (or last) run's latest checkpoint, from memory: what a run resumes from. */
  get latestOfRun(): Checkpoint | null {
    return this.last;
  }

  /** The best checkpoint of the current (or last) run, from memory. */
  get bestOfRun(): Checkpoint | null {
    return this.best;
  }

  /**
   * Keeps an epoch's checkpoint, as the run's best too when `best` (the run judges that, by
   * its early-stopping monitor); returns at once, the write finishes later.
   */
  keep(checkpoint: Checkpoint, best: boolean): void {
    // A diverged epoch is nothing to go back to.
    if (!Number.isFinite(checkpoint.validation.loss)) return;
    this.last = checkpoint;
    const entries: [CheckpointSlot, Checkpoint][] = [['latest', checkpoint]];
    if (best) {
      this.best = checkpoint;
      entries.push(['best', checkpoint]);
    }
    this.writing = this.writing
      .then(() => this.store.put(entries))
      .then(() => {
        this.storedEpoch = checkpoint.epoch;
        this.failed = false;
      })
      .catch((error: unknown) => this.reportFailure(error));
  }

  /** A stored checkpoint, after the writes already under way. */
  async read(slot: CheckpointSlot): Promise<Checkpoint | undefined> {
    await this.writing;
    return this.store.get(slot);
  }

  /** Resolves once every write asked for so far has finished (or failed). */
  settled(): Promise<void> {
    return this.writing;
  }

  /**
   * Says in plain words that checkpoints are not being kept: once, and again only after a
   * write has worked in between.
   */
  reportFailure(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.report(checkpointFailure(error, this.storedEpoch));
  }
}

/** The words for a checkpoint that was not saved; `storedEpoch` is the last one that was. */
export function checkpointFailure(error: unknown, storedEpoch: number | null): string {
  const reload =
    storedEpoch === null
      ? 'a reload will not bring the trained weights back'
      : `a reload brings back the checkpoint of epoch ${storedEpoch} at most`;
  if (isQuotaExceeded(error)) {
    return `The browser's storage for this site is full, so training checkpoints are not being saved: ${reload}; training goes on. ${FREE_SPACE}, and use Export to keep the trained model as files.`;
  }
  const why = error instanceof Error ? error.message : String(error);
  return `The browser would not store training checkpoints (${why}), so ${reload}; training goes on.`;
}
