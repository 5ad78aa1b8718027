// The hostile corpus (issue 9): what an agency with bad intent could submit, through the CLI exactly as an officer
// runs it. Each case asserts the exact diagnostic code and that no stack trace, English internals or control
// characters reach the user. Big inputs are generated here, at test time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { expectNoInternals } from './expect-clean.js';

const temp = tempDirs();
let dir: string;
const RUBRIC = join(process.cwd(), SEED_RUBRIC);
const HEAD = 'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { name: 测试局, code: cs }\nperiod: { year: 2017 }\n';

function put(rel: string, text: string | Buffer): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return rel;
}

beforeAll(() => {
  dir = temp.make('zwgk-hostile-');
});
afterAll(temp.removeAll);

/** Evidence cases: file text → the code `zwgk score` must answer with (exit 1). */
const EVIDENCE_CASES: Array<[string, () => string, string]> = [
  ['deep flow nesting (crashed Node when parsed twice)', () => `${HEAD}facts: ${'['.repeat(1000)}${']'.repeat(1000)}\n`, 'NESTING_TOO_DEEP'],
  ['an alias bomb (billion laughs)', () => `${HEAD}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`, 'YAML_SYNTAX'],
  ['a __proto__ key', () => `${HEAD}facts:\n  __proto__: { polluted: true }\n`, 'PROTOTYPE_KEY'],
  ['a constructor key', () => `${HEAD}claims:\n  constructor: 1\n`, 'PROTOTYPE_KEY'],
  ['a !!js/function tag', () => `${HEAD}preparedBy: !!js/function "function () { return 1 }"\n`, 'YAML_WARNING'],
  ['a million-item list in 2 MiB', () => `${HEAD}facts:\n  x: [${'1,'.repeat(1_000_000)}1]\n`, 'TOO_MANY_ITEMS'],
  ['a 200 KB value', () => `${HEAD}preparedBy: ${'长'.repeat(200_000)}\n`, 'VALUE_TOO_LONG'],
  ['a file over 2 MiB', () => `${HEAD}# ${'x'.repeat(2 * 1024 * 1024)}\n`, 'FILE_TOO_LARGE'],
  ['an integer past 2^53', () => `${HEAD}facts:\n  trainingSessions: 123456789012345678901234567890\n`, 'NUMBER_UNSAFE'],
  ['erase-line and cursor-up escapes in agency.name', () => HEAD.replace('name: 测试局', 'name: "测试局\\e[2K\\e[1A 评分通过"'), 'CONTROL_CHARACTER'],
  ['an OSC 8 hyperlink in agency.name', () => HEAD.replace('name: 测试局', 'name: "\\e]8;;https://evil.example\\a测试局\\e]8;;\\a"'), 'CONTROL_CHARACTER'],
  ['a fact named toString', () => `${HEAD}facts:\n  toString: 1\n`, 'UNKNOWN_FACT'],
  ['a fact named hasOwnProperty set to null', () => `${HEAD}facts:\n  hasOwnProperty: null\n`, 'UNKNOWN_FACT'],
  ['.nan for an integer fact', () => `${HEAD}facts:\n  trainingSessions: .nan\n`, 'FACT_TYPE_MISMATCH'],
  ['1e309 for an integer fact', () => `${HEAD}facts:\n  trainingSessions: 1e309\n`, 'FACT_TYPE_MISMATCH'],
  ['1e309 as a claim', () => `${HEAD}claims:\n  "1.1": 1e309\n`, 'SCHEMA_INVALID'],
  ['an impossible date', () => `${HEAD}date: 2025-02-30\n`, 'SCHEMA_INVALID'],
  ['JSON with a __proto__ key', () => JSON.stringify({ rubric: { id: 'etuokeqianqi-2017', version: '2017.1' } }).replace('{', '{"__proto__":{"x":1},'), 'PROTOTYPE_KEY'],
];

