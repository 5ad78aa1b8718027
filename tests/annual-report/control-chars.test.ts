// Control characters in a report's text (an ESC sequence that erases a terminal line, a bidi override) never reach
// the text, Markdown or HTML outputs, and JSON writes them as \uXXXX escapes (same values once parsed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCheckReport, formatBatchJson, formatBatchText, formatCheckHtml, formatCheckJson, formatCheckText, formatShowJson, formatShowMarkdown, parseAnnualReport } from '../../src/annual-report/index.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const seed = readFileSync(join(import.meta.dirname, 'fixtures', 'seed-002_e5b39d85801b4d29.txt'), 'utf8');
// The hostile text goes into the title line (agency name) and into section 五 (quoted by the checks).
const hostile = seed.replace(/^(.*)$/m, '$1\u001b[2K\u202e').replace('五、', '五、\u009b31m');

describe('annual-report outputs strip control characters', () => {
  const res = parseAnnualReport('年报\u001b.txt', hostile);
  if (!res.ok) throw new Error(JSON.stringify(res.diagnostics));
  const check = buildCheckReport(res.value);
  it.each([
    ['check text', () => formatCheckText(check, res.value)],
    ['check html', () => formatCheckHtml(check, res.value)],
    ['show md', () => formatShowMarkdown(res.value)],
    ['batch text', () => formatBatchText([{ file: '年报\u001b.txt', check }])],
    ['check json', () => formatCheckJson(check)],
    ['show json', () => formatShowJson(res.value)],
    ['batch json', () => formatBatchJson([{ file: '年报\u001b.txt', check }])],
  ] as const)('%s', (_name, make) => {
    const out = make();
    expect(out).not.toMatch(CONTROL);
    expect(out.length).toBeGreaterThan(100);
  });
  it('JSON keeps the values (escaped)', () => {
    expect(formatShowJson(res.value)).toContain('年报\\u001b.txt');
    expect(JSON.parse(formatShowJson(res.value))).toEqual(JSON.parse(JSON.stringify(res.value)));
  });
});
