// `npm run bench [-- --agencies 10000] [--dir D] [--keep]`: the benchmark (not a test). It generates synthetic
// evidence (JSON, some YAML, a few invalid files) for the seed rubric and for generated rubrics of 40/150/500
// criteria, then measures each path in its own child process (so peak RSS is that path's own). The unit is CPU µs
// per agency (user + sys of the whole process, worker threads included: process.cpuUsage is process-wide), which is
// stable under load; wall time is shown beside it. Paths:
//   compare — what `zwgk compare <dir> --rubric … --format json --out …` runs, 2 worker threads, on the N JSON
//             agencies (the target is defined on JSON agencies, against the floor of the same files); a second,
//             "mixed" run adds N/10 YAML agencies and three invalid files (YAML parsing costs ~2 ms a file);
//   explain — one thread, the full explained report per agency, split into stages (read, parse, validate, score)
//             with the rule run measured on its own (compiled closures vs json-rules-engine);
//   floor   — read + JSON.parse of the same JSON files, nothing else;
//   naive   — the fair baseline: one json-rules-engine Engine reused, JSON.parse, sequential, no validation/report;
//   hand    — a hand-written scorer for the seed rubric (arithmetic only): what the hardware allows;
//   startup — `zwgk --version` and `zwgk score` of one agency, wall time of a fresh process.
// The last line is machine readable:
// compare_per_s=N compare_cpu_us=N explain_cpu_us=N floor_cpu_us=N naive_cpu_us=N startup_ms=N peak_rss_mb=N
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { checkEvidenceSource, loadRubric, parseRubric, scoreEvidence } from '../api.js';
import { compareBatchView } from '../batch/compare-batch.js';
import { compareChunks } from '../formatters/compare/compare-formatters.js';
import { writeChunksAtomic } from '../batch/run/write-chunks.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { parseJsonSourceFast } from '../load/parse-json-fast.js';
import { parseSource } from '../load/parse-source.js';
import type { Evidence } from '../schema/evidence-schema.js';
import { collectFactValues } from '../assess/collect-fact-values.js';
import { handScoreSeed } from './hand-scorer.js';
import { createRandom } from './random.js';
import { generateEvidence } from './synthetic-evidence.js';
import { generateLargeRubric, LARGE_RUBRIC_SIZES } from './synthetic-rubric.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_JS = join(ROOT, 'src', 'bin', 'bench.js');
/** The built command (`npm run build`, what `zwgk` runs once installed); the TypeScript entry when not built. */
const ZWGK_JS = existsSync(join(ROOT, 'dist', 'bin', 'zwgk.js')) ? join(ROOT, 'dist', 'bin', 'zwgk.js') : join(ROOT, 'src', 'bin', 'zwgk.js');
export const SEED_RUBRIC = join(ROOT, 'rubrics', 'etuokeqianqi-2017.yaml');
const SEED_EVIDENCE = join(ROOT, 'examples', 'etuokeqianqi-2017', 'zhujianju.yaml');

