// Differential test: the comparison's summary path (each agency summarised straight from its assessment, no explained
// report built) against the full-report path (buildReport, then summarised) — the path compare used before.
// Per agency: generated agencies for every bundled rubric and generated rubrics of 40, 150 and 500 criteria give
// deep-equal summaries. Per comparison: generated cohorts, the bundled examples with the office's reviews and a
// baseline year, and a county with a rank criterion give byte-identical json, text and csv through both paths.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRubric, parseEvidence, parseRubric } from '../../src/api.js';
import { assessAgency } from '../../src/assess/score-agency.js';
import { compareBatchView, type CompareOptions } from '../../src/batch/compare-batch.js';
import { createRandom } from '../../src/bench/random.js';
import { generateEvidence } from '../../src/bench/synthetic-evidence.js';
import { generateLargeRubric } from '../../src/bench/synthetic-rubric.js';
import { summariseReport } from '../../src/cohort/agency-summary.js';
import { buildBatchPlan } from '../../src/cohort/batch-plan.js';
import { summarySource } from '../../src/cohort/summarise-assessment.js';
import type { CompiledRubric } from '../../src/compile/compile-rubric.js';
import { compareChunks } from '../../src/formatters/compare/compare-formatters.js';
import { buildReport } from '../../src/report/build-report.js';
import { ENGINE_VERSION } from '../../src/version.js';
import { COUNTY_RUBRIC, writeCounty } from '../batch/county.js';
import { compile, tempDir } from '../batch/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUBRICS = join(ROOT, 'rubrics');

async function bundled(): Promise<Array<[string, CompiledRubric]>> {
  const out: Array<[string, CompiledRubric]> = [];
  for (const f of readdirSync(RUBRICS).filter((x) => x.endsWith('.yaml')).sort()) {
    const r = await loadRubric(join(RUBRICS, f));
    if (!r.ok) throw new Error(`bundled rubric ${f} invalid`);
    out.push([f, r.value]);
  }
  return out;
}

function generated(criteria: number): CompiledRubric {
  const r = parseRubric(`bench-${criteria}.yaml`, generateLargeRubric(criteria));
  if (!r.ok) throw new Error(`generated rubric ${criteria} invalid`);
  return r.value;
}

/** Summaries of `count` generated agencies through both paths must be deep-equal; returns the conditions explained. */
async function sameSummaries(compiled: CompiledRubric, count: number, seed: number): Promise<number> {
  const plan = buildBatchPlan(compiled);
  const rnd = createRandom(seed);
  let explained = 0; // conditions explained on the full path: the check on the lean path is not vacuous
  for (let i = 0; i < count; i++) {
    const ev = generateEvidence(compiled, i, rnd, 'S');
    const file = `S-${i}.json`;
    const parsed = parseEvidence(file, JSON.stringify(ev), compiled);
    if (!parsed.ok) throw new Error(`generated evidence ${i} invalid`);
    const opts = { evidenceHash: parsed.value.hash, evidenceFile: file, engineVersion: ENGINE_VERSION, diagnostics: parsed.value.warnings };
    const assessed = await assessAgency(compiled, parsed.value.evidence, opts);
    // The summary path assesses without explaining conditions (as the batch workers do): same numbers, none built.
    const lean = await assessAgency(compiled, parsed.value.evidence, { ...opts, explainConditions: false });
    for (const r of lean.results.values()) for (const reason of r.reasons) expect(reason.conditions ?? []).toEqual([]);
    for (const r of assessed.results.values()) for (const reason of r.reasons) explained += reason.conditions?.length ?? 0;
    const direct = summariseReport(summarySource(lean), plan, file);
    const viaReport = summariseReport(buildReport(assessed), plan, file);
    expect(direct).toEqual(viaReport);
    expect(JSON.stringify(direct)).toBe(JSON.stringify(viaReport));
  }
  return explained;
}

describe('summary path = full-report path, per agency', () => {
  it('every bundled rubric', async () => {
    let explained = 0;
    for (const [, compiled] of await bundled()) explained += await sameSummaries(compiled, 80, 7);
    expect(explained).toBeGreaterThan(0);
  });
  it.each([
    [40, 120],
    [150, 40],
    [500, 10],
  ])('generated rubric of %i criteria', async (criteria, count) => {
    await sameSummaries(generated(criteria), count, criteria);
  });
});

const t = tempDir('zwgk-summary-path-');
afterAll(() => t.cleanup());

/** json, text and csv of a comparison through both summary paths (in this thread). */
async function outputs(opts: Omit<CompareOptions, 'summaryPath' | 'workers'>, summaryPath: 'direct' | 'report'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const format of ['json', 'text', 'csv'] as const) {
    const view = await compareBatchView({ ...opts, summaryPath, workers: 'never' });
    let s = '';
    for await (const c of compareChunks(view, format)) s += c as string;
    out[format] = s;
  }
  return out;
}

async function sameComparison(opts: Omit<CompareOptions, 'summaryPath' | 'workers'>): Promise<void> {
  const direct = await outputs(opts, 'direct');
  const viaReport = await outputs(opts, 'report');
  for (const format of Object.keys(direct)) expect(direct[format], format).toBe(viaReport[format]);
}

describe('summary path = full-report path, whole comparisons', () => {
  it('a generated cohort of 150 agencies on the seed rubric (checks, over-claims, missing evidence)', async () => {
    const file = join(RUBRICS, 'etuokeqianqi-2017.yaml');
    const compiled = compile(readFileSync(file, 'utf8'), file);
    const rnd = createRandom(2017);
    mkdirSync(join(t.dir, 'seed'), { recursive: true });
    for (let i = 1; i <= 150; i++) writeFileSync(join(t.dir, 'seed', `g-${i}.json`), JSON.stringify(generateEvidence(compiled, i, rnd, 'G')));
    await sameComparison({ inputs: ['seed'], rubric: { file, compiled }, cwd: t.dir });
  });

  it('the bundled examples with the office reviews, and against the baseline year', async () => {
    const r17 = join(RUBRICS, 'etuokeqianqi-2017.yaml');
    const r18 = join(RUBRICS, 'etuokeqianqi-2018.yaml');
    const l17 = await loadRubric(r17);
    const l18 = await loadRubric(r18); // extends the 2017 rubric: loaded from its file
    if (!l17.ok || !l18.ok) throw new Error('bundled rubric invalid');
    const [c17, c18] = [l17.value, l18.value];
    const examples = join(ROOT, 'examples', 'etuokeqianqi-2017');
    await sameComparison({ inputs: [examples], rubric: { file: r17, compiled: c17 }, cwd: ROOT, reviews: join(examples, 'reviews') });
    await sameComparison({ inputs: [examples], rubric: { file: r18, compiled: c18 }, cwd: ROOT, baseline: { inputs: [examples], rubric: { file: r17, compiled: c17 } } });
  });

  it('a county with a rank criterion (two passes) and a review', async () => {
    writeCounty(t);
    await sameComparison({ inputs: ['county'], rubric: { file: 'rubric.yaml', compiled: compile(COUNTY_RUBRIC) }, cwd: t.dir, reviews: 'reviews' });
  });
});
