// `npm run bench [-- --agencies 100000]`: the batch benchmark (not a test). Generates synthetic evidence files on
// disk for N agencies against the seed rubric and a generated 150-criterion rubric, then measures, each in its own
// child process (so peak RSS is that path's own):
//   (a) the shipped batch path — what `zwgk compare <folder> --format json --out <file>` runs: worker threads,
//       every agency's full explained report built and reduced, the comparison JSON streamed to disk;
//   (b) the naive use — per agency a freshly compiled rubric (a new Engine), the ordinary YAML/JSON loader and
//       scoreEvidence, one after another (on a sample, it is slow);
//   (c) a hand-written TypeScript scorer for the seed rubric (read + JSON.parse + arithmetic): what the hardware allows.
// The last line is machine readable: agencies_per_s=<a> naive_per_s=<b> limit_per_s=<c> peak_rss_mb=<m>.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEvidence, loadRubric, parseRubric, scoreEvidence } from '../api.js';
import { compareBatchView } from '../batch/compare-batch.js';
import { compareChunks } from '../batch/compare-formatters.js';
import { writeChunksAtomic } from '../batch/write-chunks.js';
import { compileRubric } from '../compile/compile-rubric.js';
import { handScoreSeed } from './hand-scorer.js';
import { createRandom } from './random.js';
import { generateEvidence } from './synthetic-evidence.js';
import { generateLargeRubric } from './synthetic-rubric.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_JS = join(ROOT, 'src', 'bin', 'bench.js');
export const SEED_RUBRIC = join(ROOT, 'rubrics', 'etuokeqianqi-2017.yaml');

interface PhaseResult {
  phase: string;
  agencies: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Run one measured phase in this (child) process and print its result as JSON. */
async function runPhase(phase: string, rubricFile: string, dir: string, count: number, jobs: number): Promise<PhaseResult> {
  const rubric = await loadRubric(rubricFile);
  if (!rubric.ok) throw new Error(`细则无效:${rubricFile}`);
  const compiled = rubric.value;
  const t0 = performance.now();
  let agencies = 0;
  if (phase === 'a') {
    // Exactly what `zwgk compare <dir> --rubric … --format json --out …` does.
    const view = await compareBatchView({ inputs: [dir], rubric: { file: rubricFile, compiled }, cwd: dir, jobs, workers: jobs > 1 ? 'always' : 'never' });
    if (view.head.leftOut.length > 0) throw new Error(`有 ${view.head.leftOut.length} 个文件未计入:${JSON.stringify(view.head.leftOut[0])}`);
    await writeChunksAtomic(join(dir, '..', `compare-${phase}.json`), compareChunks(view, 'json'));
    agencies = view.size;
  } else if (phase === 'b') {
    for (const file of listJson(dir).slice(0, count)) {
      const fresh = compileRubric(compiled.rubric, { hash: compiled.hash }); // a new Engine for every agency
      const ev = await loadEvidence(file, fresh);
      if (!ev.ok) throw new Error(`证据无效:${file}`);
      const report = await scoreEvidence(fresh, ev.value);
      if (report.nodes.length === 0) throw new Error('empty');
      agencies++;
    }
  } else {
    let sum = 0;
    for (const file of listJson(dir).slice(0, count)) {
      sum += handScoreSeed(JSON.parse(readFileSync(file, 'utf8'))).final;
      agencies++;
    }
    if (!Number.isFinite(sum)) throw new Error('nan');
  }
  const seconds = (performance.now() - t0) / 1000;
  return { phase, agencies, seconds, perSecond: agencies / seconds, peakRssMb: peakRssMb() };
}

function child(args: string[]): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BENCH_JS, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`基准子进程失败(退出码 ${code}):${args.join(' ')}`));
      try {
        resolve(JSON.parse(line) as PhaseResult);
      } catch {
        reject(new Error(`无法解析子进程输出:${line}`));
      }
    });
  });
}

function generate(dir: string, rubricFile: string, rubricText: string, n: number, prefix: string, seed: number): number {
  const t0 = performance.now();
  const r = parseRubric(rubricFile, rubricText);
  if (!r.ok) throw new Error(`细则无效:${rubricFile}`);
  mkdirSync(dir, { recursive: true });
  const rnd = createRandom(seed);
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, `${prefix}-${String(i).padStart(6, '0')}.json`), JSON.stringify(generateEvidence(r.value, i, rnd, prefix)));
  return (performance.now() - t0) / 1000;
}

