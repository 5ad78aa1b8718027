// A generated "large" rubric for the benchmark: 6 sections × 5 groups × 5 leaves = 150 scored criteria cycling
// through every scoring method (binary, clauses, levels, linear, percent, deduct, judgement, external, weighted,
// perOccurrence, stepped, rank), plus zeroIf/ceilingIf overrides, a class-restricted section (not applicable
// to B类 → normalisation), a declarable not-applicable group, derived facts, a veto, and bonus/penalty parts.
import { stringify } from 'yaml';

export const LARGE_RUBRIC_ID = 'bench-large';
export const LARGE_RUBRIC_VERSION = '1.0';

const SECTION_POINTS = [20, 20, 15, 15, 15, 15];
const METHODS = ['binary', 'clauses', 'levels', 'linear', 'percent', 'deduct', 'judgement', 'external', 'weighted', 'perOccurrence', 'stepped', 'rank'] as const;

type Json = Record<string, unknown>;

/** Sections × 5 groups × leaves per group for the other supported sizes (150 is the original layout above). */
const LAYOUTS: Record<number, { sections: number; leaves: number }> = { 40: { sections: 2, leaves: 4 }, 500: { sections: 10, leaves: 10 } };
export const LARGE_RUBRIC_SIZES = [40, 150, 500] as const;

/** Leaf points of a group: they add up to the group's points. */
function leafPoints(groupPoints: number, leaves?: number): number[] {
  if (leaves !== undefined) return Array.from({ length: leaves }, () => groupPoints / leaves);
  return groupPoints === 4 ? [1, 1, 1, 0.5, 0.5] : [1, 0.5, 0.5, 0.5, 0.5];
}

/** Points as the YAML should show them (no binary-float tails such as 0.16000000000000003). */
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function scoring(method: (typeof METHODS)[number], f: string, points: number, k: number): { scoring: Json; facts: Record<string, Json> } {
  const b = (id: string): Json => ({ label: `指标 ${id} 是否达标`, type: 'boolean' });
  const n = (id: string): Json => ({ label: `指标 ${id} 的数量`, type: 'integer', min: 0, unit: '件' });
  const p = (id: string): Json => ({ label: `指标 ${id} 的比例`, type: 'percent' });
  switch (method) {
    case 'binary':
      return {
        scoring: { method, when: { all: [{ fact: `${f}_b`, operator: 'equal', value: true }, { fact: `${f}_n`, operator: 'greaterThanInclusive', value: 1 }] }, failReason: '未达到要求' },
        facts: { [`${f}_b`]: b(f), [`${f}_n`]: n(f) },
      };
    case 'clauses':
      return {
        scoring: {
          method,
          clauses: [
            { id: 'a', title: '建立制度', percent: 50, when: { fact: `${f}_b`, operator: 'equal', value: true } },
            { id: 'b', title: '按时公开', percent: 30, when: { fact: `${f}_p`, operator: 'greaterThanInclusive', value: 80 } },
            { id: 'c', title: '内容完整', percent: 20, when: { fact: `${f}_n`, operator: 'greaterThan', value: 2 } },
          ],
        },
        facts: { [`${f}_b`]: b(f), [`${f}_p`]: p(f), [`${f}_n`]: n(f) },
      };
    case 'levels':
      return {
        scoring: {
          method,
          levels: [
            { label: '优', percent: 100, when: { fact: `${f}_p`, operator: 'greaterThanInclusive', value: 90 } },
            { label: '良', percent: 60, when: { fact: `${f}_p`, operator: 'greaterThanInclusive', value: 70 } },
            { label: '差', percent: 0 },
          ],
        },
        facts: { [`${f}_p`]: p(f) },
      };
    case 'linear':
      return { scoring: { method, fact: `${f}_n`, from: { value: 0, points: 0 }, to: { value: 8, points } }, facts: { [`${f}_n`]: n(f) } };
    case 'percent':
      return { scoring: { method, fact: `${f}_p` }, facts: { [`${f}_p`]: p(f) } };
    case 'deduct':
      return {
        scoring: {
          method,
          overlap: 'stack',
          deductions: [
            { id: 'late', reason: '超期公开每条扣分', per: { fact: `${f}_n` }, each: points / 4, max: points },
            { id: 'missing', reason: '未建立台账', when: { fact: `${f}_b`, operator: 'equal', value: false }, amount: points / 2 },
            { id: 'half', reason: '解读不全扣一半', when: { fact: `${f}_n`, operator: 'greaterThan', value: 6 }, percentOfPoints: 50 },
          ],
        },
        facts: { [`${f}_n`]: n(f), [`${f}_b`]: b(f) },
      };
    case 'judgement':
      return { scoring: { method, min: 0, max: points, guidance: '酌情给分' }, facts: {} };
    case 'external':
      return { scoring: { method, fact: `${f}_p`, scale: 'percent', authority: '以县网站监测为准' }, facts: { [`${f}_p`]: p(f) } };
    case 'weighted':
      return {
        scoring: { method, inputs: [{ fact: `${f}_p`, weight: 80, label: '网上考核' }, { fact: `${f}_q`, weight: 20, label: '现场考核' }] },
        facts: { [`${f}_p`]: p(f), [`${f}_q`]: { label: `指标 ${f} 现场得分率`, type: 'percent' } },
      };
    case 'perOccurrence':
      return { scoring: { method, per: { fact: `${f}_n` }, each: points / 2, max: points }, facts: { [`${f}_n`]: n(f) } };
    case 'stepped':
      return {
        scoring: { method, fact: `${f}_n`, steps: [{ atLeast: 2, points: points / 2 }, { atLeast: 5, points }] },
        facts: { [`${f}_n`]: n(f) },
      };
    case 'rank':
      return {
        scoring:
          k % 2 === 0
            ? { method, basis: { fact: `${f}_n` }, order: 'desc', scheme: { bands: [{ upTo: 3, points: [points, r6(points * 0.8), r6(points * 0.6)] }, { upTo: 10, points: r6(points * 0.4) }] } }
            : { method, basis: { fact: `${f}_n` }, order: 'desc', among: 'class', scheme: { proportionalToFirst: true, upTo: 20 } },
        facts: { [`${f}_n`]: n(f) },
      };
  }
}

