// No Chinese font → no PDF of empty boxes: the PDF formats refuse with the fix (apt-get install fonts-noto-cjk),
// exit 2, and write nothing.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findCjkFont } from '../../src/render/cjk-font.js';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const saved = { FC_LIST: process.env.FC_LIST, ZWGK_FONT_DIRS: process.env.ZWGK_FONT_DIRS };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('findCjkFont', () => {
  it('fontconfig with no Chinese family (fc-list prints nothing) → none', async () => {
    expect(await findCjkFont({ fcList: '/bin/true', fontDirs: [] })).toBeUndefined();
  });

  it('no fc-list: a CJK font file in the font folders is found by name', async () => {
    const dir = dirs.make('zwgk-fonts-');
    mkdirSync(join(dir, 'opentype/noto'), { recursive: true });
    writeFileSync(join(dir, 'DejaVuSans.ttf'), '');
    expect(await findCjkFont({ fcList: '/nonexistent/fc-list', fontDirs: [dir] })).toBeUndefined();
    writeFileSync(join(dir, 'opentype/noto/NotoSansCJK-Regular.ttc'), '');
    expect(await findCjkFont({ fcList: '/nonexistent/fc-list', fontDirs: [dir] })).toBe(join(dir, 'opentype/noto/NotoSansCJK-Regular.ttc'));
  });

  it('this machine has one (fonts-noto-cjk is a prerequisite of the PDF tests)', async () => {
    expect(await findCjkFont()).toMatch(/CJK|Han|WenQuanYi/i);
  });
});

describe('PDF without a Chinese font', () => {
  it.each([['pdf'], ['summary-pdf']])('score -f %s refuses with the fix, exit 2, nothing written', async (format) => {
    const dir = dirs.make('zwgk-nofont-');
    process.env.FC_LIST = '/nonexistent/fc-list';
    process.env.ZWGK_FONT_DIRS = dir;
    const out = join(dir, 'r.pdf');
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '-f', format, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('环境错误:未找到中文字体');
    expect(r.stderr).toContain('apt-get install fonts-noto-cjk');
    expect(r.stderr).not.toContain('已写入');
    expect(existsSync(out)).toBe(false);
    expectNoStack(r);
  });

  it('render --blank -f pdf likewise', async () => {
    const dir = dirs.make('zwgk-nofont-');
    process.env.FC_LIST = '/bin/true';
    process.env.ZWGK_FONT_DIRS = dir;
    const r = await cli(['render', '--blank', '--rubric', SEED_RUBRIC, '--out', join(dir, 'blank.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fonts-noto-cjk');
  });
});
