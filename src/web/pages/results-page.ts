// 考核结果: the published comparison (ranking with ties on the 100-scale score, grades, section scores as a heatmap,
// common losses, year over year), each row linking to that agency's sheet. Pure: the publication's compare report
// (the contract of `zwgk compare --format json`) in, page view out; nothing is re-scored or re-ranked here.
import type { CompareReport } from '../../cohort/compare-report.js';
import { formatNumber, formatSigned } from '../../render/numbers.js';
import type { AssessmentView } from '../../service/domain/assessments.js';
import type { PublicationView } from '../../service/domain/publish.js';
import type { PageChrome } from './chrome.js';
import { dateTimeText } from './labels.js';

/** 0: no loss … 3: more than half lost (classes heat-0 … heat-3). */
export function heatLevel(score: number, max: number): number {
  if (max <= 0) return 0;
  const lost = (max - score) / max;
  return lost <= 0 ? 0 : lost <= 0.25 ? 1 : lost <= 0.5 ? 2 : 3;
}

export function buildResultsPage(chrome: PageChrome, a: AssessmentView, pub: PublicationView) {
  const c: CompareReport = pub.compare;
  const p = c.rubric.precision;
  const rows = [...c.agencies]
    .sort((x, y) => x.rank.normalized - y.rank.normalized || x.code.localeCompare(y.code))
    .map((ag) => ({
      rank: String(ag.rank.normalized),
      code: ag.code,
      name: ag.name,
      href: `/a/${a.id}/results/${encodeURIComponent(ag.code)}`,
      finalText: formatNumber(ag.totals.final, p),
      normalizedText: formatNumber(ag.totals.normalized, p),
      grade: ag.totals.grade,
      claimedText: formatNumber(ag.totals.claimed, p),
      // Bonus and penalty sections are not "lost" when empty: only score sections are shaded.
      sections: ag.sections.map((s, i) => ({ text: s.notApplicable ? '不适用' : formatNumber(s.score, p), heat: s.notApplicable || c.sections[i]?.kind !== 'score' ? 'none' : String(heatLevel(s.score, s.applicableMax)) })),
    }));
  const n = c.agencies.length;
  const mean = n > 0 ? c.agencies.reduce((acc, x) => acc + x.totals.final, 0) / n : null;
  return {
    ...chrome,
    assessment: { id: a.id, title: a.title },
    stageText: pub.stage === 'final' ? '最终结果' : '初步结果（公示中，可申诉）',
    stageClass: pub.stage === 'final' ? 'final' : 'published',
    publishedText: dateTimeText(pub.createdAt),
    agencyCount: n,
    meanText: formatNumber(mean, p),
    hashShort: pub.hash.slice(0, 16),
    sectionHeads: c.sections.map((s) => `${s.title}(${formatNumber(s.max, p)})`),
    rows: rows.map((x) => ({ ...x, name: x.name })),
    grades: c.gradeDistribution.map((g) => ({ grade: g.grade, count: g.count, shareText: `${formatNumber(g.share * 100, 1)}%` })),
    weakSpots: c.weakSpots.slice(0, 10).map((w) => ({ id: w.id, title: w.title, agenciesLost: w.agenciesLost, agenciesAssessed: w.agenciesAssessed, averageText: formatNumber(w.averageLost, p) })),
    yoy: (c.baseline?.agencies ?? []).map((b) => ({ name: b.name, previousText: formatNumber(b.previous, p), currentText: formatNumber(b.current, p), changeText: formatSigned(b.change, p) || '0' })),
    urls: { compareHtml: `/a/${a.id}/results/compare.html`, compareXlsx: `/a/${a.id}/results/compare.xlsx` },
  };
}
