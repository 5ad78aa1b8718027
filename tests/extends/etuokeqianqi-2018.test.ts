// The bundled 2018 rubric extends the 2017 seed: it checks clean, keeps 100 points, scores A and B agencies out of
// 100 each (class variants), and `zwgk resolve` prints a rubric that checks clean on its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { loadRubric, parseEvidence, scoreEvidence, type CompiledRubric } from '../../src/index.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const temp = tempDirs();
afterAll(temp.removeAll);

function fakeIo(cwd = process.cwd()) {
  const out = { stdout: '', stderr: '' };
  return { io: { stdout: (s: string) => (out.stdout += s), stderr: (s: string) => (out.stderr += s), cwd }, out };
}

async function load2018(): Promise<CompiledRubric> {
  const r = await loadRubric('rubrics/etuokeqianqi-2018.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  expect(r.diagnostics).toEqual([]);
  return r.value;
}

describe('rubrics/etuokeqianqi-2018.yaml', () => {
  it('checks clean and keeps 100 points after moving points between sections', async () => {
    const c = await load2018();
    const sections = c.model.nodes.filter((n) => n.parent === null && n.kind === 'score').map((n) => [n.id, n.max.toNumber()]);
    // 15 + 10 + 5 + 44 + 20 + 6 = 100 (2017: 15 + 10 + 5 + 50 + 15 + 5)
    expect(sections).toEqual([['1', 15], ['2', 10], ['3', 5], ['4', 44], ['5', 20], ['6', 6]]);
    expect(c.rubric.parameters.performanceWeightMin!.value).toBe(5);
    expect(c.model.byId.get('5.4.2')!.parent).toBe('5.4');
    expect(c.model.byId.has('4.1.8')).toBe(false);
    expect(c.model.byId.get('6.3.1B')!.node.classes).toEqual(['B']);
  });

  it('scores an A-class and a B-class agency each out of 100', async () => {
    const c = await load2018();
    const evidence = (cls: string) =>
      JSON.stringify({ rubric: { id: c.rubric.id, version: c.rubric.version }, agency: { name: '测试局', code: 'T', class: cls }, period: { year: 2018 }, facts: { onlineServiceFunction: true, serviceEntryLinked: true, physicalHall: true, noServiceNotice: false } });
    for (const cls of ['A', 'B']) {
      const e = parseEvidence('e.yaml', evidence(cls), c);
      if (!e.ok) throw new Error(JSON.stringify(e.diagnostics));
      const report = await scoreEvidence(c, e.value);
      expect(report.totals.applicableMax).toBe(100);
      const n = (id: string) => report.nodes.find((x) => x.id === id)!;
      // A: 6.2.1 (1) + 6.3.1 (2) scored, B variants not applicable; B: the other way round, 6.2.1B unmet.
      if (cls === 'A') expect([n('6.2.1').score, n('6.3.1').score, n('6.3.1B').status]).toEqual([1, 2, 'not_applicable']);
      else expect([n('6.2.1B').score, n('6.3.1B').score, n('6.3.1').status]).toEqual([0, 2, 'not_applicable']);
    }
  });

  it('zwgk resolve prints a standalone rubric that checks clean', async () => {
    const { io, out } = fakeIo();
    expect(await run(['resolve', 'rubrics/etuokeqianqi-2018.yaml'], io)).toBe(0);
    expect(out.stdout).toContain('# 继承链:rubrics/etuokeqianqi-2018.yaml ← rubrics/etuokeqianqi-2017.yaml');
    expect(out.stdout).not.toMatch(/^(extends|overrides):/m);
    const dir = temp.make('zwgk-resolve-');
    writeFileSync(join(dir, 'resolved.yaml'), out.stdout);
    const { io: io2, out: out2 } = fakeIo(dir);
    expect(await run(['check', 'resolved.yaml'], io2)).toBe(0);
    expect(out2.stdout).toContain('84 个节点');
  });

  it('zwgk check reports an override problem in the child file, with a code frame', async () => {
    const dir = temp.make('zwgk-extends-');
    writeFileSync(join(dir, 'base.yaml'), (await import('./fixtures.js')).BASE);
    writeFileSync(join(dir, 'child.yaml'), 'extends: ./base.yaml\nid: c\nversion: "2"\ntitle: 子\nyear: 2024\noverrides:\n  - remove: "1.5"\n');
    const { io, out } = fakeIo(dir);
    expect(await run(['check', 'child.yaml'], io)).toBe(1);
    expect(out.stderr).toMatchInlineSnapshot(`
      "child.yaml:7:13 错误 UNKNOWN_NODE overrides[0].remove:未定义的节点 "1.5"
        7 |   - remove: "1.5"
          |             ^
        提示：是否想写 "1.1"?
      共 1 个错误，0 个警告
      "
    `);
  });
});
