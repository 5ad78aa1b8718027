// The batch worker thread: compiles the rubric(s) the main thread validated (sent as data) once — one
// json-rules-engine Engine per worker, never run concurrently — then scores chunks of tasks one file after another
// and posts back compact outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRubric, withRuleEngine, type CompiledRubric } from '../../compile/compile-rubric.js';
import type { Rubric } from '../../schema/rubric-schema.js';
import { FileScorer, type ScoreTask, type TaskOutcome } from './score-file.js';
import type { WorkerInit } from './worker-pool.js';

export interface ChunkRequest {
  id: number;
  tasks: ScoreTask[];
}

export type WorkerMessage = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'chunk'; id: number; outcomes: TaskOutcome[] };

/** The rubric the main thread validated, compiled into this thread's closures (and Engine, when asked for). */
function load(rubric: Rubric, file: string, hash: string): CompiledRubric {
  return withRuleEngine(compileRubric(rubric, { hash, file }), (workerData as WorkerInit).engine ?? 'compiled');
}

async function main(): Promise<void> {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  let scorer: FileScorer;
  try {
    const current = load(init.rubric, init.rubricFile, init.rubricHash);
    const baseline = init.baselineRubric ? load(init.baselineRubric, init.baselineRubricFile ?? '', init.baselineRubricHash ?? '') : undefined;
    scorer = new FileScorer(
      { current, ...(baseline ? { baseline } : {}) },
      init.cwd,
      { current: new Map(init.reviews ?? []), baseline: new Map(init.baselineReviews ?? []) },
      init.summaries ?? 'direct',
    );
  } catch (err) {
    port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
    return;
  }
  // Chunks are scored strictly one after another, so the worker's Engine never runs concurrently.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: ChunkRequest) => {
    queue = queue.then(async () => {
      const outcomes: TaskOutcome[] = [];
      for (const t of req.tasks) outcomes.push(await scorer.run(t));
      port.postMessage({ type: 'chunk', id: req.id, outcomes } satisfies WorkerMessage);
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

await main();
