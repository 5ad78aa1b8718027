// fast-check generators of small valid rubrics and matching evidence for the property tests.
// A spec (sections of leaves, each with a scoring method) is generated first; `buildRubric` turns it into the rubric
// object (JSON, hence valid YAML) and its fact catalogue, and evidence is generated per fact (sometimes missing).
// All points are whole tenths, so section points add up exactly.
import fc from 'fast-check';

export type FactKind = 'boolean' | 'count' | 'percent';

type DeductionSpec = { kind: 'amount'; tenths: number } | { kind: 'per'; eachTenths: number; maxTenths: number | null };

export type LeafSpec =
  | { method: 'binary'; tenths: number; floorNull: boolean }
  | { method: 'deduct'; tenths: number; floorNull: boolean; deductions: DeductionSpec[]; capTenths: number | null }
  | { method: 'levels'; tenths: number; floorNull: boolean; levels: Array<{ threshold: number; tenths: number }>; fallback: boolean }
  | { method: 'perOccurrence'; tenths: number; floorNull: boolean; eachTenths: number; maxTenths: number | null }
  | { method: 'linear'; tenths: number; floorNull: boolean; x0: number; x1: number; p0: number; p1: number };

export interface RubricSpec {
  sections: LeafSpec[][];
  bonus: { eachTenths: number; maxTenths: number } | null;
  penalty: { eachTenths: number; maxTenths: number } | null;
  bonusCapTenths: number | null;
  penaltyCapTenths: number | null;
}

export interface BuiltRubric {
  rubric: Record<string, unknown>;
  facts: Array<{ id: string; kind: FactKind }>;
}

const tenths = (max = 200): fc.Arbitrary<number> => fc.integer({ min: 1, max });
const pts = (t: number): number => t / 10;

/** A leaf of a random method; its points are `t` tenths. */
const leafArb: fc.Arbitrary<LeafSpec> = tenths().chain((t) => {
  const floorNull = fc.boolean().map((b) => b && t % 3 === 0); // now and then a leaf that may overdraw (M4)
  const upTo = fc.integer({ min: 0, max: t });
  return fc.oneof(
    fc.record({ method: fc.constant('binary' as const), tenths: fc.constant(t), floorNull }),
    fc.record({
      method: fc.constant('deduct' as const),
      tenths: fc.constant(t),
      floorNull,
      deductions: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('amount' as const), tenths: fc.integer({ min: 1, max: t }) }),
          fc.record({ kind: fc.constant('per' as const), eachTenths: fc.integer({ min: 1, max: 30 }), maxTenths: fc.option(tenths(60), { nil: null }) }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      capTenths: fc.option(fc.integer({ min: 1, max: t }), { nil: null }),
    }),
    fc.record({
      method: fc.constant('levels' as const),
      tenths: fc.constant(t),
      floorNull,
      levels: fc
        .array(fc.record({ threshold: fc.integer({ min: 0, max: 12 }), tenths: upTo }), { minLength: 1, maxLength: 3 })
        // levels are listed from the highest points down (LEVELS_UNORDERED otherwise)
        .map((ls) => [...ls].sort((a, b) => b.tenths - a.tenths)),
      fallback: fc.boolean(),
    }),
    fc.record({ method: fc.constant('perOccurrence' as const), tenths: fc.constant(t), floorNull, eachTenths: fc.integer({ min: 1, max: 30 }), maxTenths: fc.option(fc.integer({ min: 1, max: t }), { nil: null }) }),
    // Spans divide 100, so with facts of one decimal every linear score has at most 4 decimals (exact at precision 4).
    fc
      .record({ x0: fc.integer({ min: 0, max: 90 }), span: fc.constantFrom(10, 20, 50, 100), p0: upTo, p1: upTo })
      .map(({ x0, span, p0, p1 }) => ({ method: 'linear' as const, tenths: t, floorNull: false, x0, x1: x0 + span, p0, p1 })),
  );
});

export const rubricSpecArb: fc.Arbitrary<RubricSpec> = fc.record({
  sections: fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  bonus: fc.option(fc.record({ eachTenths: tenths(30), maxTenths: tenths(100) }), { nil: null }),
  penalty: fc.option(fc.record({ eachTenths: tenths(30), maxTenths: tenths(100) }), { nil: null }),
  bonusCapTenths: fc.option(tenths(80), { nil: null }),
  penaltyCapTenths: fc.option(tenths(80), { nil: null }),
});

