// A rubric that extends another inherits its checks and changes them by id, like vetoes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRubric, parseSource } from '../../src/index.js';

const read = (file: string) => parseSource(file, readFileSync(file, 'utf8')); // resolved relative to the layer: rubrics/…

function compile(layer: string) {
  const r = parseRubric(join('rubrics', 'layer.yaml'), layer, { read });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const header = 'extends: ./etuokeqianqi-2017.yaml\nid: etqq-2018-checks\nversion: "2018.9"\ntitle: 继承核验\nyear: 2018\n';

describe('checks under extends', () => {
  it('are inherited as they are', () => {
    expect(compile(header).rubric.checks.map((c) => c.id)).toHaveLength(20);
  });

  it('merge by id: change a field, remove one, add one; the rest stay', () => {
    const c = compile(
      header +
        `checks:
  - { id: proactive-website, severity: warning }
  - { remove: trainees-need-training }
  - { id: meetings-trainings, severity: warning, message: 召开会议的一般也举办培训, implies: { if: { fact: workMeetings, operator: greaterThan, value: 0 }, then: { fact: trainingSessions, operator: greaterThan, value: 0 } } }
`,
    );
    const checks = c.rubric.checks;
    expect(checks).toHaveLength(20);
    expect(checks.find((x) => x.id === 'proactive-website')).toMatchObject({ severity: 'warning', greaterOrEqual: ['proactiveTotal', 'websitePosts'] });
    expect(checks.some((x) => x.id === 'trainees-need-training')).toBe(false);
    expect(checks.at(-1)!.id).toBe('meetings-trainings');
  });

  it('removing a check the parent does not have names the file and suggests', () => {
    const r = parseRubric(join('rubrics', 'layer.yaml'), header + 'checks:\n  - { remove: proactive-websit }\n', { read });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.hint])).toEqual([['OVERRIDE_INVALID', 'checks[0].remove', '是否想写 "proactive-website"?']]);
  });
});
