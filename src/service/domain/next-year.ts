// Next year: copy an assessment (register, windows shifted by a year) with a new rubric. Last year's stored
// evidence stays where it is; its published reports feed the year-over-year comparison (baseline).
import type { Store } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { addAgencies } from './agencies.js';
import { createAssessment, loadAssessment, type AssessmentView } from './assessments.js';
import { EXPORT_NAMES } from './engine.js';

const plusYear = (iso: string | null): string | null => {
  if (!iso) return null;
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString();
};

/** Copy an assessment to `year` with a new rubric (validated); the register and windows come along. */
export async function copyAssessment(store: Store, actor: Actor, fromId: number, input: { year: number; title: string; rubricText: string; rubricFileName?: string }): Promise<AssessmentView> {
  requireRole(actor, ['admin'], '复制考核到下一年度');
  const from = await loadAssessment(store.db, fromId);
  const previous = from.rubric ? await store.db.selectFrom('rubric_docs').select('text').where('id', '=', from.rubric.id).executeTakeFirst() : undefined;
  const created = await createAssessment(
    store,
    actor,
    {
      year: input.year,
      title: input.title,
      rubricText: input.rubricText,
      rubricFileName: input.rubricFileName ?? EXPORT_NAMES.rubric,
      submitDeadline: plusYear(from.submitDeadline),
      reviewDeadline: plusYear(from.reviewDeadline),
      appealDeadline: plusYear(from.appealDeadline),
    },
    fromId,
    previous?.text,
  );
  const agencies = await store.db.selectFrom('agencies').selectAll().where('assessment_id', '=', fromId).orderBy('code').execute();
  await addAgencies(store, actor, created.id, agencies.map((g) => ({ code: g.code, name: g.name, shortName: g.short_name, class: g.class, contact: g.contact })), `复制自考核 ${fromId}`);
  return loadAssessment(store.db, created.id);
}
