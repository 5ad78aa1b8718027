// What a batch keeps of a rubric's tree: the section columns (depth 0–1), the leaf criteria whose lost points
// make the weak-spot table, and the rank-relative criteria (M27). Built once per rubric, identically in the main
// thread and in every worker, so summaries can refer to nodes by index.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { RankScoring } from '../schema/scoring-schema.js';
import { toOutput } from '../score/decimal.js';
import type { SectionColumn } from './compare-report.js';

export interface PlanLeaf {
  id: string;
  title: string;
  max: number;
  sectionId: string;
  sectionTitle: string;
}

export interface PlanRankNode {
  id: string;
  title: string;
  max: number;
  spec: RankScoring;
}

export interface BatchPlan {
  sections: SectionColumn[];
  /** Node ids whose scores a summary keeps, in this order: each section, then its children. */
  tracked: string[];
  /** Score-kind leaves (weak spots), in document order. */
  leaves: PlanLeaf[];
  leafIndex: Map<string, number>;
  rankNodes: PlanRankNode[];
  /** Every node's id and title in document order (summaries refer to nodes by index, not by copies of strings). */
  nodeIds: string[];
  nodeTitles: string[];
  nodeIndex: Map<string, number>;
  /** The rubric's consistency checks in rubric order (summaries refer to failed checks by index). */
  checks: Array<{ id: string; severity: 'error' | 'warning' }>;
  checkIndex: Map<string, number>;
  precision: number;
}

/** Derive the batch plan of a compiled rubric. */
export function buildBatchPlan(compiled: CompiledRubric): BatchPlan {
  const model = compiled.model;
  const p = compiled.rubric.precision;
  const sections: SectionColumn[] = [];
  const tracked: string[] = [];
  const leaves: PlanLeaf[] = [];
  const rankNodes: PlanRankNode[] = [];
  const sectionOf = new Map<string, { id: string; title: string }>();
  for (const f of model.nodes) {
    const top = f.parent === null ? { id: f.id, title: f.node.title } : sectionOf.get(f.parent)!;
    sectionOf.set(f.id, top);
    if (f.parent === null) {
      sections.push({ id: f.id, title: f.node.title, kind: f.kind, max: toOutput(f.max, p), children: [] });
      tracked.push(f.id);
    } else if (f.depth === 1) {
      sections[sections.length - 1]!.children.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p) });
      tracked.push(f.id);
    }
    if (f.children.length === 0 && f.kind === 'score') leaves.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p), sectionId: top.id, sectionTitle: top.title });
    const s = f.node.scoring;
    if (s?.method === 'rank') rankNodes.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p), spec: s });
  }
  const nodeIds = model.nodes.map((f) => f.id);
  return {
    sections,
    tracked,
    leaves,
    leafIndex: new Map(leaves.map((l, i) => [l.id, i])),
    rankNodes,
    nodeIds,
    nodeTitles: model.nodes.map((f) => f.node.title),
    nodeIndex: new Map(nodeIds.map((id, i) => [id, i])),
    checks: compiled.rubric.checks.map((c) => ({ id: c.id, severity: c.severity })),
    checkIndex: new Map(compiled.rubric.checks.map((c, i) => [c.id, i])),
    precision: p,
  };
}