/** Turn a spec into a rubric object (precision 4: every generated score is exact in the report). */
export function buildRubric(spec: RubricSpec, precision = 4): BuiltRubric {
  const facts: BuiltRubric['facts'] = [];
  const catalogue: Record<string, unknown> = {};
  const fact = (kind: FactKind): string => {
    const id = `f${facts.length}`;
    facts.push({ id, kind });
    catalogue[id] =
      kind === 'boolean' ? { label: `事实${id}`, type: 'boolean' } : kind === 'count' ? { label: `事实${id}`, type: 'integer', min: 0 } : { label: `事实${id}`, type: 'percent' };
    return id;
  };
  const isTrue = (id: string): unknown => ({ fact: id, operator: 'isTrue', value: true });
  const leaf = (l: LeafSpec, id: string): Record<string, unknown> => {
    const node: Record<string, unknown> = { id, title: `评分项${id}`, points: pts(l.tenths) };
    if (l.floorNull) node.floor = null;
    switch (l.method) {
      case 'binary':
        node.scoring = { method: 'binary', when: isTrue(fact('boolean')) };
        break;
      case 'deduct':
        node.scoring = {
          method: 'deduct',
          ...(l.capTenths !== null ? { cap: pts(l.capTenths) } : {}),
          deductions: l.deductions.map((d, i) =>
            d.kind === 'amount'
              ? { id: `d${i}`, reason: `问题${i}`, when: isTrue(fact('boolean')), amount: pts(d.tenths) }
              : { id: `d${i}`, reason: `问题${i}`, per: { fact: fact('count') }, each: pts(d.eachTenths), ...(d.maxTenths !== null ? { max: pts(d.maxTenths) } : {}) },
          ),
        };
        break;
      case 'levels': {
        const f = fact('count');
        node.scoring = {
          method: 'levels',
          levels: [
            ...l.levels.map((x, i) => ({ label: `等级${i}`, points: pts(x.tenths), when: { fact: f, operator: 'greaterThanInclusive', value: x.threshold } })),
            ...(l.fallback ? [{ label: '兜底', points: 0 }] : []),
          ],
        };
        break;
      }
      case 'perOccurrence':
        node.scoring = { method: 'perOccurrence', per: { fact: fact('count') }, each: pts(l.eachTenths), ...(l.maxTenths !== null ? { max: pts(l.maxTenths) } : {}) };
        break;
      case 'linear':
        node.scoring = { method: 'linear', fact: fact('percent'), from: { value: l.x0, points: pts(l.p0) }, to: { value: l.x1, points: pts(l.p1) } };
        break;
    }
    return node;
  };
  const nodes: Array<Record<string, unknown>> = spec.sections.map((leaves, s) => ({
    id: `S${s + 1}`,
    title: `考核项目${s + 1}`,
    points: pts(leaves.reduce((a, l) => a + l.tenths, 0)),
    children: leaves.map((l, i) => leaf(l, `S${s + 1}.${i + 1}`)),
  }));
  if (spec.bonus)
    nodes.push({ id: 'B', title: '加分', kind: 'bonus', scoring: { method: 'perOccurrence', per: { fact: fact('count') }, each: pts(spec.bonus.eachTenths), max: pts(spec.bonus.maxTenths) } });
  if (spec.penalty)
    nodes.push({ id: 'P', title: '减分', kind: 'penalty', scoring: { method: 'perOccurrence', per: { fact: fact('count') }, each: pts(spec.penalty.eachTenths), max: pts(spec.penalty.maxTenths) } });
  const totalTenths = spec.sections.flat().reduce((a, l) => a + l.tenths, 0);
  const rubric: Record<string, unknown> = {
    id: 'prop',
    version: '1',
    title: '随机细则',
    total: pts(totalTenths),
    precision,
    ...(spec.bonusCapTenths !== null ? { bonusCap: pts(spec.bonusCapTenths) } : {}),
    ...(spec.penaltyCapTenths !== null ? { penaltyCap: pts(spec.penaltyCapTenths) } : {}),
    facts: catalogue,
    nodes,
  };
  return { rubric, facts };
}

const valueArb = (kind: FactKind): fc.Arbitrary<unknown> => {
  const v: fc.Arbitrary<unknown> = kind === 'boolean' ? fc.boolean() : kind === 'count' ? fc.integer({ min: 0, max: 12 }) : fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);
  // Now and then a fact is missing (absent) to exercise missing_evidence.
  return fc.option(v, { freq: 8, nil: undefined });
};