/** The large rubric as YAML text: 150 scored criteria (the default), or 40 or 500. */
export function generateLargeRubric(criteria = 150): string {
  const layout = LAYOUTS[criteria];
  if (criteria !== 150 && !layout) throw new Error(`unsupported rubric size ${criteria} (use ${LARGE_RUBRIC_SIZES.join(', ')})`);
  const sectionPoints = layout ? Array.from({ length: layout.sections }, () => 100 / layout.sections) : SECTION_POINTS;
  const last = sectionPoints.length - 1;
  const facts: Record<string, Json> = {};
  const nodes: Json[] = [];
  let leafNo = 0;
  sectionPoints.forEach((sp, si) => {
    const groups: Json[] = [];
    for (let g = 0; g < 5; g++) {
      const gp = sp / 5;
      const leaves: Json[] = leafPoints(gp, layout?.leaves).map((pts, li) => {
        const method = METHODS[leafNo % METHODS.length]!;
        const id = `${si + 1}.${g + 1}.${li + 1}`;
        const f = `f${leafNo}`;
        const s = scoring(method, f, pts, leafNo);
        Object.assign(facts, s.facts);
        leafNo++;
        const leaf: Json = { id, title: `第${si + 1}部分第${g + 1}组指标${li + 1}(${method})`, points: pts, scoring: s.scoring };
        if (leafNo % 17 === 0) {
          facts[`${f}_z`] = { label: `指标 ${id} 发现违规`, type: 'boolean' };
          leaf.zeroIf = [{ when: { fact: `${f}_z`, operator: 'equal', value: true }, reason: '发现违规,此项不得分' }];
        }
        if (leafNo % 23 === 0 && method !== 'judgement') {
          facts[`${f}_c`] = { label: `指标 ${id} 未梳理目录`, type: 'boolean' };
          leaf.ceilingIf = [{ when: { fact: `${f}_c`, operator: 'equal', value: true }, ceiling: pts / 2, reason: '未梳理目录,不高于一半分值' }];
        }
        return leaf;
      });
      const group: Json = { id: `${si + 1}.${g + 1}`, title: `第${si + 1}部分第${g + 1}组`, points: gp, children: leaves };
      if (si === last - 1 && g === 4) group.mayBeNotApplicable = true;
      groups.push(group);
    }
    const section: Json = { id: String(si + 1), title: `第${si + 1}部分`, points: sp, children: groups };
    if (si === last) section.classes = ['A'];
    nodes.push(section);
  });
  facts.casesTotal = { label: '案件总数', type: 'integer', min: 0 };
  facts.casesCorrected = { label: '被纠错案件数', type: 'integer', min: 0 };
  facts.correctionRate = {
    label: '被纠错率',
    type: 'percent',
    derive: { ratio: { numerator: 'casesCorrected', denominator: 'casesTotal', percent: true, onZeroDenominator: { value: 0 } } },
  };
  facts.commendations = { label: '受到表彰次数', type: 'integer', min: 0 };
  facts.innovations = { label: '创新举措数', type: 'integer', min: 0 };
  facts.criticisms = { label: '被通报批评次数', type: 'integer', min: 0 };
  facts.falsified = { label: '报送材料弄虚作假', type: 'boolean' };
  nodes[Math.min(3, last)]!.zeroIf = [{ when: { fact: 'correctionRate', operator: 'greaterThan', value: 50 }, reason: '被纠错率超过50%' }];
  nodes.push({
    id: 'B',
    title: '加分项',
    kind: 'bonus',
    points: 5,
    cap: 5,
    overflow: 'cap',
    eligibleIf: { atLeast: 60, reason: '基础分达到60分方可加分' },
    children: [
      { id: 'B.1', title: '受到表彰', points: 3, scoring: { method: 'perOccurrence', per: { fact: 'commendations' }, each: 1, max: 3 } },
      { id: 'B.2', title: '创新举措', points: 3, scoring: { method: 'stepped', fact: 'innovations', steps: [{ atLeast: 1, points: 1 }, { atLeast: 3, points: 3 }] } },
    ],
  });
  nodes.push({ id: 'P', title: '扣分项', kind: 'penalty', points: 5, scoring: { method: 'perOccurrence', per: { fact: 'criticisms' }, each: 1, max: 5 } });
  const rubric = {
    id: criteria === 150 ? LARGE_RUBRIC_ID : `${LARGE_RUBRIC_ID}-${criteria}`,
    version: LARGE_RUBRIC_VERSION,
    title: `基准测试用大型细则(${criteria}项指标)`,
    year: 2024,
    total: 100,
    precision: 2,
    classes: ['A', 'B'],
    vetoes: [{ id: 'falsified', title: '弄虚作假', when: { fact: 'falsified', operator: 'equal', value: true }, reason: '报送材料弄虚作假,判定为不合格', score: 0 }],
    facts,
    nodes,
  };
  return stringify(rubric, { lineWidth: 0 });
}
