/**
 * Watches windowed training losses for a run that has blown up. A NaN or infinite loss is
 * certain; but the loss clips probabilities (as Keras does), so a huge learning rate more
 * often pins the loss far above a random guess's ln(classes) instead. Two windows in a row
 * that high cannot be a healthy run's noise.
 */
export class DivergenceWatch {
  private readonly limit: number;
  private strikes = 0;

  constructor(classes: number) {
    this.limit = 4 * Math.log(Math.max(2, classes)) + 1;
  }

  /** The loss a random guess gets, for messages. */
  static guessLoss(classes: number): number {
    return Math.log(Math.max(2, classes));
  }

  /** Records one window's mean loss; true once the run has diverged. */
  observe(loss: number): boolean {
    if (!Number.isFinite(loss)) return true;
    this.strikes = loss > this.limit ? this.strikes + 1 : 0;
    return this.strikes >= 2;
  }
}

/** What the student reads when a run diverges. */
export function divergenceMessage(loss: number, classes: number): string {
  const what = Number.isFinite(loss)
    ? `blew up to ${loss.toFixed(2)} (a random guess scores ${DivergenceWatch.guessLoss(classes).toFixed(2)})`
    : `became ${Number.isNaN(loss) ? 'NaN' : 'infinite'}`;
  return (
    `The loss ${what}, so training stopped: the weights are no longer useful. ` +
    'Try a learning rate 10× lower (0.001 is a safe start for Adam), or a smaller batch.'
  );
}