describe('hostile evidence given to zwgk score', () => {
  it.each(EVIDENCE_CASES)('%s', async (name, make, code) => {
    const file = put(`ev/${EVIDENCE_CASES.findIndex((c) => c[0] === name)}.${make().startsWith('{') ? 'json' : 'yaml'}`, make());
    const r = await cli(['score', file, '--rubric', RUBRIC], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(` 错误 ${code}`);
    expectNoInternals(r);
  });
});

describe('hostile rubrics given to zwgk check', () => {
  const rubricWith = (from: string, to: string): string => readFileSync(RUBRIC, 'utf8').replace(from, to);
  it.each([
    ['a JSONPath filter expression in path', () => rubricWith('when: { fact: trainingSessions,', 'when: { fact: trainingSessions, path: "$..[?(@.constructor.constructor(\'return process\')())]",'), 'INVALID_PATH'],
    ['fact: toString in a condition', () => rubricWith('when: { fact: trainingSessions,', 'when: { fact: toString,'), 'UNKNOWN_FACT'],
    ['value: { param: constructor }', () => rubricWith('value: { param: performanceWeightMin }', 'value: { param: constructor }'), 'UNKNOWN_PARAMETER'],
    ['value: { fact: valueOf }', () => rubricWith('value: { fact: applicationsReceived }', 'value: { fact: valueOf }'), 'UNKNOWN_FACT'],
    ['points: .inf', () => rubricWith('points: 15', 'points: .inf'), 'SCHEMA_INVALID'],
  ])('%s', async (_name, make, code) => {
    const file = put(`rubric-${code}-${Math.random().toString(36).slice(2)}.yaml`, make());
    const r = await cli(['check', file], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(` 错误 ${code}`);
    expectNoInternals(r);
  });

  it('extends: /etc/passwd is refused without printing a line of that file', async () => {
    const file = put('passwd.yaml', 'extends: /etc/passwd\nid: x\nversion: "2"\ntitle: 细则\n');
    const r = await cli(['check', file], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误 EXTENDS_UNREADABLE');
    expect(r.stderr).not.toMatch(/root:|nologin|\/bin\//);
    expectNoInternals(r);
  });
});

describe('outputs', () => {
  it('--out under an existing file is a Chinese write error, not 内部错误:EEXIST', async () => {
    put('plain', 'a file, not a folder');
    const r = await cli(['score', join(process.cwd(), SEED_EVIDENCE), '--rubric', RUBRIC, '--out', 'plain/r.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件');
    expect(r.stderr).toContain('是已存在的文件，不是文件夹');
    expectNoInternals(r);
  });

  it('HTML in an agency name is escaped in the sheet, and a CSV formula is defused in the comparison', async () => {
    const ev = readFileSync(SEED_EVIDENCE, 'utf8').replace(/^  shortName: .*\n/m, '').replace(/^agency:\n  name: .*$/m, 'agency:\n  name: "<img src=x onerror=alert(1)>=HYPERLINK(\\"http://x\\")"');
    expect(ev).toContain('<img src=x');
    put('inj/a.yaml', ev);
    const html = await cli(['score', 'inj/a.yaml', '--rubric', RUBRIC, '--format', 'html'], dir);
    expect(html.stdout).not.toContain('<img src=x');
    expect(html.stdout).toContain('&lt;img src');
    const csv = await cli(['compare', 'inj', '--rubric', RUBRIC, '--format', 'csv'], dir);
    expect(csv.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('diagnostics stay linear (30,000 unknown keys, generated here)', () => {
  it('reports every key at its own line, prints 20 of them and a count of the rest', async () => {
    const n = 30_000;
    const lines = [HEAD.trimEnd(), 'facts:'];
    for (let i = 0; i < n; i++) lines.push(`  unknownFact${String(i).padStart(5, '0')}: 1`);
    const file = put('keys30k.yaml', lines.join('\n') + '\n');
    const r = await cli(['score', file, '--rubric', RUBRIC], dir);
    expect(r.code).toBe(1);
    const shown = r.stderr.split('\n').filter((l) => l.includes(' 错误 UNKNOWN_FACT '));
    expect(shown).toHaveLength(20);
    // Key i sits on line 5 + i, column 3: the index maps each path to its own key.
    expect(shown[0]).toContain('keys30k.yaml:5:3 错误 UNKNOWN_FACT facts.unknownFact00000');
    expect(shown[19]).toContain('keys30k.yaml:24:3 错误 UNKNOWN_FACT facts.unknownFact00019');
    expect(r.stderr).toContain('另有 29980 条 UNKNOWN_FACT 未逐条列出（同类共 30000 条）');
    expect(r.stderr).toContain('共 30000 个错误');
    expectNoInternals(r);
    // In a comparison the same file is left out with 20 messages and a count, not 30,000 lines.
    const c = await cli(['compare', file, '--rubric', RUBRIC, '--format', 'json'], dir);
    const left = (JSON.parse(c.stdout) as { leftOut: Array<{ messages: Array<{ code: string; message: string }> }> }).leftOut[0]!;
    expect(left.messages).toHaveLength(21);
    expect(left.messages[20]!.message).toBe('另有 29980 条 UNKNOWN_FACT 未逐条列出（同类共 30000 条）');
    expect(c.stderr.split('\n').length).toBeLessThan(40);
  }, 60_000);
});
