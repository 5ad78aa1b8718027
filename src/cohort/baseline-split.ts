// The year-over-year split. For each agency present in both years:
//   previous  = last year's facts under last year's rubric
//   rescored  = last year's facts under this year's rubric (criteria the facts cannot decide count 0)
//   bridged   = the same, with those not-comparable criteria given this year's score
//   current   = this year's facts under this year's rubric
// change = current − previous = rubricChange (rescored − previous) + notComparableChange (bridged − rescored)
//        + workChange (current − bridged). When only the rubric changed, current = rescored = bridged and all of
// the change is rubric change. Pure.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { dec } from '../score/decimal.js';
import type { AgencySummary } from './agency-summary.js';
import type { BaselineRow, BaselineSection, LeftOutFile } from './compare-report.js';
import { compareCodes } from './ranking.js';
import type { CohortResult } from './score-cohort.js';

const diff = (a: number, b: number): number => {
  const n = dec(a).minus(b).toNumber();
  return n === 0 ? 0 : n;
};

export interface BaselineInputs {
  baselineRubric: CompiledRubric;
  current: Map<string, AgencySummary>;
  previous: CohortResult;
  rescored: CohortResult;
  /** Re-scored baseline with not-comparable criteria at this year's score, by code (only where any exist). */
  bridged: Map<string, AgencySummary>;
}

/** Build the baseline section of the comparison report. */
export function buildBaselineSection(input: BaselineInputs): BaselineSection {
  const { current, previous, rescored, bridged } = input;
  const agencies: BaselineRow[] = [];
  for (const [code, cur] of current) {
    const prev = previous.agencies.get(code);
    const re = rescored.agencies.get(code);
    if (!prev || !re) continue;
    const carry = rescored.carry.get(code);
    const br = bridged.get(code) ?? re;
    const c = cur.totals.final;
    agencies.push({
      code,
      name: cur.agency.name,
      previous: prev.totals.final,
      rescored: re.totals.final,
      current: c,
      change: diff(c, prev.totals.final),
      rubricChange: diff(re.totals.final, prev.totals.final),
      notComparableChange: diff(br.totals.final, re.totals.final),
      workChange: diff(c, br.totals.final),
      droppedFacts: carry?.droppedFacts ?? [],
      notComparable: carry?.notComparable ?? [],
      previousFile: prev.file,
    });
  }
  const onlyInBaseline = [...previous.agencies.values()]
    .filter((p) => !current.has(p.agency.code))
    .map((p) => ({ code: p.agency.code, name: p.agency.name, file: p.file }));
  const onlyInCurrent = [...current.values()].filter((c) => !previous.agencies.has(c.agency.code)).map((c) => ({ code: c.agency.code, name: c.agency.name }));
  const leftOut: LeftOutFile[] = [...previous.leftOut].sort((a, b) => compareCodes(a.file, b.file));
  const r = input.baselineRubric;
  return {
    rubric: { id: r.rubric.id, title: r.rubric.title, version: r.rubric.version, hash: r.hash },
    agencies: agencies.sort((a, b) => compareCodes(a.code, b.code)),
    onlyInBaseline: onlyInBaseline.sort((a, b) => compareCodes(a.code, b.code)),
    onlyInCurrent: onlyInCurrent.sort((a, b) => compareCodes(a.code, b.code)),
    leftOut,
  };
}
