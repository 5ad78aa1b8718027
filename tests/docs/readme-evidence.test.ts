// The README's evidence example is real: it validates against the seed rubric and scores, so it cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvidence, parseRubric } from '../../src/api.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## 证据文件格式'));
const example = section.slice(section.indexOf('```yaml\n') + 8, section.indexOf('\n```', section.indexOf('```yaml\n')));

describe('README evidence example', () => {
  it('is valid evidence for rubrics/etuokeqianqi-2017.yaml, with its judgement and citation intact', () => {
    const rubric = parseRubric('rubrics/etuokeqianqi-2017.yaml', readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8'));
    if (!rubric.ok) throw new Error('seed rubric invalid');
    const ev = parseEvidence('README.md', example, rubric.value);
    expect(ev.ok ? [] : ev.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([]);
    if (!ev.ok) return;
    expect(ev.value.evidence.judgements['7']).toEqual({ score: 4, reason: '按时完成交办任务,报送材料真实、数据准确', by: '旗政务公开办' });
    expect(ev.value.evidence.evidence['1.3.3']![0]!.docNumber).toBe('鄂前住建发〔2017〕12号');
    expect(ev.value.evidence.facts.specialFunds).toBeNull();
  });
});
