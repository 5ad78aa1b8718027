// The README and the rubric guide are read by office staff: their prose uses Chinese punctuation. The test lists the
// first lines that would change, so a new paragraph written with half-width marks fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typesetMarkdown } from '../helpers/markdown-typography.js';

describe('documentation typography', () => {
  it.each(['README.md', 'rubrics/README.md'])('%s has no half-width punctuation beside Chinese in its prose', (file) => {
    const text = readFileSync(file, 'utf8');
    const typeset = typesetMarkdown(text).split('\n');
    const wrong = text
      .split('\n')
      .map((line, i) => ({ line: i + 1, was: line, should: typeset[i] }))
      .filter((l) => l.was !== l.should)
      .slice(0, 5);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['细则文件（必填）', '细则文件（必填）'],
    ['**下发填报表**:`zwgk init`', '**下发填报表**：`zwgk init`'],
    ['见"PDF 的前提"', '见「PDF 的前提」'],
    ['写 `a`;`b` 两项', '写 `a`；`b` 两项'],
    ['`zwgk score`(中文)', '`zwgk score`（中文）'],
    ['链接 [细则](rubrics/中文.md) 与 `a:b`', '链接 [细则](rubrics/中文.md) 与 `a:b`'],
    ['```\n代码(不改):\n```', '```\n代码(不改):\n```'],
    ['(跨\n两行)', '（跨\n两行）'],
    ['English only (a, b: c)', 'English only (a, b: c)'],
  ])('typesets %j', (input, expected) => {
    expect(typesetMarkdown(input)).toBe(expected);
  });
});
