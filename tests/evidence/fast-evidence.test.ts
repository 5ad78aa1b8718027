// Differential test: the evidence validator compiled per rubric (src/evidence/fast-evidence.ts) against the reference
// (zod's EvidenceSchema, then checkEvidence). On random valid, near-valid and hostile documents for every bundled
// rubric and the generated 40-criterion one: whatever it accepts, the reference accepts with a deep-equal value (same
// key order) and no error; whatever the reference accepts it accepts too (unless the document holds a key or value it
// leaves to the reference on purpose); and checkEvidenceSource (which takes it first) returns exactly what the
// reference returns, diagnostics included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkEvidenceSource, checkEvidenceSourceReference, loadRubric, parseRubric } from '../../src/api.js';
import type { CompiledRubric } from '../../src/compile/compile-rubric.js';
import { acceptEvidence } from '../../src/evidence/fast-evidence.js';
import { parseSource, type SourceFile } from '../../src/load/parse-source.js';
import { parseJsonSourceFast } from '../../src/load/parse-json-fast.js';
import { generateLargeRubric } from '../../src/bench/synthetic-rubric.js';
import type { FactDef } from '../../src/schema/fact-schema.js';
import { rubric } from '../helpers/mechanism.js';
import { compileOk } from '../helpers/score.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUBRICS = join(ROOT, 'rubrics');

/** Every fact type and list item kind, ranges, a derived fact, classes and a node that may be not applicable. */
const EVERY_TYPE = `
  total: 10
  classes: [甲, 乙]
  facts:
    b: { label: 布尔, type: boolean }
    i: { label: 整数, type: integer, min: 0, max: 10 }
    n: { label: 数字, type: number, min: -5, max: 5.5 }
    p: { label: 百分数, type: percent }
    p2: { label: 百分数(有上下限), type: percent, min: 10, max: 90 }
    d: { label: 日期, type: date }
    e: { label: 枚举, type: enum, values: [好, 中, 差] }
    t: { label: 文本, type: text }
    l: { label: 列表, type: list }
    ln: { label: 数字列表, type: list, items: number }
    li: { label: 整数列表, type: list, items: integer }
    lb: { label: 布尔列表, type: list, items: boolean }
    ld: { label: 日期列表, type: list, items: date }
    lt: { label: 文本列表, type: list, items: text }
    s: { label: 合计, type: integer, derive: { sum: [i, i] } }
  nodes:
    - id: "1"
      title: 一
      points: 4
      mayBeNotApplicable: true
      scoring: { method: binary, when: { fact: b, operator: isTrue, value: true } }
    - id: "2"
      title: 二
      points: 6
      scoring: { method: binary, when: { fact: s, operator: greaterThan, value: 3 } }
`;

async function rubrics(): Promise<Array<[string, CompiledRubric]>> {
  const out: Array<[string, CompiledRubric]> = [];
  for (const f of readdirSync(RUBRICS).filter((x) => x.endsWith('.yaml')).sort()) {
    const r = await loadRubric(join(RUBRICS, f));
    if (!r.ok) throw new Error(`bundled rubric ${f} invalid`);
    out.push([f, r.value]);
  }
  out.push(['every-fact-type', compileOk(rubric(EVERY_TYPE))]);
  const g = parseRubric('bench-40.yaml', generateLargeRubric(40));
  if (!g.ok) throw new Error('generated rubric invalid');
  out.push(['generated-40', g.value]);
  return out;
}

const ALL = await rubrics();

