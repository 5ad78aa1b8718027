// A claim on a parent item and claims below it that disagree (a parent 15 with children 0) are warned about on import,
// naming both cells and what is expected; the import still succeeds (the parent's claim counts, as in the report).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEvidenceWorkbook, formatDiagnostics, importEvidenceForm, loadRubric, writeWorkbook, type EvidenceInput } from '../../src/index.js';
import { claimConflicts } from '../../src/forms/claim-conflicts.js';
import { fillForm } from './fill-form.js';

const loaded = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
if (!loaded.ok) throw new Error('seed rubric invalid');
const c = loaded.value;
const seed = parse(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as EvidenceInput;

describe('claimConflicts', () => {
  // 2017 rubric: 1 (15) → 1.1 (5) → 1.1.1 → 1.1.1.1, 1.1.1.2; 1.2 (5) → 1.2.1 …; 1.3 (5) → 1.3.1–1.3.4.
  it.each<{ name: string; claims: Record<string, number>; want: unknown[] }>([
    { name: 'parent 15, children 0 + 0', claims: { '1': 15, '1.1.1': 0, '1.2.1': 0 }, want: [['1', '15', ['1.1.1', '1.2.1'], '0']] },
    { name: 'parent equal to its children', claims: { '1': 15, '1.1': 5, '1.2': 5, '1.3': 5 }, want: [] },
    { name: 'parent only', claims: { '1': 15 }, want: [] },
    { name: 'leaves only', claims: { '1.1.1': 5, '1.3.1': 2 }, want: [] },
    { name: 'three levels, each disagreeing', claims: { '1': 10, '1.1': 5, '1.1.1': 3 }, want: [['1', '10', ['1.1'], '5'], ['1.1', '5', ['1.1.1'], '3']] },
    { name: 'decimals add exactly (0.1 + 0.2 = 0.3)', claims: { '1.3': 0.3, '1.3.1': 0.1, '1.3.2': 0.2 }, want: [] },
    { name: 'a claimed 0 under an unclaimed child counts', claims: { '1.3': 1, '1.3.1': 0 }, want: [['1.3', '1', ['1.3.1'], '0']] },
  ])('$name', ({ claims, want }) => {
    expect(claimConflicts(c.model, claims).map((x) => [x.parent, x.parentClaim.toString(), x.below, x.belowSum.toString()])).toEqual(want);
  });
});

describe('import warns about a parent and its children both filled', () => {
  it('parent 15 with children 0: a warning at the parent cell naming the children cells, evidence still written', async () => {
    const { claims: _claims, ...rest } = seed;
    const form = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(c)), { ...rest, claims: { '1': 15, '1.1.1': 0, '1.2.1': 0 } });
    const res = await importEvidenceForm(form, c, { file: 'form.xlsx' });
    expect(res.ok).toBe(true);
    expect(res.ok && res.value.evidence.claims).toEqual({ '1': 15, '1.1.1': 0, '1.2.1': 0 });
    expect(res.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([['FORM_CLAIM_CONFLICT', 'warning', '自评分!D2']]);
    expect(formatDiagnostics(res.diagnostics)).toMatchInlineSnapshot(`
      "form.xlsx 警告 FORM_CLAIM_CONFLICT 自评分!D2:「1 组织领导」填了自评分 15 分，下级 自评分!D4（1.1.1）、自评分!D8（1.2.1）也填了自评分，合计 0 分，两处不一致。上级和下级只需填一处；都填时上级应等于下级之和。评分时以上级的 15 分计入自评总分，请核对
      共 0 个错误，1 个警告"
    `);
  });

  it('consistent claims (parent = sum of children) and claims on one level only are silent', async () => {
    for (const claims of [{ '1': 15, '1.1': 5, '1.2': 5, '1.3': 5 }, seed.claims!]) {
      const form = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(c)), { ...seed, claims });
      const res = await importEvidenceForm(form, c, { file: 'form.xlsx' });
      expect(res.diagnostics).toEqual([]);
    }
  });
});
