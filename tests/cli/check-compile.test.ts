// `zwgk check` and `zwgk compile` in-process: exit codes, Chinese output, and compiled rules that a fresh
// json-rules-engine Engine can load and run exactly as the library does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { parse } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CUSTOM_OPERATORS } from '../../src/compile/operators.js';
import { loadRubric } from '../../src/index.js';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs, type CliResult } from '../helpers/cli.js';

const temp = tempDirs();
afterAll(temp.removeAll);

let last: CliResult | undefined;
const zwgk = async (argv: string[], cwd?: string): Promise<CliResult> => (last = await cli(argv, cwd));
afterEach(() => {
  if (last) expectNoStack(last);
  last = undefined;
});

function tempFile(name: string, text: string): { dir: string; file: string } {
  const dir = temp.make('zwgk-cli-');
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

describe('zwgk check', () => {
  it('a valid rubric: exit 0 and a Chinese summary on stdout', async () => {
    const r = await zwgk(['check', SEED_RUBRIC]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`细则检查通过:${SEED_RUBRIC}`);
    expect(r.stdout).toContain('2017年鄂托克前旗政务公开工作考核评价细则(etuokeqianqi-2017 版本 2017.1)');
    expect(r.stdout).toMatch(/\d+ 个节点,\d+ 个事实,\d+ 个参数,\d+ 条规则,总分 100/);
  });

  it('an invalid rubric: exit 1, every problem on stderr with file:line:col, code frame and hint', async () => {
    const { dir } = tempFile(
      'bad.yaml',
      [
        'id: bad',
        'version: "1"',
        'title: 有错的细则',
        'facts:',
        '  hasSystem: { label: 建立制度, type: boolean }',
        'nodes:',
        '  - id: 1.10',
        '    title: 制度',
        '    pionts: 100',
        '    scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }',
        '',
      ].join('\n'),
    );
    const r = await zwgk(['check', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatchInlineSnapshot(`
      "bad.yaml:7:9 错误 ID_NOT_STRING nodes[0].id:编号必须是字符串:请给 1.10 加上引号,写成 "1.10"
        7 |   - id: 1.10
          |         ^
        提示：YAML 会把不带引号的 1.10 读成数字 1.1
      bad.yaml:9:5 错误 UNKNOWN_KEY nodes[0].pionts:未知字段 "pionts"
        9 |     pionts: 100
          |     ^
        提示：是否想写 "points"?
      共 2 个错误，0 个警告
      "
    `);
  });

  it('a missing or unreadable rubric file: exit 1 with a Chinese message', async () => {
    const missing = await zwgk(['check', 'rubrics/no-such.yaml']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'rubrics/no-such.yaml 错误 FILE_NOT_FOUND:找不到文件\n共 1 个错误，0 个警告\n' });
    const dir = await zwgk(['check', 'rubrics']);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toContain('FILE_UNREADABLE');
  });

  it('a hostile deeply nested file, twice in one process: refused both times, the process survives', async () => {
    const { dir } = tempFile('deep.yaml', 'a: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n');
    writeFileSync(join(dir, 'deep2.yaml'), '- '.repeat(5000) + 'x\n');
    for (const f of ['deep.yaml', 'deep2.yaml', 'deep.yaml', 'deep2.yaml']) {
      const r = await zwgk(['check', f], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('NESTING_TOO_DEEP');
      expectNoStack(r);
    }
  });

  it('the rubric argument missing: exit 2, usage error in Chinese', async () => {
    const r = await zwgk(['check']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '用法错误：缺少参数 <rubric>\n运行 zwgk --help 查看用法\n' });
  });
});

describe('zwgk compile', () => {
  interface Artifact {
    rubric: { id: string; version: string; hash: string };
    customOperators: string[];
    facts: string[];
    rules: RuleProperties[];
    checks: Array<Record<string, unknown> & { id: string }>;
  }

  function freshEngine(a: Artifact, withCustomOperators = true): Engine {
    const engine = new Engine(a.rules, { allowUndefinedFacts: false });
    if (withCustomOperators) for (const name of a.customOperators) engine.addOperator(name, (x: unknown, y: unknown) => CUSTOM_OPERATORS[name]!(x, y));
    return engine;
  }

  const trueRules = async (engine: Engine, facts: Record<string, unknown>): Promise<string[]> => (await engine.run(facts)).results.map((r) => String(r.name)).sort();

  it('prints JSON rules that a fresh Engine runs exactly as the library does (seed rubric)', async () => {
    const r = await zwgk(['compile', SEED_RUBRIC]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Artifact;
    expect(a.rubric).toMatchObject({ id: 'etuokeqianqi-2017', version: '2017.1' });
    expect(a.rubric.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.rules.length).toBeGreaterThan(40);
    // Every fact the rules read is in the catalogue; give each its seed value (null when the agency left it out).
    const seed = (parse(readFileSync(SEED_EVIDENCE, 'utf8')) as { facts: Record<string, unknown> }).facts;
    const facts = Object.fromEntries(a.facts.map((id) => [id, seed[id] ?? null]));
    const fresh = await trueRules(freshEngine(a), facts);
    const compiled = await loadRubric(SEED_RUBRIC);
    if (!compiled.ok) throw new Error('seed rubric invalid');
    const outcomes = await compiled.value.runRules(facts);
    expect(fresh).toEqual([...outcomes].filter(([, o]) => o.result).map(([name]) => name).sort());
    expect(fresh).toContain('1.1.1.1#binary');
    expect(fresh).not.toContain('2.1.3#binary');
  });

  it("carries the rubric's consistency checks (勾稽关系), every one in rubric order, defaults filled in", async () => {
    const a = JSON.parse((await zwgk(['compile', SEED_RUBRIC])).stdout) as Artifact;
    const declared = (parse(readFileSync(SEED_RUBRIC, 'utf8')) as { checks: Array<{ id: string }> }).checks;
    expect(a.checks.map((c) => c.id)).toEqual(declared.map((c) => c.id));
    expect(a.checks).toHaveLength(20);
    expect(a.checks[2]).toEqual({
      id: 'proactive-website',
      severity: 'error',
      message: '主动公开政府信息总数(不同渠道发相同信息计1条)应不少于在本部门门户网站公开的条数',
      source: '附件2 第2行 ≥ 第6行',
      greaterOrEqual: ['proactiveTotal', 'websitePosts'],
    });
    expect(a.checks.find((c) => c.id === 'trainees-need-training')).toEqual({
      id: 'trainees-need-training',
      severity: 'warning',
      message: '未举办培训班的,接受培训人数应为0',
      source: '附件2 第63行、第64行',
      implies: { if: { fact: 'trainingSessions', operator: 'equal', value: 0 }, then: { fact: 'trainees', operator: 'equal', value: 0 } },
    });
  });

  it('lists the custom operators the rules use; with them added a fresh Engine runs, without them it cannot', async () => {
    const { file } = tempFile(
      'custom.yaml',
      [
        'id: custom-ops',
        'version: "1"',
        'title: 自定义运算符',
        'facts:',
        '  reportDate: { label: 年报公开日期, type: date }',
        '  rate: { label: 按时办结率, type: percent }',
        '  hasSystem: { label: 建立制度, type: boolean }',
        '  columns: { label: 栏目, type: list, items: text }',
        'nodes:',
        '  - { id: "1", title: 年报按时公开, points: 25, scoring: { method: binary, when: { fact: reportDate, operator: dateOnOrBefore, value: "2024-01-31" } } }',
        '  - { id: "2", title: 办结率, points: 25, scoring: { method: binary, when: { fact: rate, operator: between, value: [90, 100] } } }',
        '  - { id: "3", title: 制度, points: 25, scoring: { method: binary, when: { fact: hasSystem, operator: isTrue, value: true } } }',
        '  - { id: "4", title: 栏目, points: 25, scoring: { method: binary, when: { fact: columns, operator: nonEmpty, value: true } } }',
        '',
      ].join('\n'),
    );
    const r = await zwgk(['compile', file]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Artifact;
    expect(a.customOperators).toEqual(['between', 'dateOnOrBefore', 'isTrue', 'nonEmpty']);
    expect(a.checks).toEqual([]);
    const facts = { reportDate: '2024-01-20', rate: 95.5, hasSystem: false, columns: ['财政资金'] };
    expect(await trueRules(freshEngine(a), facts)).toEqual(['1#binary', '2#binary', '4#binary']);
    expect(await trueRules(freshEngine(a), { ...facts, reportDate: '2024-02-01', rate: 80, hasSystem: true, columns: [] })).toEqual(['3#binary']);
    await expect(freshEngine(a, false).run(facts)).rejects.toThrow(/Unknown operator/);
  });

  it('an invalid rubric: exit 1 and nothing on stdout', async () => {
    const { file } = tempFile('bad.yaml', 'id: bad\nversion: "1"\ntitle: 坏\nnodes: []\n');
    const r = await zwgk(['compile', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"nodes" 至少需要 1 项');
  });
});
