// Every xlsx the project writes is byte-identical for the same input, whatever the clock says (issue 9: zip entry
// timestamps and workbook dates were the current time). The clock is moved between the two runs.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareBatch } from '../../src/batch/compare-batch.js';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';
import { buildEvidenceWorkbook, formatReport, loadRubric, parseEvidence, scoreEvidence, writeWorkbook } from '../../src/index.js';
import { SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

afterEach(() => vi.useRealTimers());

async function twice(produce: () => Promise<Uint8Array | string>): Promise<[Uint8Array, Uint8Array]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-03-05T10:11:12Z'));
  const a = await produce();
  vi.setSystemTime(new Date('2031-11-22T23:59:58Z'));
  const b = await produce();
  vi.useRealTimers();
  return [Buffer.from(a), Buffer.from(b)];
}

describe('deterministic xlsx', async () => {
  const r = await loadRubric(SEED_RUBRIC);
  if (!r.ok) throw new Error('seed rubric invalid');
  const compiled = r.value;

  it('the scored sheet', async () => {
    const ev = parseEvidence(SEED_EVIDENCE, readFileSync(SEED_EVIDENCE, 'utf8'), compiled);
    if (!ev.ok) throw new Error('seed evidence invalid');
    const report = await scoreEvidence(compiled, ev.value);
    const [a, b] = await twice(async () => (await formatReport(report, 'xlsx')) as Uint8Array);
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('the evidence form', async () => {
    const [a, b] = await twice(async () => writeWorkbook(await buildEvidenceWorkbook(compiled, {})));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('the comparison workbook', async () => {
    const report = await compareBatch({ inputs: ['examples/etuokeqianqi-2017'], rubric: { file: SEED_RUBRIC, compiled }, cwd: process.cwd(), workers: 'never' });
    const [a, b] = await twice(async () => (await formatCompareReport(report, 'xlsx')) as Uint8Array);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
