// Spread batch tasks over worker threads (worker_threads), one Engine per worker. Tasks go out in small chunks,
// at most two chunks in flight per worker so that a slow file never idles the other cores; outcomes come back
// as plain data. Workers load TypeScript through worker-entry.js (tsx), from the CLI and inside vitest alike.
//
// A worker that dies (its heap limit reached, a native crash) or stops answering (time limit) costs only the file it
// was scoring: the pool replaces the worker, re-runs the tasks of the lost chunks one at a time on fresh workers —
// so the next death names its file exactly — and reports that file as left out (`aborted`), never failing the batch.
import { Worker } from 'node:worker_threads';
import type { ScoreTask, SummaryPath, TaskOutcome } from './score-file.js';
import type { ChunkRequest, WorkerMessage } from './score-worker.js';
import type { TaskRunner } from './task-runner.js';
import type { RuleEngineKind } from '../../compile/compile-rubric.js';
import type { Rubric } from '../../schema/rubric-schema.js';

export interface WorkerInit {
  /**
   * This year's rubric as the main thread validated it (plain data, copied by structured clone): a worker only
   * builds its closures from it, instead of reading, parsing and validating the file again (~0.3 s of CPU per worker
   * on the seed rubric), and every thread scores with exactly the rubric the main thread checked — an edit to the
   * file during the run cannot reach a worker. File and hash are what the main thread's compiled rubric carries.
   */
  rubric: Rubric;
  rubricFile: string;
  rubricHash: string;
  baselineRubric?: Rubric;
  baselineRubricFile?: string;
  baselineRubricHash?: string;
  cwd: string;
  /** The office's review file per agency code: this year's (`compare --reviews`) and last year's (`--baseline-reviews`). */
  reviews?: Array<[string, string]>;
  baselineReviews?: Array<[string, string]>;
  /** The rule runner the main thread chose (`--engine`); compiled closures when absent. */
  engine?: RuleEngineKind;
  /** Summaries from full reports (the differential test's reference); straight from the assessment when absent. */
  summaries?: SummaryPath;
}

export interface PoolLimits {
  /** Old-generation heap of each worker, in MB. */
  heapMb: number;
  /** Time one file may take before its worker is stopped and the file left out. */
  taskTimeoutMs: number;
}

const ENTRY = new URL('./worker-entry.js', import.meta.url);
const IN_FLIGHT = 2;
/**
 * A worker keeps one compiled rubric and one agency at a time (a few MB live), but V8 sizes a thread's heap from the
 * machine's memory and collects lazily; capping the old generation keeps a long batch's RSS bounded (measured:
 * scoring runs unchanged with a 96 MB cap).
 */
export const WORKER_OLD_GENERATION_MB = 192;
/**
 * A worker's objects live for one agency: a small young generation is collected often and cheaply instead of
 * growing to V8's default (measured on 20,000 seed agencies over 2 workers: peak RSS 283–298 MB with the default,
 * 241 MB at 16 MB, 222 MB at 8 MB; CPU per agency within the machine's noise).
 */
export const WORKER_YOUNG_GENERATION_MB = 8;
/** Scoring one file takes milliseconds; a minute means something is wrong with that file. */
export const TASK_TIMEOUT_MS = 60_000;

interface Request extends ChunkRequest {
  /** Sent alone to an otherwise idle worker: if the worker dies, this task is the cause. */
  isolated: boolean;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Request>;
  /** Replacing a dead worker: nothing is sent until the new one is ready. */
  starting: boolean;
  watchdog: NodeJS.Timeout | null;
  /** Stop the current worker for taking too long. */
  expire: () => void;
}

/** What a run needs from the workers' events. */
interface RunState {
  onChunk(slot: Slot, m: WorkerMessage & { type: 'chunk' }): void;
  /** A worker died with these requests in flight. */
  onLost(lost: Request[], why: 'crash' | 'timeout'): void;
  /** A replacement worker is ready (or could not be started). */
  onReady(err?: Error): void;
}

