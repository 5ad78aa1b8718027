// Year over year in the service: when an assessment was copied from last year's (previous_id) and last year's
// results are final, publishing final results adds the engine's baseline comparison — the same code as
// `zwgk compare <this year> --reviews … --baseline <last year> --baseline-rubric … --baseline-reviews …`, run over
// the stored documents written to a private temporary folder laid out like the export (<year>/rubric.yaml,
// <year>/evidence/<code>.json, <year>/reviews/<code>.json), so the file names in the section are those relative
// paths and the same export folders give the same figures on the command line.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBatch } from '../../batch/compare-batch.js';
import type { BaselineSection } from '../../cohort/compare-report.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { Store } from '../db/store.js';
import { compiledFor } from './engine.js';

export interface YearDocs {
  year: number;
  rubricText: string;
  compiled: CompiledRubric;
  docs: Array<{ code: string; evidenceText: string; reviewText: string | null }>;
}

/** Last year's final documents (rubric, each agency's evidence and review), or null when there is no final baseline. */
export async function previousYearDocs(store: Store, previousId: number | null): Promise<YearDocs | null> {
  if (previousId === null) return null;
  const a = await store.db.selectFrom('assessments').selectAll().where('id', '=', previousId).executeTakeFirst();
  if (!a || a.status !== 'final' || a.rubric_doc_id === null) return null;
  const r = await store.db.selectFrom('rubric_docs').select(['text', 'hash']).where('id', '=', a.rubric_doc_id).executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('submissions as s')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .innerJoin('reports as rep', 'rep.id', 's.report_id')
    .innerJoin('evidence_docs as e', 'e.id', 'rep.evidence_doc_id')
    .leftJoin('review_docs as rv', 'rv.id', 'rep.review_doc_id')
    .select(['g.code', 'e.text as etext', 'rv.text as rtext'])
    .where('s.assessment_id', '=', previousId)
    .where('rep.stage', '=', 'final')
    .orderBy('g.code')
    .execute();
  if (rows.length === 0) return null;
  return { year: a.year, rubricText: r.text, compiled: compiledFor(r.text, r.hash), docs: rows.map((x) => ({ code: x.code, evidenceText: x.etext, reviewText: x.rtext ?? null })) };
}

function writeYear(root: string, dir: string, y: YearDocs): void {
  mkdirSync(join(root, dir, 'evidence'), { recursive: true });
  mkdirSync(join(root, dir, 'reviews'), { recursive: true });
  writeFileSync(join(root, dir, 'rubric.yaml'), y.rubricText);
  for (const d of y.docs) {
    // Agency codes are validated identifiers (letters, digits, - _ .), never a path.
    writeFileSync(join(root, dir, 'evidence', `${d.code}.json`), d.evidenceText);
    if (d.reviewText !== null) writeFileSync(join(root, dir, 'reviews', `${d.code}.json`), d.reviewText);
  }
}

/** The baseline section of this year's comparison against last year's, by the engine's compare library. */
export async function baselineSection(current: YearDocs, previous: YearDocs): Promise<BaselineSection | null> {
  const root = mkdtempSync(join(tmpdir(), 'zwgk-yoy-'));
  // Same year twice (a copy made within one year): keep the two folders apart.
  const [cur, prev] = current.year === previous.year ? [`${current.year}`, `${previous.year}-上一轮`] : [`${current.year}`, `${previous.year}`];
  try {
    writeYear(root, cur, current);
    writeYear(root, prev, previous);
    const report = await compareBatch({
      inputs: [`${cur}/evidence`],
      rubric: { file: `${cur}/rubric.yaml`, compiled: current.compiled },
      reviews: `${cur}/reviews`,
      baseline: { inputs: [`${prev}/evidence`], rubric: { file: `${prev}/rubric.yaml`, compiled: previous.compiled }, reviews: `${prev}/reviews` },
      cwd: root,
      jobs: 1,
      workers: 'never',
    });
    return report.baseline;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
