// A one-line progress bar for long batches, written to stderr only when it is a terminal (never into output).
// Redraws at most ten times a second; `done()` clears the line.

export interface ProgressBar {
  update(phase: string, done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;

/** A progress bar writing through `write` (e.g. process.stderr.write); a no-op bar when `enabled` is false. */
export function createProgressBar(write: (s: string) => void, enabled: boolean, now: () => number = Date.now): ProgressBar {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  const start = now();
  let last = 0;
  let drawn = false;
  return {
    update(phase, done, total) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * WIDTH);
      const rate = t > start ? Math.round((done * 1000) / (t - start)) : 0;
      write(`\r${phase} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${(share * 100).toFixed(0)}% ${rate} 个/秒\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) write('\r\x1b[K');
    },
  };
}
