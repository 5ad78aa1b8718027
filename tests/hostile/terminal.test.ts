// Terminal injection, second line of defence (issue 9): a report that carries control characters — saved before the
// parser refused them, or edited by hand — never gets them into any text output: score formats, the comparison
// formats and the left-out lines printed to the officer's terminal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';
import type { CompareReport } from '../../src/cohort/compare-report.js';
import { leftOutLines } from '../../src/formatters/compare/format-common.js';
import { compareBatch, formatReport, loadRubric, parseEvidence, scoreEvidence } from '../../src/index.js';
import { SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

const ESCAPES = '\u001b[2K\u001b[1A\u001b]8;;https://evil.example\u0007伪造\u001b]8;;\u0007\r\u009b31m\u202e';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('text outputs strip control characters', async () => {
  const r = await loadRubric(SEED_RUBRIC);
  if (!r.ok) throw new Error('seed rubric invalid');
  const ev = parseEvidence(SEED_EVIDENCE, readFileSync(SEED_EVIDENCE, 'utf8'), r.value);
  if (!ev.ok) throw new Error('seed evidence invalid');
  const report = await scoreEvidence(r.value, ev.value);
  report.agency.name = `住建局${ESCAPES}`;
  report.nodes[1]!.title += ESCAPES;

  it.each(['text', 'md', 'csv', 'html'] as const)('score --format %s', async (format) => {
    const out = (await formatReport(report, format)) as string;
    expect(out).toContain('住建局');
    expect(out).not.toMatch(CONTROL);
  });

  it('json keeps the text but escapes it (\\u001b, \\u009b, \\u202e): the same value, nothing raw', async () => {
    const out = (await formatReport(report, 'json')) as string;
    expect(out).not.toMatch(CONTROL);
    expect(out).toContain('\\u001b[2K');
    expect(out).toContain('\\u009b31m\\u202e');
    expect((JSON.parse(out) as { agency: { name: string } }).agency.name).toBe(`住建局${ESCAPES}`);
  });

  it.each(['text', 'csv', 'html', 'json'] as const)('compare --format %s and the left-out lines', async (format) => {
    const cmp = (await compareBatch({ inputs: [SEED_EVIDENCE], rubric: { file: SEED_RUBRIC, compiled: r.value }, cwd: process.cwd(), workers: 'never' })) as CompareReport;
    cmp.agencies[0]!.name = `住建局${ESCAPES}`;
    cmp.leftOut.push({ file: `evil${ESCAPES}.yaml`, reason: 'invalid', messages: [{ code: 'SCHEMA_INVALID', severity: 'error', message: `坏${ESCAPES}` }] });
    const out = (await formatCompareReport(cmp, format)) as string;
    expect(out).not.toMatch(CONTROL);
    for (const line of leftOutLines(cmp.leftOut.at(-1)!)) expect(line).not.toMatch(CONTROL);
  });
});