/** A value that fits the fact's declared type and range (boundaries included). */
function factValue(def: FactDef): fc.Arbitrary<unknown> {
  const lo = def.min ?? (def.type === 'percent' ? 0 : -1e6);
  const hi = def.max ?? (def.type === 'percent' ? 100 : 1e6);
  const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const nullable = (a: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  switch (def.type) {
    case 'boolean':
      return nullable(fc.constantFrom(true, false, '是', '否'));
    case 'integer':
      return nullable(fc.oneof(fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, 2 ** 31)) }), fc.constantFrom(Math.ceil(lo), Math.floor(Math.min(hi, 1e6)))));
    case 'number':
    case 'percent':
      return nullable(fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), fc.constantFrom(lo, hi), fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).map((n) => n / 10)).filter((n) => n >= lo && n <= hi));
    case 'date':
      return nullable(date);
    case 'enum':
      return nullable(fc.constantFrom(...(def.values ?? ['x'])));
    case 'text':
      return nullable(fc.string({ maxLength: 30 }));
    case 'list': {
      const it = def.items;
      const item: fc.Arbitrary<unknown> =
        it === 'number' ? fc.double({ min: -1e15, max: 1e15, noNaN: true }) : it === 'integer' ? fc.integer() : it === 'boolean' ? fc.boolean() : it === 'date' ? date : it === 'text' ? fc.string({ maxLength: 10 }) : fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean());
      return nullable(fc.array(item, { maxLength: 6 }));
    }
  }
}

const citation = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 20 }),
    docNumber: fc.string({ maxLength: 20 }),
    url: fc.constant('https://example.gov.cn/a'),
    date: fc.constantFrom('2017-06-30', '2020-02-29'),
    note: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['title'] },
);

/** A valid evidence document for the rubric (the reference accepts it). */
function validEvidence(compiled: CompiledRubric): fc.Arbitrary<Record<string, unknown>> {
  const r = compiled.rubric;
  const given = Object.entries(r.facts).filter(([, d]) => !d.derive);
  const nodes = compiled.model.nodes;
  const naNodes = nodes.filter((f) => f.node.mayBeNotApplicable).map((f) => f.id);
  const factsArb = fc.subarray(given).chain((fs) => fc.tuple(...fs.map(([id, d]) => factValue(d).map((v) => [id, v] as const))).map((es) => Object.fromEntries(es)));
  const claimsArb = fc.subarray(nodes).chain((ns) =>
    fc.tuple(...ns.map((f) => fc.oneof(fc.constant(null), fc.constant(f.max.toNumber()), fc.integer({ min: 0, max: Math.floor(f.max.toNumber() * 10) }).map((t) => t / 10)).map((v) => [f.id, v] as const))).map((es) => Object.fromEntries(es)),
  );
  const keyed = <T,>(ids: string[], a: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> => fc.subarray(ids, { maxLength: Math.min(4, ids.length) }).chain((ks) => fc.tuple(...ks.map(() => a)).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]!]))));
  const ids = nodes.map((f) => f.id);
  return fc.record(
    {
      rubric: fc.constant({ id: r.id, version: r.version }),
      agency: fc.record(
        { name: fc.constant('测试局'), shortName: fc.constant('测试'), code: fc.stringMatching(/^[A-Z0-9-]{1,12}$/), class: r.classes ? fc.constantFrom(...r.classes) : fc.constant('甲') },
        { requiredKeys: r.classes ? ['name', 'code'] : ['name', 'code'] },
      ).map((a) => (r.classes ? a : (({ class: _c, ...rest }) => rest)(a))),
      period: fc.record({ year: fc.integer({ min: 1990, max: 2100 }), label: fc.constant('2017年度') }, { requiredKeys: ['year'] }),
      preparedBy: fc.constant('张三'),
      reviewedBy: fc.constant('李四'),
      date: fc.constantFrom('2018-01-12', '2024-02-29'),
      facts: factsArb,
      evidence: keyed(ids, fc.array(citation, { maxLength: 3 })),
      claims: claimsArb,
      notApplicable: fc.subarray(naNodes, { maxLength: Math.min(2, naNodes.length) }).map((ns) => ns.map((node) => ({ node, reason: '本单位无此项业务' }))),
      remediation: keyed(ids, fc.string({ maxLength: 20 })),
    },
    { requiredKeys: ['rubric', 'agency', 'period'] },
  );
}

