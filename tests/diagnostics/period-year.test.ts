// PERIOD_YEAR_MISMATCH: evidence for the right rubric (id and version) whose period.year is not the rubric's year — a
// copied last-year file or a typo. A warning at period.year (the evidence is still scored), the same from the
// compiled validator and from the reference path (zod + checkEvidence).
import { describe, expect, it } from 'vitest';
import { checkEvidenceSourceReference } from '../../src/api.js';
import { formatDiagnostics } from '../../src/index.js';
import { parseSource } from '../../src/load/parse-source.js';
import { brief, checkEvidenceText, compileRubricText, EVIDENCE_FILE, yaml } from '../helpers/diagnostics.js';

const rubricText = (year: string): string => yaml`
  id: r
  version: "1"
  title: 年度
  ${year}
  total: 2
  facts:
    ok: { label: 制度健全, type: boolean }
  nodes:
    - id: "1"
      title: 制度
      points: 2
      scoring: { method: binary, when: { fact: ok, operator: equal, value: true } }
`;
const evidence = (year: number): string => `rubric: { id: r, version: "1" }\nagency: { name: 甲局, code: J }\nperiod: { year: ${year} }\nfacts:\n  ok: true\n`;

describe('PERIOD_YEAR_MISMATCH', () => {
  it.each([
    { rubricYear: 'year: 2017', evidenceYear: 2017, expected: [] },
    { rubricYear: 'year: 2017', evidenceYear: 2018, expected: [{ code: 'PERIOD_YEAR_MISMATCH', line: 3, column: 17, path: 'period.year' }] },
    { rubricYear: 'year: 2018', evidenceYear: 2017, expected: [{ code: 'PERIOD_YEAR_MISMATCH', line: 3, column: 17, path: 'period.year' }] },
    // A rubric that names no year cannot disagree.
    { rubricYear: '', evidenceYear: 2030, expected: [] },
  ])('rubric $rubricYear, evidence year $evidenceYear', ({ rubricYear, evidenceYear, expected }) => {
    const compiled = compileRubricText(rubricText(rubricYear));
    const r = checkEvidenceText(compiled, evidence(evidenceYear));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map(brief)).toEqual(expected);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    // The reference path gives the same diagnostics, message and hint included.
    const src = parseSource(EVIDENCE_FILE, evidence(evidenceYear));
    if (!src.ok) throw new Error('parse');
    const ref = checkEvidenceSourceReference(src.value, compiled);
    expect(ref.diagnostics).toEqual(r.diagnostics);
  });

  it('names both years and says what to do, in Chinese', () => {
    const r = checkEvidenceText(compileRubricText(rubricText('year: 2017')), evidence(2018));
    expect(r.diagnostics[0]!.message).toBe('证据材料的考核年度为 2018 年，但当前细则是 2017 年度的细则');
    expect(r.diagnostics[0]!.hint).toContain('改为 2017');
  });

  it('as the CLI prints it', () => {
    const r = checkEvidenceText(compileRubricText(rubricText('year: 2017')), evidence(2018));
    expect(formatDiagnostics(r.diagnostics, new Map([[EVIDENCE_FILE, evidence(2018)]]))).toMatchInlineSnapshot(`
      "evidence.yaml:3:17 警告 PERIOD_YEAR_MISMATCH period.year:证据材料的考核年度为 2018 年，但当前细则是 2017 年度的细则
        3 | period: { year: 2018 }
          |                 ^
        提示：请核对 period.year：填报的是 2017 年度的工作就改为 2017；若是 2018 年度的材料，请用该年度的细则评分
      共 0 个错误，1 个警告"
    `);
  });
});
