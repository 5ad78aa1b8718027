import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileOk, scoreOk } from './helpers/score.js';

describe('seed example', () => {
  it('scores the seed agency and sums the claims to 74', async () => {
    const compiled = compileOk(readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8'), 'rubrics/etuokeqianqi-2017.yaml');
    const report = await scoreOk(compiled, readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8'));
    expect(report.totals.claimed).toBe(74);
    expect(report.totals.max).toBe(100);
  });
});