interface PhaseResult {
  phase: string;
  agencies: number;
  wallS: number;
  cpuUs: number;
  /** CPU µs per stage (explain), summed over agencies. */
  stages?: Record<string, number>;
  peakRssMb: number;
  leftOut?: number;
  /** compare: CPU of a run on 20 files (worker start-up, rubric compile) — subtracted from cpuUs. */
  fixedCpuUs?: number;
  fixedAgencies?: number;
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function listFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Run one measured phase in this (child) process. */
async function runPhase(phase: string, rubricFile: string, dir: string, count: number, jobs: number, extra?: string): Promise<PhaseResult> {
  const rubric = await loadRubric(rubricFile);
  if (!rubric.ok) throw new Error(`细则无效：${rubricFile}`);
  const compiled = rubric.value;
  const json = listFiles(dir, /-\d{6}\.json$/).slice(0, count); // the valid JSON files
  const t0 = performance.now();
  const c0 = cpuNow();
  let agencies = 0;
  let leftOut: number | undefined;
  let stages: Record<string, number> | undefined;
  let fixedCpuUs: number | undefined;
  if (phase === 'compare') {
    // `extra`: a second input folder (the mixed run's YAML and invalid files) beside the JSON agencies.
    const run = async (d: string, more?: string): Promise<{ size: number; leftOut: number }> => {
      const view = await compareBatchView({ inputs: more ? [d, more] : [d], rubric: { file: rubricFile, compiled }, cwd: d, jobs, workers: jobs > 1 ? 'always' : 'never' });
      await writeChunksAtomic(join(d, '..', `compare-${phase}.json`), compareChunks(view, 'json'));
      return { size: view.size, leftOut: view.head.leftOut.length };
    };
    // The fixed cost (worker threads starting, loading and compiling the rubric) from a run on 20 files, so that
    // the per-agency figure is the marginal cost; the fixed cost is reported on its own.
    const small = join(dir, '..', `${phase}-fixed`);
    mkdirSync(small, { recursive: true });
    for (const f of json.slice(0, 20)) writeFileSync(join(small, f.slice(dir.length + 1)), readFileSync(f));
    const s0 = cpuNow();
    const fixed = await run(small);
    fixedCpuUs = cpuNow() - s0;
    const t1 = performance.now();
    const c1 = cpuNow();
    const r = await run(dir, extra);
    agencies = r.size;
    leftOut = r.leftOut;
    // Marginal CPU per agency = (full run − 20-file run) / (agencies − 20): `per` divides by agencies − fixedAgencies.
    const cpuUs = cpuNow() - c1 - fixedCpuUs;
    return { phase, agencies, wallS: (performance.now() - t1) / 1000, cpuUs, fixedCpuUs, fixedAgencies: fixed.size, peakRssMb: peakRssMb(), leftOut };
  } else if (phase === 'explain') {
    stages = await explainStages(compiled, json);
    agencies = json.length;
  } else if (phase === 'floor') {
    let keys = 0;
    for (const f of json) keys += Object.keys(JSON.parse(readFileSync(f, 'utf8')) as object).length;
    if (keys === 0) throw new Error('empty');
    agencies = json.length;
  } else if (phase === 'naive') {
    const reference = compiled.runReferenceRules; // one json-rules-engine Engine, reused
    for (const f of json) {
      const ev = JSON.parse(readFileSync(f, 'utf8')) as Evidence;
      const facts: Record<string, unknown> = {};
      for (const [k, v] of collectFactValues(compiled, ev)) facts[k] = v;
      const out = await reference(facts);
      if (out.size === 0) throw new Error('empty');
      agencies++;
    }
  } else if (phase === 'hand') {
    let sum = 0;
    for (const f of json) sum += handScoreSeed(JSON.parse(readFileSync(f, 'utf8'))).final;
    if (!Number.isFinite(sum)) throw new Error('nan');
    agencies = json.length;
  } else throw new Error(`unknown phase ${phase}`);
  return { phase, agencies, wallS: (performance.now() - t0) / 1000, cpuUs: cpuNow() - c0 - (stages?.side ?? 0), ...(stages ? { stages } : {}), peakRssMb: peakRssMb(), ...(leftOut !== undefined ? { leftOut } : {}) };
}

/** The explained report per agency, one thread, CPU per stage; `rules`/`rulesReference` are measured on the side. */
async function explainStages(compiled: CompiledRubric, files: string[]): Promise<Record<string, number>> {
  // `side`: CPU of the measurements on the side, taken out of the phase's total (they are not the explained path).
  const st = { read: 0, parse: 0, validate: 0, score: 0, rules: 0, rulesReference: 0, side: 0 };
  let sample = 0;
  for (const f of files) {
    let c = cpuNow();
    const text = readFileSync(f, 'utf8');
    let d = cpuNow();
    st.read += d - c;
    const src = f.endsWith('.json') ? parseJsonSourceFast(f, text) : parseSource(f, text); // as loadEvidence parses
    c = cpuNow();
    st.parse += c - d;
    if (!src.ok) throw new Error(`无法解析：${f}`);
    const ev = checkEvidenceSource(src.value, compiled);
    d = cpuNow();
    st.validate += d - c;
    if (!ev.ok) throw new Error(`证据无效：${f}`);
    const report = await scoreEvidence(compiled, ev.value);
    c = cpuNow();
    st.score += c - d;
    if (report.nodes.length === 0) throw new Error('empty');
    // On the side (not part of the explained path's total): the rule run alone, both runners, every 4th agency.
    if (sample++ % 4 === 0) {
      const s0 = cpuNow();
      const facts: Record<string, unknown> = {};
      for (const [k, v] of collectFactValues(compiled, ev.value.evidence)) facts[k] = v;
      d = cpuNow();
      compiled.runRulesSync(facts);
      c = cpuNow();
      st.rules += (c - d) * 4;
      await compiled.runReferenceRules(facts);
      st.rulesReference += (cpuNow() - c) * 4;
      st.side += cpuNow() - s0;
    }
  }
  return st;
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

/**
 * Evidence files for one rubric: `n` valid JSON agencies in `dir`; with `mixedDir`, another n/10 agencies as YAML
 * (their own codes) and three files that must be left out, so the mixed comparison covers every input kind.
 */
function generate(dir: string, compiled: CompiledRubric, n: number, prefix: string, seed: number, mixedDir?: string): { json: number; yaml: number; invalid: number } {
  mkdirSync(dir, { recursive: true });
  const rnd = createRandom(seed);
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, `${prefix}-${String(i).padStart(6, '0')}.json`), JSON.stringify(generateEvidence(compiled, i, rnd, prefix)));
  if (!mixedDir) return { json: n, yaml: 0, invalid: 0 };
  mkdirSync(mixedDir, { recursive: true });
  const yaml = Math.max(1, Math.floor(n / 10));
  for (let i = 1; i <= yaml; i++) {
    const ev = generateEvidence(compiled, i, rnd, `${prefix}Y`);
    writeFileSync(join(mixedDir, `${prefix}Y-${String(i).padStart(6, '0')}.yaml`), stringify(ev, { lineWidth: 0 }));
  }
  writeFileSync(join(mixedDir, `${prefix}-bad-syntax.json`), '{"rubric": {"id": ');
  writeFileSync(join(mixedDir, `${prefix}-bad-type.yaml`), 'rubric: {id: x}\nagency: 5\nfacts: []\n');
  writeFileSync(join(mixedDir, `${prefix}-bad-empty.json`), '');
  return { json: n, yaml, invalid: 3 };
}

