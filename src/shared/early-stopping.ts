/**
 * Early stopping: end a run once the validation metric has stopped getting better, the way
 * Keras's EarlyStopping callback does, so a student sees the same behaviour as in Keras.
 */

export type Monitor = 'validationLoss' | 'validationAccuracy';

export interface EarlyStoppingSettings {
  enabled: boolean;
  monitor: Monitor;
  /** Epochs in a row without improvement that end the run; 0 stops at the first one. */
  patience: number;
  /** How much better than the best a value must be to count as an improvement. */
  minDelta: number;
  /** Whether the run ends on its best epoch's weights rather than its last. */
  restoreBest: boolean;
}

export const DEFAULT_EARLY_STOPPING: EarlyStoppingSettings = {
  enabled: false,
  monitor: 'validationLoss',
  patience: 3,
  minDelta: 0,
  restoreBest: true,
};

export const MONITOR_LABELS: Record<Monitor, string> = {
  validationLoss: 'Validation loss',
  validationAccuracy: 'Validation accuracy',
};

/** What one epoch end means for the run. */
export interface StopDecision {
  /** This epoch is the new best. */
  improved: boolean;
  /** The best epoch so far, as the caller numbers epochs; -1 while none had a number. */
  bestEpoch: number;
  /** The monitored value at the best epoch; NaN while none had a number. */
  bestValue: number;
  stop: boolean;
  /** Why the run stops, in words; only when `stop`. */
  reason?: string;
}

const epochsWord = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;

/**
 * Watches validation metrics epoch by epoch. Improvement means beating the best by more than
 * `minDelta` (lower loss, higher accuracy); NaN never improves, so a diverged run does not
 * become its own best. Disabled settings still track the best epoch but never stop.
 */
export class EarlyStopper {
  private bestEpoch = -1;
  private bestValue = Number.NaN;
  private wait = 0;

  constructor(private readonly settings: EarlyStoppingSettings) {}

  /** Call once per epoch end with that epoch's validation loss and accuracy. */
  observe(epoch: number, metrics: { loss: number; accuracy: number }): StopDecision {
    const value = this.settings.monitor === 'validationLoss' ? metrics.loss : metrics.accuracy;
    if (this.isImprovement(value)) {
      this.bestEpoch = epoch;
      this.bestValue = value;
      this.wait = 0;
      return { improved: true, ...this.best, stop: false };
    }
    this.wait++;
    const stop = this.settings.enabled && this.wait >= this.settings.patience;
    const decision: StopDecision = { improved: false, ...this.best, stop };
    if (stop) decision.reason = this.reason();
    return decision;
  }

  private isImprovement(value: number): boolean {
    if (Number.isNaN(value)) return false;
    if (this.bestEpoch === -1) return true;
    const { minDelta, monitor } = this.settings;
    return monitor === 'validationLoss'
      ? value < this.bestValue - minDelta
      : value > this.bestValue + minDelta;
  }

  /** The best epoch so far (-1 before any improvement) and its monitored value. */
  get best(): Pick<StopDecision, 'bestEpoch' | 'bestValue'> {
    return { bestEpoch: this.bestEpoch, bestValue: this.bestValue };
  }

  private reason(): string {
    const { monitor, minDelta } = this.settings;
    const best =
      this.bestEpoch === -1
        ? 'it was never a number'
        : `best ${Number(this.bestValue.toPrecision(3))} at epoch ${this.bestEpoch}`;
    return `${MONITOR_LABELS[monitor]} did not improve by more than ${minDelta} for ${epochsWord(this.wait)} (${best}).`;
  }
}

/**
 * Problems with the settings, in words a student can act on; [] when usable. Disabled
 * settings are never a problem: they do nothing, so half-edited values must not block a run.
 */
export function checkEarlyStopping(s: EarlyStoppingSettings): string[] {
  if (!s.enabled) return [];
  const problems: string[] = [];
  if (!(s.monitor in MONITOR_LABELS)) {
    problems.push('Early stopping must watch validation loss or validation accuracy.');
  }
  if (!Number.isInteger(s.patience) || s.patience < 0) {
    problems.push('Patience must be a whole number of epochs, 0 or more.');
  }
  if (!Number.isFinite(s.minDelta) || s.minDelta < 0) {
    problems.push('The smallest improvement must be a number, 0 or more.');
  }
  return problems;
}
