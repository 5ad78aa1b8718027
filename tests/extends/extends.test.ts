// Inheritance (`extends` + `overrides`): each override kind, merges of parameters/facts/vetoes, and diagnostics that
// point at the file that caused them (child for overrides, parent for untouched nodes), cycles, depth, missing nodes.
import { describe, expect, it } from 'vitest';
import { parseRubric, resolveRubricSync, parseSource, type CompiledRubric } from '../../src/index.js';
import { BASE, child, codes, compileChild, lineOf, memoryReader } from './fixtures.js';

function ok(res: ReturnType<typeof compileChild>): CompiledRubric {
  if (!res.ok) throw new Error(res.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  return res.value;
}

const childIds = (c: CompiledRubric, id: string): string[] => c.model.byId.get(id)!.children;
const topIds = (c: CompiledRubric): string[] => c.model.nodes.filter((n) => n.parent === null).map((n) => n.id);

describe('override kinds', () => {
  it('set: changes fields of a node, keeps the rest, and null removes a field', () => {
    const text = child(`overrides:
  - set: "1.1"
    points: 20
    title: 甲项(修订)
  - set: "1.2"
    points: 40
  - set: "2.1"
    classes: [A]
  - set: "2.1"
    classes: null
`);
    const c = ok(compileChild(text));
    const n11 = c.model.byId.get('1.1')!;
    expect(n11.node.title).toBe('甲项(修订)');
    expect(n11.max.toNumber()).toBe(20);
    expect(n11.node.scoring?.method).toBe('binary');
    expect(c.model.byId.get('1.2')!.max.toNumber()).toBe(40);
    expect(c.model.byId.get('2.1')!.node.classes).toBeUndefined();
    expect(c.rubric.id).toBe('child');
    expect(c.rubric.year).toBe(2024);
  });

  it('remove: drops a node with its subtree', () => {
    const c = ok(compileChild(child(`overrides:\n  - remove: "1.2"\n  - set: "1"\n    points: 30\n  - set: "2"\n    points: 70\n  - set: "2.1"\n    points: 70\n`)));
    expect(childIds(c, '1')).toEqual(['1.1']);
    expect(c.model.byId.has('1.2')).toBe(false);
  });

  it('move: to another parent after a sibling; the emptied section is removed', () => {
    const c = ok(compileChild(child(`overrides:
  - move: "2.1"
    to: "1"
    after: "1.1"
  - remove: "2"
  - set: "1"
    points: 100
`)));
    expect(topIds(c)).toEqual(['1']);
    expect(childIds(c, '1')).toEqual(['1.1', '2.1', '1.2']);
  });

  it('move: before a top-level sibling reorders sections', () => {
    const c = ok(compileChild(child(`overrides:\n  - move: "2"\n    before: "1"\n`)));
    expect(topIds(c)).toEqual(['2', '1']);
  });

  it('add: a new node under a parent after a sibling', () => {
    const c = ok(compileChild(child(`overrides:
  - add:
      id: "1.3"
      title: 新增丁项
      points: 10
      scoring: { method: binary, when: { fact: a, operator: equal, value: true } }
    under: "1"
    after: "1.1"
  - set: "1.2"
    points: 20
`)));
    expect(childIds(c, '1')).toEqual(['1.1', '1.3', '1.2']);
    expect(c.model.byId.get('1.3')!.node.title).toBe('新增丁项');
  });

  it('replace: swaps a node in place, new id allowed', () => {
    const c = ok(compileChild(child(`overrides:
  - replace: "2.1"
    with:
      id: "2.1a"
      title: 丙项(新标准)
      points: 40
      scoring: { method: judgement, min: 0, max: 40 }
`)));
    expect(childIds(c, '2')).toEqual(['2.1a']);
    expect(c.model.byId.get('2.1a')!.node.scoring?.method).toBe('judgement');
  });

  it('parameters merge field by field; facts and vetoes merge by id', () => {
    const c = ok(compileChild(child(`parameters:
  minCount: { value: 2 }
facts:
  d: { label: 事实D, type: boolean }
vetoes:
  - { id: v1, title: 否决, when: { fact: d, operator: equal, value: true }, reason: 发生即否决 }
`)));
    expect(c.rubric.parameters.minCount).toEqual({ label: '最低次数', value: 2, unit: '次' });
    expect(Object.keys(c.rubric.facts)).toEqual(['a', 'b', 'c', 'd']);
    expect(c.rubric.vetoes.map((v) => v.id)).toEqual(['v1']);
  });

  it('class variants: the base node restricted to A, the variant to B, points checked per class', () => {
    const c = ok(compileChild(child(`classes: [A, B]
overrides:
  - set: "2.1"
    classes: [A]
  - add: { id: "2.1B", title: 丙项(B类), classes: [B], points: 40, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }
    after: "2.1"
`)));
    expect(childIds(c, '2')).toEqual(['2.1', '2.1B']);
    expect(c.model.byId.get('2.1B')!.node.classes).toEqual(['B']);
  });

  it('a rubric without extends compiles exactly as before (same hash, no relocation)', () => {
    const direct = parseRubric('base.yaml', BASE);
    const viaReader = parseRubric('base.yaml', BASE, { read: memoryReader({}) });
    expect(direct.ok && viaReader.ok).toBe(true);
    if (direct.ok && viaReader.ok) expect(viaReader.value.hash).toBe(direct.value.hash);
  });
});

describe('diagnostics point at the file that caused them', () => {
  it('an override of a missing node → UNKNOWN_NODE in the child file at the op line, with a suggestion', () => {
    const text = child(`overrides:\n  - set: "1.9"\n    points: 5\n`);
    const res = compileChild(text);
    expect(res.ok).toBe(false);
    const d = res.diagnostics.find((x) => x.code === 'UNKNOWN_NODE')!;
    expect(d).toMatchObject({ file: 'child.yaml', line: lineOf(text, 'set: "1.9"'), path: 'overrides[0].set' });
    expect(d.hint).toMatch(/1\.[12]/);
  });

  it('points changed by a set → POINTS_MISMATCH at the set in the child file', () => {
    const text = child(`overrides:\n  - set: "1.1"\n    points: 25\n`);
    const res = compileChild(text);
    const d = res.diagnostics.find((x) => x.code === 'POINTS_MISMATCH')!;
    expect(d).toMatchObject({ file: 'child.yaml', line: lineOf(text, 'points: 25'), path: 'overrides[0].points' });
  });

  it('an added node with an unknown fact → UNKNOWN_FACT in the child file', () => {
    const text = child(`overrides:
  - add: { id: "1.3", title: 新项, points: 0, scoring: { method: binary, when: { fact: zzz, operator: equal, value: true } } }
    under: "1"
`);
    const d = compileChild(text).diagnostics.find((x) => x.code === 'UNKNOWN_FACT')!;
    expect(d).toMatchObject({ file: 'child.yaml', line: lineOf(text, 'fact: zzz') });
  });

  it.each([
    ['add', `  - add: { id: "2.1", title: 同号新项, points: 0, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }\n    under: "1"\n`, '新增节点的编号 "2.1" 已存在'],
    ['replace', `  - replace: "1.2"\n    with: { id: "2.1", title: 同号新项, points: 30, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }\n`, '替换后的编号 "2.1" 已被其他节点使用'],
  ])('%s reusing an id of the parent → OVERRIDE_INVALID at the id in the child file', (_op, ops, message) => {
    const text = child(`overrides:\n${ops}`);
    const res = compileChild(text);
    expect(codes(res.diagnostics)).toEqual(['OVERRIDE_INVALID']);
    expect(res.diagnostics[0]).toMatchObject({ file: 'child.yaml', line: lineOf(text, 'id: "2.1"') });
    expect(res.diagnostics[0]!.message).toContain(message);
  });

  it('a removed fact still used by an untouched node → UNKNOWN_FACT in the parent file, hint names the child line', () => {
    const text = child(`facts:\n  c: null\n`);
    const d = compileChild(text).diagnostics.find((x) => x.code === 'UNKNOWN_FACT')!;
    expect(d).toMatchObject({ file: 'base.yaml', line: lineOf(BASE, 'fact: c,') });
    expect(d.hint).toContain(`child.yaml:${lineOf(text, 'c: null')}`);
  });

  it('a grandparent chain: untouched values point at the root file, overridden ones at their layer', () => {
    const mid = `extends: ./base.yaml\nid: mid\nversion: "2"\ntitle: 中间层\nyear: 2024\noverrides:\n  - set: "1.1"\n    title: 甲项(中间层改)\n`;
    const leaf = `extends: ./mid.yaml\nid: leaf\nversion: "3"\ntitle: 末层\nyear: 2025\noverrides:\n  - set: "1.2"\n    title: 乙项(末层改)\n`;
    const read = memoryReader({ 'base.yaml': BASE, 'mid.yaml': mid, 'leaf.yaml': leaf });
    const src = parseSource('leaf.yaml', leaf);
    if (!src.ok) throw new Error('leaf.yaml does not parse');
    const r = resolveRubricSync(src.value, read);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const at = (path: Array<string | number>) => {
      const o = r.value.source.relocate!(path)!;
      return `${o.src.file}:${o.path.join('.')}`;
    };
    expect(r.value.chain.map((s) => s.file)).toEqual(['leaf.yaml', 'mid.yaml', 'base.yaml']);
    expect(at(['nodes', 0, 'children', 0, 'title'])).toBe('mid.yaml:overrides.0.title');
    expect(at(['nodes', 0, 'children', 1, 'title'])).toBe('leaf.yaml:overrides.0.title');
    expect(at(['nodes', 1, 'children', 0, 'points'])).toBe('base.yaml:nodes.1.children.0.points');
    expect(at(['title'])).toBe('leaf.yaml:title');
  });

  it('a cycle (a extends b extends a) → EXTENDS_CYCLE at the extends line of the file closing the loop', () => {
    const a = 'extends: ./b.yaml\nid: a\nversion: "1"\ntitle: A\n';
    const b = 'id: b\nversion: "1"\ntitle: B\nextends: ./a.yaml\n';
    const res = parseRubric('a.yaml', a, { read: memoryReader({ 'a.yaml': a, 'b.yaml': b }) });
    expect(codes(res.diagnostics)).toEqual(['EXTENDS_CYCLE']);
    expect(res.diagnostics[0]).toMatchObject({ file: 'b.yaml', line: 4 });
    expect(res.diagnostics[0]!.message).toContain('a.yaml → b.yaml → a.yaml');
  });

  it('a chain deeper than the limit → EXTENDS_TOO_DEEP', () => {
    const files: Record<string, string> = { 'r0.yaml': BASE };
    for (let i = 1; i <= 10; i++) files[`r${i}.yaml`] = `extends: ./r${i - 1}.yaml\nid: r${i}\nversion: "${i}"\ntitle: 第${i}层\nyear: 2024\n`;
    const res = parseRubric('r10.yaml', files['r10.yaml']!, { read: memoryReader(files) });
    expect(codes(res.diagnostics)).toEqual(['EXTENDS_TOO_DEEP']);
  });

  it('a missing parent → EXTENDS_UNREADABLE at the child extends line', () => {
    const text = 'extends: ./nope.yaml\nid: x\nversion: "1"\ntitle: X\n';
    const res = parseRubric('child.yaml', text, { read: memoryReader({}) });
    expect(res.diagnostics[0]).toMatchObject({ code: 'EXTENDS_UNREADABLE', file: 'child.yaml', line: 1 });
  });

  it('identity must be restated: missing version and year → EXTENDS_RESTATE', () => {
    const res = compileChild('extends: ./base.yaml\nid: child\ntitle: 子细则\n');
    expect(codes(res.diagnostics).sort()).toEqual(['EXTENDS_RESTATE', 'EXTENDS_RESTATE']);
  });

  it('a typo in an override key → UNKNOWN_KEY with a suggestion, in the child', () => {
    const text = child(`overrides:\n  - set: "1.1"\n    point: 20\n`);
    const d = compileChild(text).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'UNKNOWN_KEY', file: 'child.yaml', line: lineOf(text, 'point: 20') });
    expect(d.hint).toContain('points');
  });

  it('an unquoted numeric id in an override → ID_NOT_STRING (YAML reads 2.10 as 2.1)', () => {
    const text = child(`overrides:\n  - remove: 2.10\n`);
    const d = compileChild(text).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'ID_NOT_STRING', file: 'child.yaml', line: lineOf(text, 'remove: 2.10'), actual: '2.10' });
  });

  it('moving a node into its own subtree is refused', () => {
    const res = compileChild(child(`overrides:\n  - move: "1"\n    to: "1.1"\n`));
    expect(codes(res.diagnostics)).toEqual(['OVERRIDE_INVALID']);
  });

  it('parseRubric without a reader cannot resolve extends → EXTENDS_NO_READER', () => {
    const res = parseRubric('child.yaml', child(''));
    expect(codes(res.diagnostics)).toEqual(['EXTENDS_NO_READER']);
    expect(res.diagnostics[0]).toMatchObject({ file: 'child.yaml', line: 1 });
  });
});