/** Values that break one field or another. */
const HOSTILE: unknown[] = [
  null, true, false, 0, -0, 1.5, -1, 1989, 2101, 1e309, -1e309, Number.NaN, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 100000.0001, 1e-7,
  '', '5', '是', '否', 'x'.repeat(65), 'x'.repeat(4001), '2025-02-30', '2017-6-30', ' 2017-06-30', '1.10', '.a', 'A类',
  [], [1, 'a', true], [null], [Number.NaN], new Array(1001).fill(1), {}, { a: 1 }, { title: '' }, { title: 't', extra: 1 },
];

/** Keys added where they do not belong (prototype keys, typos, rulings, bad ids). */
const BAD_KEYS = ['extra', 'toString', 'hasOwnProperty', 'valueOf', 'judgements', 'overrides', '1abc', 'a-b', '', 'facts ', '名称', 'x'.repeat(65)];

/** Replace or add one value somewhere in the document (a random path), or add a stray key. */
function mutate(doc: Record<string, unknown>, rnd: () => number, compiled: CompiledRubric): Record<string, unknown> {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown): void => {
    if (v !== null && typeof v === 'object') {
      containers.push(v as Record<string, unknown>);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(copy);
  const c = pick(containers);
  const factIds = Object.keys(compiled.rubric.facts);
  const nodeIds = compiled.model.nodes.map((f) => f.id);
  const roll = rnd();
  if (Array.isArray(c)) {
    if (c.length > 0 && roll < 0.7) c[Math.floor(rnd() * c.length)] = pick(HOSTILE);
    else c.push(pick(HOSTILE));
  } else if (roll < 0.45) {
    const keys = Object.keys(c);
    if (keys.length > 0) c[pick(keys)] = pick(HOSTILE);
  } else if (roll < 0.6) {
    const keys = Object.keys(c);
    if (keys.length > 0) delete c[pick(keys)];
  } else if (roll < 0.75) c[pick(BAD_KEYS)] = pick(HOSTILE);
  else if (roll < 0.82) c[pick([...factIds, ...nodeIds])] = pick([...HOSTILE, 1, 0.5, 3, '2017-06-30']);
  else if (roll < 0.88) copy.facts = { ...(copy.facts as object), [pick(factIds)]: pick(HOSTILE) };
  else if (roll < 0.9) copy.period = { year: pick([1989, 1990, 2100, 2101, 2017.5, '2017']) };
  else if (c === copy.claims || c === copy.facts) c[pick(nodeIds)] = 1e4;
  else copy.claims = { [pick(nodeIds)]: pick([0, 0.0001, 1e5, 1e5 + 1, null]) };
  return copy;
}

/** The document as a YAML file (non-finite numbers survive as .nan / .inf), parsed the way evidence is read. */
function source(doc: unknown): SourceFile {
  const r = parseSource('e.yaml', stringify(doc, { lineWidth: 0 }));
  if (r.ok) return r.value;
  // The reader refuses some values outright (integers beyond 2^53): hand the data over as is, with the text of an
  // empty document (both paths position their diagnostics in the same text).
  const empty = parseSource('e.yaml', '{}\n');
  if (!empty.ok) throw new Error('unreachable');
  return { ...empty.value, data: doc };
}

/** The property: the compiled validator agrees with the reference on this source. */
function agree(compiled: CompiledRubric, src: SourceFile, mayBeUnsure = false): 'accepted' | 'refused' {
  const fast = acceptEvidence(compiled, src.data);
  const ref = checkEvidenceSourceReference(src, compiled);
  const viaApi = checkEvidenceSource(src, compiled);
  expect(viaApi).toStrictEqual(ref);
  expect(JSON.stringify(viaApi)).toBe(JSON.stringify(ref));
  if (fast !== undefined) {
    expect(ref.ok).toBe(true);
    if (!ref.ok) throw new Error('unreachable');
    expect(fast).toStrictEqual(ref.value.evidence);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(ref.value.evidence)); // same key order
    return 'accepted';
  }
  if (!mayBeUnsure) expect(ref.ok).toBe(false);
  return 'refused';
}

