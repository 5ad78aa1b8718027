// Differential test: the compiled rule closures (the hot path) against json-rules-engine (the reference).
// Generated agencies for every bundled rubric and for generated rubrics of 40, 150 and 500 criteria go through
// both runners; the per-site outcomes must be deep-equal and the full reports byte-identical as JSON.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric, parseEvidence, parseRubric, scoreEvidence } from '../../src/api.js';
import { withRuleEngine, type CompiledRubric } from '../../src/compile/compile-rubric.js';
import { collectFactValues } from '../../src/assess/collect-fact-values.js';
import { createRandom } from '../../src/bench/random.js';
import { generateEvidence } from '../../src/bench/synthetic-evidence.js';
import { generateLargeRubric, LARGE_RUBRIC_SIZES } from '../../src/bench/synthetic-rubric.js';

const RUBRICS = join(import.meta.dirname, '..', '..', 'rubrics');

/** Agencies whose full reports are compared, and agencies whose rule outcomes alone are compared (cheaper). */
const REPORTS: Record<string, number> = { bundled: 60, 40: 80, 150: 40, 500: 8 };
const OUTCOMES: Record<string, number> = { bundled: 300, 40: 200, 150: 100, 500: 40 };

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
  if (!r.ok) throw new Error(`generated rubric ${criteria} invalid: ${r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`).join('; ')}`);
  return r.value;
}

/** Facts for the engine, with some values perturbed (missing, boundary, wrong type) to reach every validator branch. */
function engineFacts(compiled: CompiledRubric, seed: number): Record<string, unknown> {
  const rnd = createRandom(seed);
  const ev = generateEvidence(compiled, seed, rnd, 'D');
  const parsed = parseEvidence('e.json', JSON.stringify(ev), compiled);
  if (!parsed.ok) throw new Error('generated evidence invalid');
  const facts: Record<string, unknown> = {};
  for (const [k, v] of collectFactValues(compiled, parsed.value.evidence)) facts[k] = v;
  for (const k of Object.keys(facts)) {
    if (!rnd.chance(0.05)) continue;
    facts[k] = rnd.pick([null, 0, -1, 1, 80, 90, 100, '', '2024-06-30', 'x', true, false, [], ['a'], { a: 1 }]);
  }
  return facts;
}

async function compareReports(compiled: CompiledRubric, count: number, seed: number): Promise<void> {
  const reference = withRuleEngine(compiled, 'reference');
  expect(compiled.engine).toBe('compiled');
  const rnd = createRandom(seed);
  for (let i = 0; i < count; i++) {
    const ev = generateEvidence(compiled, i, rnd, 'D');
    const parsed = parseEvidence(`D-${i}.json`, JSON.stringify(ev), compiled);
    if (!parsed.ok) throw new Error(`generated evidence ${i} invalid`);
    const fast = JSON.stringify(await scoreEvidence(compiled, parsed.value));
    const slow = JSON.stringify(await scoreEvidence(reference, parsed.value));
    if (fast !== slow) expect(JSON.parse(fast)).toEqual(JSON.parse(slow));
    expect(fast).toBe(slow);
  }
}

async function compareOutcomes(compiled: CompiledRubric, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const facts = engineFacts(compiled, 1000 + i);
    const slow = await compiled.runReferenceRules(facts);
    const fast = compiled.runRulesSync(facts);
    expect(fast.size).toBe(slow.size);
    for (const [key, o] of slow) {
      const f = fast.get(key);
      expect(f).toEqual(o);
      // Same key order in every leaf, as collectLeaves builds it.
      expect(JSON.stringify(f)).toBe(JSON.stringify(o));
    }
  }
}

describe('compiled rule closures = json-rules-engine', () => {
  it('bundled rubrics: rule outcomes and full reports', async () => {
    for (const [name, compiled] of await bundled()) {
      await compareOutcomes(compiled, OUTCOMES.bundled!);
      await compareReports(compiled, REPORTS.bundled!, name.length);
    }
  }, 120_000);

  for (const size of LARGE_RUBRIC_SIZES) {
    it(`generated rubric of ${size} criteria: rule outcomes and full reports`, async () => {
      const compiled = generated(size);
      expect(compiled.model.nodes.filter((n) => n.kind === 'score' && !n.node.children?.length).length).toBeGreaterThanOrEqual(size);
      await compareOutcomes(compiled, OUTCOMES[size]!);
      await compareReports(compiled, REPORTS[size]!, size);
    }, 120_000);
  }

  it('an unknown fact throws in both runners', async () => {
    const compiled = generated(40);
    const facts = engineFacts(compiled, 1);
    delete facts[compiled.sites[0]!.requiredFacts[0]!];
    await expect(compiled.runReferenceRules(facts)).rejects.toThrow();
    expect(() => compiled.runRulesSync(facts)).toThrow(/Undefined fact/);
  });
});