const fmt = (n: number): string => (n >= 100 ? String(Math.round(n)) : n.toFixed(1));

/** Entry: `bench.js [--agencies N] …` (parent) or `bench.js --phase a|b|c …` (measured child). */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      agencies: { type: 'string', default: '10000' },
      'large-agencies': { type: 'string' },
      'naive-sample': { type: 'string', default: '1000' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      phase: { type: 'string' },
      rubric: { type: 'string' },
      count: { type: 'string' },
    },
  });
  const jobs = Math.max(1, Number(values.jobs));
  if (values.phase) {
    const r = await runPhase(values.phase, values.rubric!, values.dir!, Number(values.count ?? Infinity), jobs);
    process.stdout.write(JSON.stringify(r) + '\n');
    return 0;
  }
  const n = Number(values.agencies);
  const nLarge = Number(values['large-agencies'] ?? n);
  const nNaive = Math.min(n, Number(values['naive-sample']));
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(nLarge) || nLarge < 0) {
    process.stderr.write('用法:npm run bench -- [--agencies N] [--large-agencies M] [--naive-sample K] [--jobs J] [--keep]\n');
    return 2;
  }
  const base = values.dir ?? mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
  const seedDir = join(base, 'seed');
  const largeDir = join(base, 'large');
  const largeRubric = join(base, 'bench-large.yaml');
  const say = (s: string): void => void process.stdout.write(s + '\n');
  try {
    const cpu = cpus()[0]?.model ?? '?';
    say(`zwgk-score 基准测试:${availableParallelism()} 核(${cpu}),内存 ${Math.round(totalmem() / 2 ** 30)} GB,Node ${process.version},评分线程 ${jobs}`);
    const largeText = generateLargeRubric();
    writeFileSync(largeRubric, largeText);
    const g1 = generate(seedDir, SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'), n, 'seed', 2017);
    const g2 = nLarge > 0 ? generate(largeDir, largeRubric, largeText, nLarge, 'large', 2024) : 0;
    say(`生成证据文件:种子细则 ${n} 个(${g1.toFixed(1)} 秒),大型细则(150 项指标,含全部计分方法)${nLarge} 个(${g2.toFixed(1)} 秒),目录 ${base}`);

    const a = await child(['--phase', 'a', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--jobs', String(jobs)]);
    say(`(a) 批量评分 compare(磁盘文件 → 完整可解释报告,${jobs} 个线程),种子细则:${a.agencies} 个单位 ${a.seconds.toFixed(2)} 秒,${fmt(a.perSecond)} 个/秒,峰值内存 ${a.peakRssMb} MB`);
    let aLarge: PhaseResult | null = null;
    if (nLarge > 0) {
      aLarge = await child(['--phase', 'a', '--rubric', largeRubric, '--dir', largeDir, '--jobs', String(jobs)]);
      say(`    大型细则(含排名类指标,需第二轮计分):${aLarge.agencies} 个单位 ${aLarge.seconds.toFixed(2)} 秒,${fmt(aLarge.perSecond)} 个/秒,峰值内存 ${aLarge.peakRssMb} MB`);
    }
    const b = await child(['--phase', 'b', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--count', String(nNaive)]);
    say(`(b) 朴素用法(每个单位新建 Engine,通用加载器,单线程顺序,抽样 ${b.agencies} 个):${fmt(b.perSecond)} 个/秒,峰值内存 ${b.peakRssMb} MB`);
    const c = await child(['--phase', 'c', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--count', String(n)]);
    say(`(c) 手写 TypeScript 评分(种子细则,单线程,读文件 + JSON.parse + 算术):${c.agencies} 个单位 ${c.seconds.toFixed(2)} 秒,${fmt(c.perSecond)} 个/秒`);
    say(`(a)/(b) = ${(a.perSecond / b.perSecond).toFixed(1)} 倍;(c)/(a) = ${(c.perSecond / a.perSecond).toFixed(1)} 倍`);
    const peak = Math.max(a.peakRssMb, aLarge?.peakRssMb ?? 0);
    say(`agencies_per_s=${Math.round(a.perSecond)} naive_per_s=${Math.round(b.perSecond)} limit_per_s=${Math.round(c.perSecond)} peak_rss_mb=${peak}`);
    return 0;
  } finally {
    if (!values.keep && !values.dir) rmSync(base, { recursive: true, force: true });
  }
}
