// Spread batch tasks over worker threads (worker_threads), one Engine per worker. Tasks go out in small chunks,
// at most two chunks in flight per worker so that a slow file never idles the other cores; outcomes come back
// as plain data. Workers load TypeScript through worker-entry.js (tsx), from the CLI and inside vitest alike.
import { Worker } from 'node:worker_threads';
import type { ScoreTask, TaskOutcome } from './score-file.js';
import type { ChunkRequest, WorkerMessage } from './score-worker.js';
import type { TaskRunner } from './task-runner.js';

export interface WorkerInit {
  /** Absolute path of this year's rubric, and the hash the main thread compiled (guards against edits mid-run). */
  rubricFile: string;
  rubricHash: string;
  baselineRubricFile?: string;
  baselineRubricHash?: string;
  cwd: string;
}

const ENTRY = new URL('./worker-entry.js', import.meta.url);
const IN_FLIGHT = 2;
/**
 * A worker keeps one compiled rubric and one agency at a time (a few MB live), but V8 sizes a thread's heap from the
 * machine's memory and collects lazily; capping the old generation keeps a long batch's RSS bounded (measured:
 * scoring runs unchanged with a 96 MB cap).
 */
export const WORKER_OLD_GENERATION_MB = 192;

interface Slot {
  worker: Worker;
  busy: number;
}

export class WorkerPool implements TaskRunner {
  private constructor(private readonly slots: Slot[]) {}

  /** Start `size` workers and wait until each has compiled the rubric. */
  static async create(size: number, init: WorkerInit): Promise<WorkerPool> {
    const slots = await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = new Worker(ENTRY, { workerData: init, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } });
        await new Promise<void>((resolve, reject) => {
          const onMessage = (m: WorkerMessage): void => {
            worker.off('error', reject);
            if (m.type === 'ready') resolve();
            else reject(new Error(m.type === 'failed' ? m.message : '评分线程启动失败'));
          };
          worker.once('message', onMessage);
          worker.once('error', reject);
        });
        return { worker, busy: 0 };
      }),
    );
    return new WorkerPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  run(tasks: readonly ScoreTask[], onOutcome: (o: TaskOutcome) => void): Promise<void> {
    if (tasks.length === 0) return Promise.resolve();
    const chunkSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (this.slots.length * 8))));
    let next = 0;
    let pending = 0;
    let nextId = 0;
    return new Promise<void>((resolve, reject) => {
      let failed = false;
      const cleanups: Array<() => void> = [];
      const finish = (err?: Error): void => {
        if (failed) return;
        if (err) failed = true;
        for (const c of cleanups) c();
        if (err) reject(err);
        else resolve();
      };
      const feed = (slot: Slot): void => {
        while (slot.busy < IN_FLIGHT && next < tasks.length) {
          const req: ChunkRequest = { id: nextId++, tasks: tasks.slice(next, next + chunkSize) as ScoreTask[] };
          next += req.tasks.length;
          slot.busy++;
          pending++;
          slot.worker.postMessage(req);
        }
      };
      for (const slot of this.slots) {
        const onMessage = (m: WorkerMessage): void => {
          if (m.type !== 'chunk') return;
          slot.busy--;
          pending--;
          try {
            for (const o of m.outcomes) onOutcome(o);
          } catch (err) {
            finish(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          feed(slot);
          if (pending === 0 && next >= tasks.length) finish();
        };
        const onError = (err: Error): void => finish(err);
        const onExit = (code: number): void => finish(new Error(`评分线程意外退出(退出码 ${code})`));
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        slot.worker.on('exit', onExit);
        cleanups.push(() => {
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
        });
      }
      for (const slot of this.slots) feed(slot);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