function spawn(init: WorkerInit, limits: PoolLimits): Promise<Worker> {
  const worker = new Worker(ENTRY, { workerData: init, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise<Worker>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    const onExit = (code: number): void => reject(new Error(`评分线程启动失败(退出码 ${code})`));
    worker.once('message', (m: WorkerMessage) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (m.type === 'ready') resolve(worker);
      else reject(new Error(m.type === 'failed' ? m.message : '评分线程启动失败'));
    });
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

function deathOutcome(task: ScoreTask, why: 'crash' | 'timeout', limits: PoolLimits): TaskOutcome {
  const message =
    why === 'timeout'
      ? `评分本文件超过 ${Math.round(limits.taskTimeoutMs / 1000)} 秒仍未完成,已中止;其余文件照常评分`
      : `评分本文件时评分线程超出内存上限(${limits.heapMb} MB)而终止,文件可能过于庞大或结构异常;其余文件照常评分`;
  return { ok: false, file: task.file, reason: 'aborted', messages: [{ code: why === 'timeout' ? 'TIMEOUT' : 'RESOURCE_LIMIT', severity: 'error', message }] };
}

export class WorkerPool implements TaskRunner {
  private current: RunState | null = null;
  private closed = false;
  /** A replacement that failed to start between runs: the next run reports it. */
  private broken: Error | null = null;

  private constructor(
    private readonly slots: Slot[],
    private readonly init: WorkerInit,
    private readonly limits: PoolLimits,
  ) {
    for (const slot of slots) this.watch(slot);
  }

  /** Start `size` workers and wait until each has compiled the rubric. */
  static async create(size: number, init: WorkerInit, limits: Partial<PoolLimits> = {}): Promise<WorkerPool> {
    const full: PoolLimits = { heapMb: WORKER_OLD_GENERATION_MB, taskTimeoutMs: TASK_TIMEOUT_MS, ...limits };
    const workers = await Promise.all(Array.from({ length: size }, () => spawn(init, full)));
    const slots = workers.map((worker): Slot => ({ worker, inFlight: new Map(), starting: false, watchdog: null, expire: () => undefined }));
    return new WorkerPool(slots, init, full);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Route one worker's events to the current run; each worker dies at most once, and is then replaced. */
  private watch(slot: Slot): void {
    const worker = slot.worker;
    let dead = false;
    const die = (why: 'crash' | 'timeout'): void => {
      if (dead || slot.worker !== worker || this.closed) return;
      dead = true;
      if (slot.watchdog) clearTimeout(slot.watchdog);
      slot.watchdog = null;
      const lost = [...slot.inFlight.values()];
      slot.inFlight.clear();
      // Mark the slot before the run re-plans, so nothing is sent to the dead worker.
      slot.starting = true;
      this.replace(slot);
      this.current?.onLost(lost, why);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'chunk' && slot.worker === worker && !dead) this.current?.onChunk(slot, m);
    });
    worker.on('error', () => die('crash'));
    worker.on('exit', () => die('crash'));
    slot.expire = () => die('timeout');
  }

  private replace(slot: Slot): void {
    slot.starting = true;
    void slot.worker.terminate();
    spawn(this.init, this.limits).then(
      (worker) => {
        if (this.closed) {
          void worker.terminate();
          return;
        }
        slot.worker = worker;
        slot.starting = false;
        this.watch(slot);
        this.current?.onReady();
      },
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        if (this.current) this.current.onReady(e);
        else this.broken = e;
      },
    );
  }

  /** (Re)arm the slot's watchdog for the tasks it holds now. */
  private arm(slot: Slot): void {
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.watchdog = null;
    let tasks = 0;
    for (const r of slot.inFlight.values()) tasks += r.tasks.length;
    if (tasks === 0) return;
    slot.watchdog = setTimeout(slot.expire, this.limits.taskTimeoutMs * tasks);
    slot.watchdog.unref();
  }

  run(tasks: readonly ScoreTask[], onOutcome: (o: TaskOutcome) => void): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (tasks.length === 0) return Promise.resolve();
    const chunkSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (this.slots.length * 8))));
    let next = 0;
    let pending = 0;
    let nextId = 0;
    /** Tasks of chunks lost with a dead worker: re-run one per worker, alone. */
    const suspects: ScoreTask[] = [];
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (err?: Error): void => {
        if (settled) return;
        settled = true;
        this.current = null;
        if (err) reject(err);
        else resolve();
      };
      const send = (slot: Slot, list: ScoreTask[], isolated: boolean): void => {
        const req: Request = { id: nextId++, tasks: list, isolated };
        slot.inFlight.set(req.id, req);
        pending++;
        slot.worker.postMessage({ id: req.id, tasks: req.tasks } satisfies ChunkRequest);
        this.arm(slot);
      };
      const feed = (slot: Slot): void => {
        if (slot.starting) return;
        if (suspects.length > 0) {
          if (slot.inFlight.size === 0) send(slot, [suspects.shift()!], true);
          return;
        }
        if ([...slot.inFlight.values()].some((r) => r.isolated)) return;
        while (slot.inFlight.size < IN_FLIGHT && next < tasks.length) {
          const list = tasks.slice(next, next + chunkSize) as ScoreTask[];
          next += list.length;
          send(slot, list, false);
        }
      };
      const step = (): void => {
        if (settled) return;
        for (const s of this.slots) feed(s);
        if (pending === 0 && next >= tasks.length && suspects.length === 0) finish();
      };
      const deliver = (outcomes: Iterable<TaskOutcome>): boolean => {
        try {
          for (const o of outcomes) onOutcome(o);
          return true;
        } catch (err) {
          finish(err instanceof Error ? err : new Error(String(err)));
          return false;
        }
      };
      this.current = {
        onChunk: (slot, m) => {
          if (!slot.inFlight.delete(m.id)) return;
          pending--;
          this.arm(slot);
          if (deliver(m.outcomes)) step();
        },
        onLost: (lost, why) => {
          pending -= lost.length;
          const culprits: TaskOutcome[] = [];
          for (const r of lost) {
            if (r.isolated) culprits.push(deathOutcome(r.tasks[0]!, why, this.limits));
            else suspects.push(...r.tasks);
          }
          if (deliver(culprits)) step();
        },
        onReady: (err) => (err ? finish(err) : step()),
      };
      step();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) if (s.watchdog) clearTimeout(s.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