/** Facts for a built rubric: one value per catalogue fact, some left out. */
export function factsArb(built: BuiltRubric): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...built.facts.map((f) => valueArb(f.kind))).map((values) => {
    const out: Record<string, unknown> = {};
    built.facts.forEach((f, i) => {
      if (values[i] !== undefined) out[f.id] = values[i];
    });
    return out;
  });
}

/** A rubric and evidence facts for it. */
export const scoredCaseArb: fc.Arbitrary<{ spec: RubricSpec; built: BuiltRubric; facts: Record<string, unknown> }> = rubricSpecArb.chain((spec) => {
  const built = buildRubric(spec);
  return factsArb(built).map((facts) => ({ spec, built, facts }));
});

/** Evidence JSON (valid YAML) for a generated rubric. */
export function evidenceText(facts: Record<string, unknown>): string {
  return JSON.stringify({ rubric: { id: 'prop', version: '1' }, agency: { name: '随机单位', code: 'R1' }, period: { year: 2024 }, facts });
}

// ---------------------------------------------------------------------------------------------------------------
// Monotone rubrics: only binary and clauses criteria over isTrue conditions (all/any, no `not`) on a shared pool
// of boolean facts, so that a fact turning true can only make more conditions hold.

type Cond = { leaf: number } | { all: Cond[] } | { any: Cond[] };

const condArb = (pool: number): fc.Arbitrary<Cond> =>
  fc.letrec<{ cond: Cond }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ leaf: fc.integer({ min: 0, max: pool - 1 }) }),
      fc.record({ all: fc.array(tie('cond'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('cond'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).cond;

export type MonotoneLeaf =
  | { method: 'binary'; tenths: number; when: Cond }
  | { method: 'clauses'; extraTenths: number; clauses: Array<{ tenths: number; when: Cond }> };

export interface MonotoneSpec {
  pool: number;
  sections: MonotoneLeaf[][];
  bonus: { tenths: number; when: Cond } | null;
}

export const monotoneSpecArb: fc.Arbitrary<MonotoneSpec> = fc.integer({ min: 1, max: 6 }).chain((pool) => {
  const cond = condArb(pool);
  const leafArb2: fc.Arbitrary<MonotoneLeaf> = fc.oneof(
    fc.record({ method: fc.constant('binary' as const), tenths: tenths(), when: cond }),
    fc.record({
      method: fc.constant('clauses' as const),
      extraTenths: fc.integer({ min: 0, max: 20 }),
      clauses: fc.array(fc.record({ tenths: tenths(50), when: cond }), { minLength: 1, maxLength: 3 }),
    }),
  );
  return fc.record({
    pool: fc.constant(pool),
    sections: fc.array(fc.array(leafArb2, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    bonus: fc.option(fc.record({ tenths: tenths(50), when: cond }), { nil: null }),
  });
});

function toCondition(c: Cond): unknown {
  if ('leaf' in c) return { fact: `b${c.leaf}`, operator: 'isTrue', value: true };
  if ('all' in c) return { all: c.all.map(toCondition) };
  return { any: c.any.map(toCondition) };
}

const leafTenths = (l: MonotoneLeaf): number => (l.method === 'binary' ? l.tenths : l.extraTenths + l.clauses.reduce((a, c) => a + c.tenths, 0));

export function buildMonotoneRubric(spec: MonotoneSpec): Record<string, unknown> {
  const facts = Object.fromEntries(Array.from({ length: spec.pool }, (_, i) => [`b${i}`, { label: `条件${i}`, type: 'boolean' }]));
  const nodes: Array<Record<string, unknown>> = spec.sections.map((leaves, s) => ({
    id: `S${s + 1}`,
    title: `考核项目${s + 1}`,
    points: pts(leaves.reduce((a, l) => a + leafTenths(l), 0)),
    children: leaves.map((l, i) => ({
      id: `S${s + 1}.${i + 1}`,
      title: `评分项${s + 1}.${i + 1}`,
      points: pts(leafTenths(l)),
      scoring:
        l.method === 'binary'
          ? { method: 'binary', when: toCondition(l.when) }
          : { method: 'clauses', clauses: l.clauses.map((c, k) => ({ id: `c${k}`, title: `条款${k}`, points: pts(c.tenths), when: toCondition(c.when) })) },
    })),
  }));
  if (spec.bonus) nodes.push({ id: 'B', title: '加分', kind: 'bonus', points: pts(spec.bonus.tenths), scoring: { method: 'binary', when: toCondition(spec.bonus.when) } });
  const total = spec.sections.flat().reduce((a, l) => a + leafTenths(l), 0);
  return { id: 'prop', version: '1', title: '单调细则', total: pts(total), precision: 4, facts, nodes };
}
