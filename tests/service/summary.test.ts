// The board's figures of a score report (summarise): over-claims, missing evidence and failed rubric checks
// (未通过核验) counted from the report, hand-made reports table-driven.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/service/domain/agencies.js';

const base = { totals: { final: 88.5, claimed: 90, grade: '良好' }, overClaims: [{}], missingEvidence: [{}, {}] };

describe('summarise', () => {
  it.each([
    ['no checks field (older report)', {}, 0],
    ['all pass', { checks: [{ outcome: 'pass' }, { outcome: 'pass' }] }, 0],
    ['one fail, one not assessable', { checks: [{ outcome: 'fail' }, { outcome: 'not_assessable' }] }, 1],
    ['resolved failures still count', { checks: [{ outcome: 'fail', resolution: {} }, { outcome: 'fail' }, { outcome: 'pass' }] }, 2],
  ])('%s → failedChecks %i', (_label, extra, failed) => {
    expect(summarise({ ...base, ...extra })).toEqual({ final: 88.5, claimed: 90, grade: '良好', overClaims: 1, missingEvidence: 2, failedChecks: failed });
  });

  it('keeps the report status when present', () => {
    expect(summarise({ ...base, status: 'provisional' }).status).toBe('provisional');
  });
});
