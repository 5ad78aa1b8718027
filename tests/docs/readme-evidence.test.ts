// The README's evidence and review examples are real: they validate against the seed rubric and score, so they
// cannot drift. The evidence example carries no rulings (those are the office's); the review example rules on it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvidence, parseReview, parseRubric, scoreEvidence } from '../../src/api.js';

const readme = readFileSync('README.md', 'utf8');
/** The first ```yaml block after a heading. */
function exampleAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const start = section.indexOf('```yaml\n') + 8;
  return section.slice(start, section.indexOf('\n```', start));
}

const rubric = parseRubric('rubrics/etuokeqianqi-2017.yaml', readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8'));
if (!rubric.ok) throw new Error('seed rubric invalid');
const compiled = rubric.value;

describe('README evidence and review examples', () => {
  it('the evidence example is valid evidence for rubrics/etuokeqianqi-2017.yaml, its citation intact', () => {
    const ev = parseEvidence('README.md', exampleAfter('## 证据文件格式'), compiled);
    expect(ev.ok ? [] : ev.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([]);
    if (!ev.ok) return;
    expect(ev.value.evidence.evidence['1.3.3']![0]!.docNumber).toBe('鄂前住建发〔2017〕12号');
    expect(ev.value.evidence.facts.specialFunds).toBeNull();
  });

  it('the review example is a valid review of the bundled 住建局 evidence, and each entry counts', async () => {
    const zjj = parseEvidence('zhujianju.yaml', readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8'), compiled);
    if (!zjj.ok) throw new Error('bundled evidence invalid');
    const rv = parseReview('README.md', exampleAfter('## 评审文件'), compiled, zjj.value);
    expect(rv.ok ? [] : rv.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([]);
    if (!rv.ok) return;
    const report = await scoreEvidence(compiled, zjj.value, rv.value);
    const node = (id: string) => report.nodes.find((n) => n.id === id)!;
    expect(node('7').voices.reviewed?.rulings[0]).toMatchObject({ kind: 'judgement', score: 3, by: '旗政务公开办' });
    expect(node('4.1.1').voices).toMatchObject({ computed: 0, final: 3, reviewed: { rulings: [{ kind: 'override', score: 3 }] } });
    expect(report.corrections.map((c) => [c.fact, c.original, c.corrected])).toEqual([['trainingSessions', 1, 2]]);
  });
});