describe('compiled evidence validator vs zod + checkEvidence', () => {
  for (const [name, compiled] of ALL) {
    it(`${name}: valid documents are accepted with zod's value`, () => {
      fc.assert(
        fc.property(validEvidence(compiled), (doc) => {
          expect(agree(compiled, source(doc))).toBe('accepted');
        }),
        { numRuns: 150, seed: 14 },
      );
    });

    it(`${name}: near-valid and hostile documents — same verdict, same output, same messages`, () => {
      let refused = 0;
      let accepted = 0;
      fc.assert(
        fc.property(validEvidence(compiled), fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 3 }), (doc, seed, times) => {
          let s = seed;
          const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
          let d = doc;
          for (let i = 0; i < times; i++) d = mutate(d, rnd, compiled);
          if (agree(compiled, source(d)) === 'refused') refused++;
          else accepted++;
        }),
        { numRuns: 400, seed: 2017 },
      );
      // The mutations reach both outcomes (a generator that only ever broke documents would prove little).
      expect(refused).toBeGreaterThan(100);
      expect(accepted).toBeGreaterThan(10);
    });
  }

  const [, seed] = ALL.find(([n]) => n === 'etuokeqianqi-2017.yaml')!;
  const example = readFileSync(join(ROOT, 'examples', 'etuokeqianqi-2017', 'zhujianju.yaml'), 'utf8');

  it('the bundled example (YAML and JSON) is accepted, with the percent-scale warnings unchanged', () => {
    const y = parseSource('zhujianju.yaml', example);
    if (!y.ok) throw new Error('example did not parse');
    expect(agree(seed, y.value)).toBe('accepted');
    const j = parseJsonSourceFast('zhujianju.json', JSON.stringify(y.value.data));
    if (!j.ok) throw new Error('example did not parse as JSON');
    expect(agree(seed, j.value)).toBe('accepted');
    // a percent fact given as 0.05 where 5 was meant: accepted, and the warning is the reference's
    const facts = Object.entries(seed.rubric.facts).filter(([, d]) => d.type === 'percent' && !d.derive);
    for (const [id] of facts) {
      const doc = { ...(y.value.data as Record<string, unknown>), facts: { ...((y.value.data as { facts: object }).facts ?? {}), [id]: 0.05 } };
      expect(agree(seed, source(doc))).toBe('accepted');
    }
  });

  it('table: each fact type at and beyond its limits (every-fact-type rubric)', () => {
    const [, every] = ALL.find(([n]) => n === 'every-fact-type')!;
    const base = { rubric: { id: 'm', version: '1' }, agency: { name: '测试局', code: 'T1', class: '甲' }, period: { year: 2024 } };
    const cases: Array<[Record<string, unknown>, boolean]> = [
      // [what is added to the document, accepted]
      [{ facts: { t: 'x'.repeat(4000) } }, true],
      [{ facts: { t: 'x'.repeat(4001) } }, false],
      [{ facts: { lt: ['x'.repeat(4000)] } }, true],
      [{ facts: { lt: ['x'.repeat(4001)] } }, false],
      [{ facts: { lt: new Array(1000).fill('a') } }, true],
      [{ facts: { lt: new Array(1001).fill('a') } }, false],
      [{ facts: { l: [Number.NaN, 1, 'a', true] } }, true], // a list without items takes any number, as zod does
      [{ facts: { ln: [Number.NaN] } }, false],
      [{ facts: { li: [2 ** 53] } }, false],
      [{ facts: { li: [2 ** 53 - 1] } }, true],
      [{ facts: { lb: ['是'] } }, false],
      [{ facts: { ld: ['2024-02-29', '2023-02-28'] } }, true],
      [{ facts: { ld: ['2023-02-29'] } }, false],
      [{ facts: { i: 10, n: 5.5, p: 100, p2: 90 } }, true],
      [{ facts: { i: 0, n: -5, p: 0, p2: 10 } }, true],
      [{ facts: { i: 11 } }, false],
      [{ facts: { i: 1.5 } }, false],
      [{ facts: { n: 5.500001 } }, false],
      [{ facts: { n: '5' } }, false],
      [{ facts: { p: 100.1 } }, false],
      [{ facts: { p2: 9.99 } }, false],
      [{ facts: { d: '2024-02-29' } }, true],
      [{ facts: { d: '2023-02-29' } }, false],
      [{ facts: { e: '好' } }, true],
      [{ facts: { e: '优' } }, false],
      [{ facts: { b: '是' } }, true],
      [{ facts: { b: 'yes' } }, false],
      [{ facts: { b: null, i: null, l: null } }, true],
      [{ facts: { s: 1 } }, false], // derived: the engine computes it
      [{ facts: { toString: 1 } }, false],
      [{ agency: { name: '测试局', code: 'T1', class: '丙' } }, false],
      [{ agency: { name: '测试局', code: 'T1' } }, true],
      [{ notApplicable: [{ node: '1', reason: '无此职能' }] }, true],
      [{ notApplicable: [{ node: '2', reason: '无此职能' }] }, false],
      [{ claims: { '2': 6, '1': 0 } }, true],
      [{ claims: { '2': 6.0001 } }, false],
      [{ claims: { '9': null } }, true], // null: not claimed, dropped before the node is looked up
      [{ claims: { '9': 1 } }, false],
      [{ evidence: { '1': [{ title: '文件', date: '2024-01-01' }] }, remediation: { '2': '已整改' } }, true],
      [{ evidence: { '3': [] } }, false],
      [{ remediation: { '3': '已整改' } }, false],
    ];
    for (const [extra, ok] of cases) {
      const what = JSON.stringify(extra).slice(0, 80);
      const src = source({ ...base, ...extra });
      expect(acceptEvidence(every, src.data) !== undefined, what).toBe(ok);
      expect(agree(every, src), what).toBe(ok ? 'accepted' : 'refused');
    }
  });

  it('table: what it leaves to the reference on purpose, and what the reference refuses', () => {
    const y = parseSource('zhujianju.yaml', example);
    if (!y.ok) throw new Error('example did not parse');
    const base = y.value.data as Record<string, unknown>;
    const facts = base.facts as Record<string, unknown>;
    const factId = Object.keys(facts)[0]!;
    const cases: Array<[string, Record<string, unknown>, boolean]> = [
      // [what, document, the reference accepts it]
      ['__proto__ fact (JSON.parse makes it an own key; zod drops it)', { ...base, facts: JSON.parse(`{"__proto__": 1, ${JSON.stringify(factId)}: ${JSON.stringify(facts[factId])}}`) }, true],
      ['constructor key at the top', { ...base, constructor: 1 }, false],
      ['explicit undefined for an optional key', { ...base, preparedBy: undefined }, true],
      ['facts as a list', { ...base, facts: [] }, false],
      ['NaN for a fact', { ...base, facts: { ...facts, [factId]: Number.NaN } }, false],
      ['Infinity for a fact', { ...base, facts: { ...facts, [factId]: Number.POSITIVE_INFINITY } }, false],
      ['string for a number', { ...base, facts: { ...facts, [factId]: '5' } }, false],
      ['unknown fact', { ...base, facts: { ...facts, noSuchFact: 1 } }, false],
      ['wrong rubric version', { ...base, rubric: { ...(base.rubric as object), version: '0' } }, false],
      ['year not an integer', { ...base, period: { year: 2017.5 } }, false],
      ['object with a null prototype', Object.assign(Object.create(null) as object, base) as Record<string, unknown>, true],
    ];
    for (const [what, doc, refOk] of cases) {
      const src = { ...y.value, data: doc };
      expect(acceptEvidence(seed, doc), what).toBeUndefined();
      expect(checkEvidenceSourceReference(src, seed).ok, what).toBe(refOk);
      expect(checkEvidenceSource(src, seed), what).toStrictEqual(checkEvidenceSourceReference(src, seed));
    }
  });
});
