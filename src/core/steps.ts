/**
 * Long computations as generators of steps: one function serves both the synchronous
 * callers (the CLI, tests: run to the end at once) and the task pane, which pauses between
 * steps so the page keeps painting and shows how far the work is. Plain JavaScript: no
 * timer or browser API here; the caller brings its own pause.
 */

export interface Progress {
  /** Steps finished. */
  done: number;
  total: number;
}

/** A computation that yields its progress after each step and returns its result. */
export type Steps<R> = Generator<Progress, R, void>;

/** Runs the steps to the end without pausing. */
export function runToEnd<R>(steps: Steps<R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface StepwiseOptions {
  /** Awaited after every step; resolves when the work may go on. */
  pause: () => Promise<void>;
  /** Told after every step, before the pause. */
  onProgress?: (progress: Progress) => void;
}

/** Runs the steps to the end, awaiting `pause` after each one. */
export async function runStepwise<R>(steps: Steps<R>, options: StepwiseOptions): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await options.pause();
  }
}

/**
 * Pauses on a time budget: `maybePause` only pauses when `budgetMs` have passed since the
 * last pause, so a small workbook, whose steps take a few milliseconds, is not slowed down
 * by a pause after each of them (a macrotask costs a few ms in a browser).
 */
export class Pacer {
  private last: number;

  constructor(
    private readonly pauseNow: () => Promise<void>,
    private readonly budgetMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.last = now();
  }

  /** Pauses whatever the time spent. */
  pause = async (): Promise<void> => {
    await this.pauseNow();
    this.last = this.now();
  };

  /** Pauses when the budget is spent. */
  maybePause = async (): Promise<void> => {
    if (this.now() - this.last >= this.budgetMs) await this.pause();
  };
}
