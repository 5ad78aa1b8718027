// Where batch tasks run: in this thread (small batches, tests) or spread over worker threads (worker-pool.ts).
// Both take a list of tasks and report each outcome as it arrives; the order of outcomes is not significant.
import type { FileScorer, ScoreTask, TaskOutcome } from './score-file.js';

export interface TaskRunner {
  /** Run every task, calling `onOutcome` once per task (in completion order). */
  run(tasks: readonly ScoreTask[], onOutcome: (o: TaskOutcome) => void): Promise<void>;
  /** Release threads. */
  close(): Promise<void>;
}

/** Runs tasks one after another on the calling thread (one Engine, never concurrent). */
export class InProcessRunner implements TaskRunner {
  constructor(private readonly scorer: FileScorer) {}

  async run(tasks: readonly ScoreTask[], onOutcome: (o: TaskOutcome) => void): Promise<void> {
    for (const t of tasks) onOutcome(await this.scorer.run(t));
  }

  async close(): Promise<void> {}
}