function compileText(file: string, text: string): CompiledRubric {
  const r = parseRubric(file, text);
  if (!r.ok) throw new Error(`细则无效：${file}`);
  return r.value;
}

/** Median wall ms of a fresh `node src/bin/zwgk.js …` process. */
function wallMs(args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [ZWGK_JS, ...args], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`zwgk ${args.join(' ')} 退出码 ${r.status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const per = (p: PhaseResult, us = p.cpuUs): number => us / Math.max(1, p.agencies - (p.fixedAgencies ?? 0));
const fmt = (n: number): string => (n >= 100 ? String(Math.round(n)) : n.toFixed(1));

/** Entry: `bench.js [--agencies N] [--dir D] [--keep]` (parent) or `bench.js --phase … ` (measured child). */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      agencies: { type: 'string', default: '10000' },
      'explain-sample': { type: 'string', default: '3000' },
      'naive-sample': { type: 'string', default: '1000' },
      jobs: { type: 'string', default: '2' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      phase: { type: 'string' },
      rubric: { type: 'string' },
      count: { type: 'string' },
      extra: { type: 'string' },
    },
  });
  const jobs = Math.max(1, Number(values.jobs));
  if (values.phase) {
    const r = await runPhase(values.phase, values.rubric!, values.dir!, Number(values.count ?? Infinity), jobs, values.extra);
    process.stdout.write(JSON.stringify(r) + '\n');
    return 0;
  }
  const n = Number(values.agencies);
  const nExplain = Math.min(n, Number(values['explain-sample']));
  const nNaive = Math.min(n, Number(values['naive-sample']));
  if (!Number.isInteger(n) || n < 10 || !Number.isInteger(nExplain) || !Number.isInteger(nNaive)) {
    process.stderr.write('用法：npm run bench -- [--agencies N（≥ 10）] [--explain-sample K] [--naive-sample K] [--jobs J] [--dir 目录] [--keep]\n');
    return 2;
  }
  // --dir is created when missing and kept; without it a temporary folder is used and removed.
  const base = values.dir ?? mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
  mkdirSync(base, { recursive: true });
  const say = (s: string): void => void process.stdout.write(s + '\n');
  try {
    say(`zwgk-score 基准测试：${availableParallelism()} 核（${cpus()[0]?.model ?? '?'}），内存 ${Math.round(totalmem() / 2 ** 30)} GB，Node ${process.version}，compare 线程 ${jobs}`);
    say('单位：每个单位的 CPU 微秒（进程及其工作线程的 user+sys，负载下稳定）；墙钟时间仅供参考');
    const seedDir = join(base, 'seed');
    const seed = compileText(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
    const mixedDir = join(base, 'seed-mixed');
    const g = generate(seedDir, seed, n, 'seed', 2017, mixedDir);
    say(`证据文件（种子细则）：JSON ${g.json} 个；另有 YAML ${g.yaml} 个、无效 ${g.invalid} 个（只用于「混合」一行）；目录 ${base}`);

    const startup = wallMs(['--version']);
    const scoreOne = wallMs(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    say(`启动（${ZWGK_JS.includes('dist') ? 'dist/ 构建版' : '未构建，经 tsx 加载 TypeScript'}）：zwgk --version ${Math.round(startup)} ms（目标 ≤ 300）；zwgk score 一个单位 ${Math.round(scoreOne)} ms（目标 ≤ 600）`);

    const floor = await child(['--phase', 'floor', '--rubric', SEED_RUBRIC, '--dir', seedDir]);
    const cmp = await child(['--phase', 'compare', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--jobs', String(jobs)]);
    const mixed = await child(['--phase', 'compare', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--extra', mixedDir, '--jobs', String(jobs)]);
    const exp = await child(['--phase', 'explain', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--count', String(nExplain)]);
    const naive = await child(['--phase', 'naive', '--rubric', SEED_RUBRIC, '--dir', seedDir, '--count', String(nNaive)]);
    const hand = await child(['--phase', 'hand', '--rubric', SEED_RUBRIC, '--dir', seedDir]);
    const floorUs = per(floor);
    const cmpUs = per(cmp);
    const expUs = per(exp);
    const naiveUs = per(naive);
    const cmpPerS = cmp.agencies / cmp.wallS;
    say(`下限 floor（读文件 + JSON.parse，单线程）：${fmt(floorUs)} µs/个（${floor.agencies} 个）`);
    const compareLine = (label: string, p: PhaseResult): string =>
      `${label}：${fmt(per(p))} µs/个 = ${(per(p) / floorUs).toFixed(1)} × floor；墙钟 ${p.wallS.toFixed(2)} 秒，${Math.round(p.agencies / p.wallS)} 个/秒；` +
      `未计入 ${p.leftOut} 个；峰值内存 ${p.peakRssMb} MB；固定开销（线程启动、加载并编译细则）${Math.round((p.fixedCpuUs ?? 0) / 1000)} ms CPU 已扣除`;
    say(compareLine(`compare（${jobs} 个线程，${cmp.agencies} 个 JSON 单位，只汇总、不生成可解释报告；目标 ≤ 2.5 × floor）`, cmp));
    say(compareLine(`    混合输入（另加 ${g.yaml} 个 YAML 与 ${g.invalid} 个无效文件，共 ${mixed.agencies} 个单位）`, mixed));
    const s = exp.stages!;
    const st = (k: string): string => fmt((s[k] ?? 0) / exp.agencies);
    say(`explain（单线程，完整可解释报告）：${fmt(expUs)} µs/个（目标 ≤ 600）= 读 ${st('read')} + 解析 ${st('parse')} + 校验 ${st('validate')} + 评分与报告 ${st('score')}`);
    say(`    其中规则执行：预编译 ${st('rules')} µs/个，json-rules-engine ${st('rulesReference')} µs/个（${((s.rulesReference ?? 0) / Math.max(1, s.rules ?? 1)).toFixed(0)} 倍）`);
    say(`naive（一个 json-rules-engine Engine 复用，JSON.parse，顺序，无校验无报告）：${fmt(naiveUs)} µs/个；手写评分（仅算术）：${fmt(per(hand))} µs/个`);
    say(`同次运行比值：compare/floor ${(cmpUs / floorUs).toFixed(1)}，混合 compare/floor ${(per(mixed) / floorUs).toFixed(1)}，explain/floor ${(expUs / floorUs).toFixed(1)}，naive/floor ${(naiveUs / floorUs).toFixed(1)}，explain/naive ${(expUs / naiveUs).toFixed(2)}`);

    let peak = Math.max(cmp.peakRssMb, mixed.peakRssMb, exp.peakRssMb);
    for (const size of LARGE_RUBRIC_SIZES) {
      const file = join(base, `bench-${size}.yaml`);
      const text = generateLargeRubric(size);
      writeFileSync(file, text);
      const m = Math.max(10, Math.min(nExplain, Math.round(150_000 / size)));
      const dir = join(base, `large-${size}`);
      generate(dir, compileText(file, text), m, `l${size}`, 2024);
      const e = await child(['--phase', 'explain', '--rubric', file, '--dir', dir]);
      peak = Math.max(peak, e.peakRssMb);
      const es = e.stages!;
      say(
        `生成细则 ${size} 项指标：explain ${fmt(per(e))} µs/个（${fmt(per(e) / size)} µs/项，${e.agencies} 个），` +
          `规则 预编译 ${fmt((es.rules ?? 0) / e.agencies)} / json-rules-engine ${fmt((es.rulesReference ?? 0) / e.agencies)} µs/个`,
      );
    }
    say(
      `compare_per_s=${Math.round(cmpPerS)} compare_cpu_us=${Math.round(cmpUs)} explain_cpu_us=${Math.round(expUs)} floor_cpu_us=${Math.round(floorUs)} ` +
        `naive_cpu_us=${Math.round(naiveUs)} startup_ms=${Math.round(startup)} peak_rss_mb=${peak}`,
    );
    return 0;
  } finally {
    if (!values.keep && !values.dir) rmSync(base, { recursive: true, force: true });
  }
}
