// The batch worker thread: compiles the rubric(s) once — one json-rules-engine Engine per worker, never run
// concurrently — then scores chunks of tasks one file after another and posts back compact outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRubric } from '../../api.js';
import { withRuleEngine, type CompiledRubric } from '../../compile/compile-rubric.js';
import { FileScorer, type ScoreTask, type TaskOutcome } from './score-file.js';
import type { WorkerInit } from './worker-pool.js';

export interface ChunkRequest {
  id: number;
  tasks: ScoreTask[];
}

export type WorkerMessage = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'chunk'; id: number; outcomes: TaskOutcome[] };

async function load(file: string, hash: string): Promise<CompiledRubric> {
  const r = await loadRubric(file);
  if (!r.ok) throw new Error(`细则无法编译:${file}`);
  if (r.value.hash !== hash) throw new Error(`细则文件在评分过程中被修改:${file}`);
  return withRuleEngine(r.value, (workerData as WorkerInit).engine ?? 'compiled');
}

async function main(): Promise<void> {
  const port = parentPort!;
  const init = workerData as WorkerInit;
  let scorer: FileScorer;
  try {
    const current = await load(init.rubricFile, init.rubricHash);
    const baseline = init.baselineRubricFile ? await load(init.baselineRubricFile, init.baselineRubricHash ?? '') : undefined;
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
