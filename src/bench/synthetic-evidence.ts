// Synthetic evidence for the benchmark: for any compiled rubric, plausible random values for every catalogue fact
// (driven by the fact's type and range), the odd not-applicable request and a claim (自评分) on every node two levels
// down. No rulings: those are the office's (review files), so judgement items stay pending. Deterministic for a seed.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { EvidenceInput } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import type { Random } from './random.js';

/** Facts that describe a failure (违规, 批评 …): rarely true. */
const BAD_FACT = /_z$|_c$|falsified|leakIncident|websiteCriticized/;

function factValue(id: string, def: FactDef, rnd: Random): unknown {
  if (rnd.chance(0.004)) return null;
  switch (def.type) {
    case 'boolean':
      return rnd.chance(BAD_FACT.test(id) ? 0.03 : 0.75);
    case 'integer': {
      const lo = Math.max(def.min ?? 0, 0);
      return rnd.int(lo, Math.max(lo, Math.min(def.max ?? 12, 12)));
    }
    case 'percent':
      return rnd.int(Math.max(def.min ?? 30, 30), Math.min(def.max ?? 100, 100));
    case 'number': {
      const lo = def.min ?? 0;
      const hi = Math.max(lo, def.max ?? 50);
      return Math.min(hi, Math.max(lo, Math.round((lo + rnd.next() * (hi - lo)) * 10) / 10));
    }
    case 'enum':
      return rnd.pick(def.values ?? ['']);
    case 'date':
      return `2024-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    case 'text':
      return rnd.chance(0.5) ? '见附页说明' : null;
    case 'list':
      return [];
  }
}

/** One agency's evidence (plain data, ready for JSON.stringify). */
export function generateEvidence(compiled: CompiledRubric, index: number, rnd: Random, prefix: string): EvidenceInput {
  const r = compiled.rubric;
  const facts: Record<string, unknown> = {};
  for (const id of compiled.factIds) {
    const def = r.facts[id]!;
    if (!def.derive) facts[id] = factValue(id, def, rnd);
  }
  const notApplicable: Array<{ node: string; reason: string }> = [];
  const claims: Record<string, number> = {};
  for (const f of compiled.model.nodes) {
    if (f.node.mayBeNotApplicable && rnd.chance(0.1)) notApplicable.push({ node: f.id, reason: '本单位无此职能' });
    if (f.depth === 2 && f.kind === 'score') claims[f.id] = Math.min(f.max.toNumber(), Math.round(f.max.toNumber() * (0.6 + rnd.next() * 0.5) * 2) / 2);
  }
  const cls = r.classes && r.classes.length > 0 ? rnd.pick(r.classes) : 'B';
  const no = String(index).padStart(6, '0');
  return {
    rubric: { id: r.id, version: r.version },
    agency: { name: `合成单位${no}`, shortName: `单位${no}`, code: `${prefix}-${no}`, class: cls },
    period: { year: r.year ?? 2024 },
    facts: facts as EvidenceInput['facts'],
    claims,
    notApplicable,
  };
}
