// The process table, walked exhaustively: every action × every state, with the transitions spelled out by hand.
import { describe, expect, it } from 'vitest';
import type { SubmissionState } from '../../src/service/db/schema.js';
import { refuseTransition, STATE_LABELS, TRANSITIONS, type SubmissionAction } from '../../src/service/domain/state-machine.js';

const STATES = Object.keys(STATE_LABELS) as SubmissionState[];

/** action → the states it is allowed from (hand-written, independent of TRANSITIONS). */
const ALLOWED: Record<SubmissionAction, SubmissionState[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  review: ['submitted', 'accepted', 'appealed'],
  return: ['submitted', 'accepted'],
  accept: ['submitted'],
  publishProvisional: ['accepted'],
  appeal: ['provisional', 'appealed'],
  resolve: ['appealed'],
  publishFinal: ['provisional'],
};

describe('state machine', () => {
  const table = (Object.keys(ALLOWED) as SubmissionAction[]).flatMap((a) => STATES.map((s) => [a, s, ALLOWED[a].includes(s)] as const));
  it.each(table)('%s from %s → allowed %s', (action, state, allowed) => {
    const refusal = refuseTransition(action, state);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toMatch(new RegExp(`^当前状态为「${STATE_LABELS[state]}」,不能`));
  });

  it('targets and roles are as the process says', () => {
    expect(Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [k, [t.to, [...t.roles].sort().join(','), t.assessment, t.window ?? '-']]))).toEqual({
      save: ['same', 'admin,agency', 'open', 'submit'],
      submit: ['submitted', 'admin,agency', 'open', 'submit'],
      review: ['same', 'admin,reviewer', 'open', 'review'],
      return: ['returned', 'admin,reviewer', 'open', 'review'],
      accept: ['accepted', 'admin,reviewer', 'open', 'review'],
      publishProvisional: ['provisional', 'admin', 'open', '-'],
      appeal: ['appealed', 'agency', 'provisional', 'appeal'],
      resolve: ['provisional', 'admin,reviewer', 'provisional', '-'],
      publishFinal: ['final', 'admin', 'provisional', '-'],
    });
  });

  it('leaders appear in no transition (read-only)', () => {
    for (const t of Object.values(TRANSITIONS)) expect(t.roles).not.toContain('leader');
  });
});
