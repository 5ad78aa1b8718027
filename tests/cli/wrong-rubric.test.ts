// Evidence made for another year's rubric (issue 13): scoring it gives the one error that matters — the evidence
// file's rubric reference (file:line:column), the rubric found there and the one expected — and nothing after it
// (no unknown facts or items that are only the other year's).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoStack, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const EVIDENCE_2017 = 'examples/etuokeqianqi-2017/caizhengju.yaml';
const RUBRIC_LINE = readFileSync(EVIDENCE_2017, 'utf8').split('\n').findIndex((l) => l.startsWith('rubric:')) + 1;

describe('score: evidence for another year\'s rubric', () => {
  it('2017 evidence scored against the 2018 rubric: one error at the rubric reference, exit 1, nothing else', async () => {
    const r = await cli(['score', EVIDENCE_2017, '--rubric', 'rubrics/etuokeqianqi-2018.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectNoStack(r);
    // Without the early stop this evidence also drew UNKNOWN_FACT ×2 and UNKNOWN_NODE ×2 (4.1.6, 4.1.8).
    expect(r.stderr).not.toMatch(/UNKNOWN_FACT|UNKNOWN_NODE/);
    expect(r.stderr.match(/ 错误 /g)).toHaveLength(1);
    expect(r.stderr).toContain(
      `${EVIDENCE_2017}:${RUBRIC_LINE}:15 错误 RUBRIC_MISMATCH rubric.id:证据材料对应的细则为 etuokeqianqi-2017（版本 2017.1），` +
        '但当前细则为 etuokeqianqi-2018（《2018年鄂托克前旗政务公开工作考核评价细则》，2018年度，版本 2018.1）',
    );
    expect(r.stderr).toContain('提示：请用 --rubric 指定该证据材料对应的细则');
    expect(r.stderr).toContain('共 1 个错误');
  });

  it('the same rubric id with another version: one VERSION_MISMATCH error, no follow-on errors', async () => {
    const dir = dirs.make('zwgk-year-');
    // A 2018-rubric evidence file that still says version 2017.1 and carries the 2017 facts and items.
    const text = readFileSync(EVIDENCE_2017, 'utf8').replace('rubric: { id: etuokeqianqi-2017, version: "2017.1" }', 'rubric: { id: etuokeqianqi-2018, version: "2017.1" }');
    writeFileSync(join(dir, '财政局.yaml'), text);
    const r = await cli(['score', '财政局.yaml', '--rubric', join(process.cwd(), 'rubrics/etuokeqianqi-2018.yaml')], dir);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr.match(/ 错误 /g)).toHaveLength(1);
    expect(r.stderr).toContain(`财政局.yaml:${RUBRIC_LINE}:43 错误 VERSION_MISMATCH rubric.version:证据材料对应的细则版本为 2017.1，但当前细则版本为 2018.1（etuokeqianqi-2018，《2018年鄂托克前旗政务公开工作考核评价细则》）`);
  });
});
