// `zwgk render --annex 附件2` in-process: blank and filled tables in each format, and every misuse answered with one
// Chinese line and the right exit code (1 bad input, 2 usage), nothing written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const tmp = tempDirs();
afterAll(() => tmp.removeAll());

describe('zwgk render --annex', () => {
  it('writes the blank 附件2 as HTML to stdout', async () => {
    const r = await cli(['render', '--annex', '附件2', '--blank', '--rubric', SEED_RUBRIC]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<h1>2017年度政务公开工作统计表</h1>');
    expect(r.stdout).toContain('<td class="indicator">（一）主动公开政府信息总数（不同渠道发相同信息计1条）</td>');
    expect(r.stderr).toBe('');
  });

  it('fills the agency\'s figures and shows the office\'s corrections (--review), in md', async () => {
    const dir = tmp.make('zwgk-annex-');
    const review = join(dir, 'review.yaml');
    writeFileSync(
      review,
      'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { code: etqq-zjj }\ncorrections:\n  trainees: { value: 48, reason: 签到表为48人次, by: 旗政务公开办, date: 2018-01-25 }\n',
    );
    const r = await cli(['render', '--annex', '附件2', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', review, '-f', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 64 | （三）接受培训人数 | 人次 | 48〔核定，原填 50〕 |');
    expect(r.stdout).toContain('| 2 | （一）主动公开政府信息总数（不同渠道发相同信息计1条） | 条 | 30 |');
    expect(r.stderr).toContain('提示：附件2 有 4 行证据中未填数值，表中留空');
  });

  it.each(['xlsx', 'pdf', 'html'])('writes %s with --out (format from the extension)', { timeout: 60_000 }, async (ext) => {
    if (ext === 'pdf' && !existsSync('/usr/bin/chromium')) return;
    const out = join(tmp.make('zwgk-annex-'), `附件2.${ext}`);
    const r = await cli(['render', '--annex', '附件2', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--out', out]);
    expect(r.code).toBe(0);
    const magic: Record<string, string> = { xlsx: 'PK\u0003\u0004', pdf: '%PDF', html: '<!DO' };
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe(magic[ext]);
  });

  it.each([
    // argv, exit code, message
    [['--annex', '附件2', '--blank', '--rubric', 'rubrics/website-check-2019.yaml'], 1, /没有统计表：没有哪个事实写明 statRow.*\n请在细则的 statTables 中声明统计表/],
    [['--annex', '附件3', '--blank', '--rubric', SEED_RUBRIC], 1, /没有统计表「附件3」；可选：附件2/],
    [['--annex', '附件2', SEED_EVIDENCE, '--blank', '--rubric', SEED_RUBRIC], 2, /--blank 生成空白统计表，不需要证据文件/],
    [['--annex', '附件2', '--rubric', SEED_RUBRIC], 2, /请给出单位的证据文件/],
    [['--annex', '附件2', '--blank'], 2, /缺少 --rubric/],
    [['--annex', '附件2', '--blank', '--rubric', SEED_RUBRIC, '--review', 'x.yaml'], 2, /--review 只用于填好的统计表/],
    [['--annex', '附件2', '--blank', '--rubric', SEED_RUBRIC, '-f', 'csv'], 2, /统计表的输出格式只能是 html、pdf、xlsx、md，不能是「csv」/],
    [['--annex', '附件2', '--blank', '--rubric', SEED_RUBRIC, '-f', 'pfd'], 2, /是否想写 "pdf"/],
    [['--annex', '附件2', '--blank', '--rubric', SEED_RUBRIC, '-f', 'xlsx'], 2, /二进制格式，请用 --out/],
    [['--annex', '附件2', SEED_RUBRIC, '--rubric', SEED_RUBRIC], 1, /看起来是.*不是单位的证据文件/],
    [['--annex', '附件2', SEED_EVIDENCE, '--rubric', SEED_EVIDENCE], 1, /不是细则/],
    [['--annex', '', '--blank', '--rubric', SEED_RUBRIC], 2, /--annex 须写统计表的名称/],
    [['report.json', '--review', 'x.yaml'], 2, /--review 只用于 --annex/],
  ] as const)('render %j → exit %i', async (argv, code, message) => {
    const r = await cli(['render', ...argv]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expectNoStack(r);
  });

  it('invalid evidence names the file and line; nothing is written', async () => {
    const dir = tmp.make('zwgk-annex-');
    const ev = join(dir, 'ev.yaml');
    writeFileSync(ev, readFileSync(SEED_EVIDENCE, 'utf8').replace(/trainees: 50/, 'trainees: 五十'));
    const out = join(dir, 'a.html');
    const r = await cli(['render', '--annex', '附件2', ev, '--rubric', SEED_RUBRIC, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ev\.yaml:\d+:\d+/);
    expect(r.stderr).toContain('trainees');
    expect(existsSync(out)).toBe(false);
  });
});

describe('zwgk render --annex with --template and from the library', () => {
  it('a custom annex.hbs in --template replaces the built-in one', async () => {
    const dir = tmp.make('zwgk-annex-tpl-');
    writeFileSync(join(dir, 'annex.hbs'), '<p>{{title}}:{{#each rows}}{{seq}}={{valueText}};{{/each}}</p>\n');
    const r = await cli(['render', '--annex', '附件2', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--template', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<p>2017年度住建局政务公开工作统计表:1=;2=30;3=30;4=30;5=;6=45;/);
  });

  it('the library exports the view model and renderer', async () => {
    const lib = await import('../../src/index.js');
    expect(typeof lib.buildAnnexView).toBe('function');
    expect(typeof lib.renderAnnexAs).toBe('function');
    expect(lib.ANNEX_FORMATS).toEqual(['html', 'pdf', 'xlsx', 'md']);
  });
});
